#!/usr/bin/env node
/**
 * `npm run format:check:ci` (run by .ci/run): prettier --check on the files that are in prettier's
 * format already, listed in .prettier-formatted (one path a line), so a file that was formatted stays
 * formatted while the rest of the tree waits for its one-time reformat (`npm run format`, a commit of
 * its own so no branch conflicts with it). That commit deletes .prettier-formatted; from then on this
 * checks the whole tree, as `npm run format:check` does.
 */
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const list = path.join(root, '.prettier-formatted');
const prettier = require.resolve('prettier/bin/prettier.cjs');
const files = existsSync(list)
  ? readFileSync(list, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#') && existsSync(path.join(root, line)))
  : ['.'];
const result = spawnSync(process.execPath, [prettier, '--check', '--log-level', 'warn', ...files], { cwd: root, stdio: 'inherit' });
if (result.status === 0) console.log(`prettier: ${existsSync(list) ? `${files.length} files of .prettier-formatted` : 'the whole tree'} in format`);
process.exit(result.status ?? 1);
