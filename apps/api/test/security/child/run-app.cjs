/**
 * Runs apps/<name>/src/main.ts (api or worker) in a child process straight from the TypeScript
 * sources (SWC, the same transform as Jest), so a test reads the process's real log output.
 * Usage: node run-app.cjs <api|worker>
 */
const Module = require('node:module');
const path = require('node:path');
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

const app = process.argv[2];
if (app !== 'api' && app !== 'worker') throw new Error('usage: run-app.cjs <api|worker>');
const root = path.resolve(__dirname, '..', '..', '..', '..', '..');
const LIBS = new Set(['contracts', 'config', 'db', 'queue', 'connectors', 'runtime', 'testing', 'classifier']);
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const m = /^@resonance\/([a-z-]+)$/.exec(request);
  if (m) return path.join(root, LIBS.has(m[1]) ? 'libs' : 'apps', m[1], 'src', 'index.ts');
  return resolve.call(this, request, parent, ...rest);
};
Module._extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
require(path.join(root, 'apps', app, 'src', 'main.ts'));
