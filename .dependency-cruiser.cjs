// dependency-cruiser: the boundaries of DESIGN §1 as rules (issue 22). `npm run depcruise`.
// Paths are repository-relative; `@resonance/<name>` resolves through tsconfig.json's paths to
// libs/<name>/src or apps/<name>/src, so a rule on `^libs/db/` also catches `@resonance/db`.

/** Test code: the three Jest tiers and the test folders (their support files included). */
const TEST = '(\\.(spec|int-spec|e2e-spec)\\.tsx?$|^(apps|libs)/[^/]+/test/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    // ---- libraries never depend on applications ----
    {
      name: 'lib-imports-app',
      comment: 'Dependencies point one way: apps → libs (DESIGN §1). A lib that needs app code has found code that belongs in a lib.',
      severity: 'error',
      from: { path: '^libs/', pathNot: '^libs/connectors/src/.+\\.spec\\.ts$' },
      to: { path: '^apps/' },
    },
    {
      name: 'connector-spec-imports-app-but-sim',
      comment:
        "Connector unit tests may read the sim's demo app credentials (DEMO_FACEBOOK_APP, DEMO_YOUTUBE_CLIENT: the sim is the networks); nothing else of any app.",
      severity: 'error',
      from: { path: '^libs/connectors/src/.+\\.spec\\.ts$' },
      to: { path: '^apps/', pathNot: '^apps/sim/' },
    },

    // ---- applications do not import each other ----
    {
      name: 'app-imports-other-app',
      comment:
        'An app uses libs, not another app (DESIGN §1). The one exception is the cli (next rule): `npm start`, seed and bench run the sim and the worker in process.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/src/', pathNot: ['^apps/cli/src/', TEST] },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'cli-imports-app-but-sim-and-worker',
      comment: 'The cli starts the stack: it may import the sim (seed, bench worlds) and the worker (bench ingest, rollup command), not the api or the web.',
      severity: 'error',
      from: { path: '^apps/cli/src/', pathNot: TEST },
      to: { path: '^apps/(api|web)/' },
    },
    {
      name: 'app-imports-web',
      comment:
        "Nothing imports the dashboard: the api serves its build, the browser tests drive it through a browser. (Other apps' tests may import the sim, api, worker and cli: they start the stack they test against.)",
      severity: 'error',
      from: { path: '^apps/', pathNot: '^apps/web/' },
      to: { path: '^apps/web/' },
    },
    {
      name: 'sim-imports-app',
      comment: 'The sim stands in for the networks; it knows nothing of the product (its tests neither).',
      severity: 'error',
      from: { path: '^apps/sim/' },
      to: { path: '^apps/', pathNot: '^apps/sim/' },
    },
    {
      name: 'app-src-imports-app-test',
      comment: 'Production code never imports test code, of its own app or another.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: TEST },
      to: { path: TEST },
    },

    // ---- what each lib may use ----
    {
      name: 'connectors-import-lib-but-contracts-config',
      comment: 'Connectors depend only on contracts and config (DESIGN §1): no database, no queue, no runtime.',
      severity: 'error',
      from: { path: '^libs/connectors/' },
      to: { path: '^libs/', pathNot: '^libs/(connectors|contracts|config)/' },
    },
    {
      name: 'web-imports-lib-but-contracts',
      comment: 'The dashboard depends only on libs/contracts (DESIGN §1): wire types, no server code.',
      severity: 'error',
      from: { path: '^apps/web/src/' },
      to: { path: '^libs/', pathNot: '^libs/contracts/' },
    },
    {
      name: 'web-imports-node',
      comment: 'The dashboard runs in a browser: no Node built-ins in apps/web/src.',
      severity: 'error',
      from: { path: '^apps/web/src/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'contracts-or-config-import-workspace',
      comment: 'libs/contracts (framework-free types) and libs/config (the one configuration schema) are the bottom: they import no other lib or app.',
      severity: 'error',
      from: { path: '^libs/(contracts|config)/' },
      to: { path: '^(libs|apps)/', pathNot: '^libs/$1/' },
    },
    {
      name: 'src-imports-testing-lib',
      comment: 'libs/testing (factories, test databases) is for tests only.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: [TEST, '^libs/testing/'] },
      to: { path: '^libs/testing/' },
    },

    // ---- general ----
    {
      name: 'no-circular',
      comment: 'No import cycles (DESIGN §1): extract the shared part instead of patching with forwardRef or late requires.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'not-to-undeclared-dependency',
      comment: 'A package used from code must be declared in package.json (the root or the workspace), or a fresh install breaks.',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'no-orphans',
      comment: 'A module nothing imports is dead code (entry points, tests and config files are not orphans).',
      severity: 'error',
      from: {
        orphan: true,
        pathNot: [
          TEST,
          '\\.d\\.ts$',
          '(^|/)index\\.tsx?$',
          '(^|/)main\\.tsx?$',
          '\\.(cjs|mjs|js|json)$',
          '^apps/web/vite\\.config\\.ts$',
          '^scripts/',
          // Preloaded with `node --require <path>` by `resonance start` (commands/start.ts), not imported.
          '^apps/cli/src/exit-with-parent\\.ts$',
        ],
      },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    exclude: { path: ['(^|/)dist/', '(^|/)node_modules/', '(^|/)coverage/'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    // Type-only imports count too: a boundary holds for types as well (the web may import types
    // from libs/contracts only, not `import type` from the api).
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.cjs', '.mjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
