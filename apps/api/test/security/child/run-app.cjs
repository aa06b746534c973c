/**
 * Runs apps/<name>/src/main.ts (api or worker) in a child process straight from the TypeScript
 * sources (SWC, the same transform as Jest), so a test reads the process's real log output.
 * Usage: node run-app.cjs <api|worker>
 */
const path = require('node:path');
const { root } = require('../../../../../scripts/register-ts.cjs');

const app = process.argv[2];
if (app !== 'api' && app !== 'worker') throw new Error('usage: run-app.cjs <api|worker>');
require(path.join(root, 'apps', app, 'src', 'main.ts'));
