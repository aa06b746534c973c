#!/usr/bin/env node
/**
 * `npm run soak -- --minutes 30 [--seed N] [--report FILE]`: the fault soak (not part of `npm test`).
 * Starts a private PostgreSQL cluster, a private Redis, the sim, the api and the worker (all on
 * loopback ports of their own), injects random faults from the fault suite's catalogue at random
 * moments for the given minutes on all five networks, then checks the ground truth and writes a
 * markdown report (seed, duration, faults per kind, items checked, lost/doubled/stuck) for
 * docs/reliability.md. The same --seed gives the same faults in the same order. Runs as root too
 * (PostgreSQL then runs as the OS user postgres). Exit code 1 when anything was lost, doubled or stuck.
 */
const path = require('node:path');
const os = require('node:os');

const usage = 'usage: npm run soak -- --minutes <n> [--seed <integer>] [--report <file.md>]';
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? undefined : args[i + 1];
};
const known = new Set(['--minutes', '--seed', '--report']);
for (let i = 0; i < args.length; i += 2) {
  if (!known.has(args[i]) || args[i + 1] === undefined) {
    console.error(`unknown or incomplete option "${args[i]}"\n${usage}`);
    process.exit(2);
  }
}
const minutes = Number(option('minutes') ?? 30);
if (!(minutes > 0 && minutes <= 24 * 60)) {
  console.error(`--minutes must be a number of minutes from 0 to 1440\n${usage}`);
  process.exit(2);
}
const seedText = option('seed');
const seed = seedText === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(seedText);
if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
  console.error(`--seed must be an integer from 0 to 4294967295\n${usage}`);
  process.exit(2);
}
const reportPath = path.resolve(option('report') ?? path.join(os.tmpdir(), `resonance-soak-${seed}.md`));

// The sources run as TypeScript through SWC, as in the tests.
const { root } = require('./register-ts.cjs');

const { runSoak } = require(path.join(root, 'apps', 'worker', 'test', 'faults', 'soak.ts'));
console.log(`soak: seed ${seed} (repeat with --seed ${seed}); report: ${reportPath}`);
const stopOnSignal = () => process.exit(130); // the rig's exit hook kills every process it started
process.once('SIGINT', stopOnSignal);
process.once('SIGTERM', stopOnSignal);
runSoak({ minutes, seed, reportPath }).then(
  (result) => {
    const bad = result.tally.lost.length + result.tally.doubled.length + result.tally.stuck.length + result.tally.wrong.length;
    console.log(
      `soak: seed ${seed}; faults ${JSON.stringify(result.injected)}; checked ${result.tally.checked}; lost ${result.tally.lost.length}, doubled ${result.tally.doubled.length}, stuck ${result.tally.stuck.length}, wrong ${result.tally.wrong.length}`,
    );
    process.exit(bad ? 1 : 0);
  },
  (error) => {
    console.error(`soak failed: ${error.stack ?? error}`);
    process.exit(1);
  },
);
