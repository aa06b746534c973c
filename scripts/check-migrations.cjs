#!/usr/bin/env node
/**
 * `npm run check:migrations`: shipped migrations are never edited, removed or left out of
 * MIGRATIONS (libs/db/src/migration-guard.ts says why). A new migration records its line:
 * `npm run check:migrations -- --record`, then commit libs/db/src/migrations/checksums.json with it.
 */
const path = require('node:path');
const { root } = require('./register-ts.cjs');
const { checkMigrations, describeMigrationCheck, recordNewMigrations } = require('../libs/db/src/migration-guard.ts');

const args = process.argv.slice(2);
if (args.some((a) => a !== '--record')) {
  console.error('usage: npm run check:migrations [-- --record]');
  process.exit(2);
}
const dir = path.join(root, 'libs', 'db', 'src', 'migrations');
if (args.includes('--record')) {
  const added = recordNewMigrations(dir);
  console.log(added.length ? `recorded: ${added.join(', ')}` : 'no new migration to record');
}
const problems = describeMigrationCheck(checkMigrations(dir));
for (const line of problems) console.error(line);
if (problems.length) process.exit(1);
console.log('migrations: every shipped migration is as recorded in libs/db/src/migrations/checksums.json');
