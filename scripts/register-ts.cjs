/**
 * Lets a child process require the TypeScript sources (SWC, the same transform as Jest) and
 * resolves @resonance/<name> to libs/<name>/src or apps/<name>/src. Shared by the child processes
 * tests start (apps/api/test/security/child/*.cjs, apps/worker/test/child/run-worker.cjs) and by
 * `npm run soak` (scripts/soak.cjs).
 */
const Module = require('node:module');
const path = require('node:path');
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..');
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

module.exports = { root };
