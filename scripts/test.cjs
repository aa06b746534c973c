#!/usr/bin/env node
// `npm test`: check the generated query types, type-check everything (tests and the dashboard
// included), build what the e2e tier starts, then run every Jest tier. Extra arguments go to Jest
// (for example: npm test -- libs/db).
const { spawn, spawnSync } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');

const tsc = require.resolve('typescript/bin/tsc');
const jest = require.resolve('jest/bin/jest');
const root = path.resolve(__dirname, '..');

// The type checks keep what they learnt between runs (tsc --incremental), in node_modules/.cache:
// a run after a small change re-checks what the change touches, not the whole repository. The
// build (tsc -b) keeps its own in each package's dist.
const cache = (name) => ['--incremental', '--tsBuildInfoFile', path.join(root, 'node_modules', '.cache', 'tsc', `${name}.tsbuildinfo`)];

// The checks before Jest, in the order they are reported. The generated query types (*.queries.ts)
// must be what pgTyped makes of each .sql file against a freshly migrated database
// (scripts/check-sql-types.cjs, docs/data-layer.md): reported first, so a stale file is reported
// as such rather than as the type errors it causes. The dashboard and its browser tests have their
// own compiler settings (DOM, bundler resolution).
const checks = [
  ['generated query types', [require.resolve('./check-sql-types.cjs')]],
  ['type check', [tsc, '-p', 'tsconfig.json', ...cache('root')]],
  ['type check: dashboard', [tsc, '-p', 'apps/web/tsconfig.json', ...cache('web')]],
  ['type check: browser tests', [tsc, '-p', 'apps/web/test/tsconfig.json', ...cache('web-test')]],
  ['build', [tsc, '-b', 'tsconfig.build.json']],
];

/**
 * Runs the checks side by side, as many at a time as there are cores (each is one single-threaded
 * process; one after the other they took minutes on a 2-core machine), and prints each one's
 * output whole, in the order above. Resolves with the first failure in that order, if any.
 */
async function runChecks() {
  const parallel = Math.max(1, Math.min(checks.length, os.availableParallelism?.() ?? os.cpus().length));
  const results = new Array(checks.length);
  let next = 0;
  const runOne = (index) =>
    new Promise((resolve) => {
      const [, args] = checks[index];
      const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      const output = [];
      child.stdout.on('data', (chunk) => output.push(chunk));
      child.stderr.on('data', (chunk) => output.push(chunk));
      child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
      child.on('close', (code, signal) => {
        results[index] = { status: code ?? (signal ? 1 : 0), output: Buffer.concat(output) };
        resolve();
      });
    });
  const lane = async () => {
    while (next < checks.length) await runOne(next++);
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  for (const [index, [name]] of checks.entries()) {
    const { status, output } = results[index];
    process.stdout.write(output);
    if (status !== 0) {
      process.stderr.write(`npm test: ${name} failed (exit ${status})\n`);
      return status;
    }
  }
  return 0;
}

runChecks().then((status) => {
  if (status !== 0) process.exit(status);
  // --forceExit: a test that leaves a socket open must not hold CI until its time limit; the suites
  // close what they open, and `npx jest --detectOpenHandles <path>` finds the one that does not.
  const result = spawnSync(process.execPath, [jest, '--maxWorkers=2', '--forceExit', ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
});
