#!/usr/bin/env node
// `npm test`: check the generated query types, type-check everything (tests and the dashboard
// included), build what the e2e tier starts, then run every Jest tier. Extra arguments go to Jest
// (for example: npm test -- libs/db).
const { spawnSync } = require('node:child_process');

const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

const tsc = require.resolve('typescript/bin/tsc');
const jest = require.resolve('jest/bin/jest');

// The generated query types (*.queries.ts) must be what pgTyped makes of each .sql file against a
// freshly migrated database (scripts/check-sql-types.cjs, docs/data-layer.md): before the type
// check, so a stale file is reported as such rather than as the type errors it causes.
run(process.execPath, [require.resolve('./check-sql-types.cjs')]);
run(process.execPath, [tsc, '-p', 'tsconfig.json']);
// The dashboard and its browser tests have their own compiler settings (DOM, bundler resolution).
run(process.execPath, [tsc, '-p', 'apps/web/tsconfig.json']);
run(process.execPath, [tsc, '-p', 'apps/web/test/tsconfig.json']);
run(process.execPath, [tsc, '-b', 'tsconfig.build.json']);
// --forceExit: a test that leaves a socket open must not hold CI until its time limit; the suites
// close what they open, and `npx jest --detectOpenHandles <path>` finds the one that does not.
run(process.execPath, [jest, '--maxWorkers=2', '--forceExit', ...process.argv.slice(2)]);
