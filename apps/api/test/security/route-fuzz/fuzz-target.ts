import { loadConfig, testServices } from '@resonance/config';
import { testConfig } from '@resonance/testing';
import { createApi } from '../../../src';
import { expressRoutes, routeCatalogue, type RouteSpec } from './catalogue';

/**
 * The api under fuzzing, in a child process of the test (child/fuzz-target.cjs): a request that
 * blocks the event loop or fills the heap stalls or kills this process, not the test, whose
 * per-request timeout then fails the run and starts a fresh copy. Tells the parent its port and the
 * routes it serves.
 */
export interface TargetReady {
  port: number;
  routes: RouteSpec[];
  /** Method and path of every /api route Express serves, to check the catalogue missed none. */
  served: Array<{ method: string; path: string }>;
}

async function main(): Promise<void> {
  // Its parent passes the test database and queue prefix as DATABASE_URL and QUEUE_PREFIX.
  const { databaseUrl } = testServices();
  if (!process.send) throw new Error('fuzz-target runs as a child of route-fuzz.int-spec.ts (IPC)');
  const config = testConfig({
    QUEUE_PREFIX: loadConfig().QUEUE_PREFIX,
    // The fuzzer writes far faster than people; the limit itself is tested in security.int-spec.ts.
    API_WRITE_LIMIT_PER_MINUTE: '10000000',
    LOG_LEVEL: 'error',
  });
  const app = await createApi(config, databaseUrl);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const ready: TargetReady = { port: address.port, routes: routeCatalogue(app), served: expressRoutes(app) };
  process.send(ready);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
