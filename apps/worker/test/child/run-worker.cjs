/**
 * Runs apps/worker/src/main.ts in a child process straight from the TypeScript sources (SWC, the
 * same transform as Jest), so a test can kill a real worker process with SIGKILL mid-page.
 */
const path = require('node:path');
const { root } = require('../../../../scripts/register-ts.cjs');

require(path.join(root, 'apps', 'worker', 'src', 'main.ts'));
