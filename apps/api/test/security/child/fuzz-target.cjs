/** Starts the api for the route fuzz test (../route-fuzz/fuzz-target.ts) from the TypeScript sources. */
const path = require('node:path');
require('../../../../../scripts/register-ts.cjs');
require(path.join(__dirname, '..', 'route-fuzz', 'fuzz-target.ts'));
