#!/usr/bin/env node
// The `resonance` command. Its TypeScript sources are compiled on first use (and by `npm start`).
const path = require('node:path');
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..');
const entry = path.join(root, 'apps', 'cli', 'dist', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('resonance: compiling the TypeScript sources once (npm run build does the same)…\n');
  const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  const built = spawnSync(process.execPath, [tsc, '-b', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
require(entry);
