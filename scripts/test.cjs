#!/usr/bin/env node
// `npm test`: type-check everything (tests and the dashboard included), build what the e2e tier
// starts, then run every Jest tier. Extra arguments go to Jest (for example: npm test -- libs/db).
const { spawnSync } = require('node:child_process');

const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

const tsc = require.resolve('typescript/bin/tsc');
const jest = require.resolve('jest/bin/jest');

run(process.execPath, [tsc, '-p', 'tsconfig.json']);
// The dashboard and its browser tests have their own compiler settings (DOM, bundler resolution).
run(process.execPath, [tsc, '-p', 'apps/web/tsconfig.json']);
run(process.execPath, [tsc, '-p', 'apps/web/test/tsconfig.json']);
run(process.execPath, [tsc, '-b', 'tsconfig.build.json']);
// --forceExit: a test that leaves a socket open must not hold CI until its time limit; the suites
// close what they open, and `npx jest --detectOpenHandles <path>` finds the one that does not.
run(process.execPath, [jest, '--maxWorkers=2', '--forceExit', ...process.argv.slice(2)]);
