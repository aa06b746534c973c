import type { MessageRecord } from '@resonance/contracts';
import { testServices } from '@resonance/config';
import { createQueueBackend, QueueName, type IngestJob, type QueueBackend } from '@resonance/queue';
import { createTestDatabase, makeChannel, makeWorkspace, RedisRelay, testConfig, type TestDatabase } from '@resonance/testing';
import { startWorker, type WorkerHandle } from '../src';
import { WorkerHealthServer } from '../src/health/health-server';
import type { Readiness } from '../src/health/worker-probes';

const TOKEN = 'worker-metrics-token-0123456789abcdef';

/** Sum of the samples of one metric whose labels include `labels` (Prometheus text format). */
function total(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (match?.[1] !== name) continue;
    const have = new Map([...(match[2] ?? '').matchAll(/([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]] as const));
    if (Object.entries(labels).every(([k, v]) => have.get(k) === v)) sum += Number(match[3]);
  }
  return sum;
}

async function waitFor<T>(probe: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
}

const comment = (id: string): MessageRecord => ({
  kind: 'message',
  network: 'facebook',
  externalId: id,
  threadKey: `t-${id}`,
  channel: 'comment',
  postExternalId: 'post-1',
  author: { externalId: `u-${id}`, name: 'Kim' },
  text: `comment ${id}`,
  createdAt: new Date(Date.now() - 60_000).toISOString(),
});

describe('worker health and metrics port', () => {
  let db: TestDatabase;
  let relay: RedisRelay;
  let worker: WorkerHandle;
  let backend: QueueBackend;
  let base: string;

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers, signal: AbortSignal.timeout(10_000) });
  const metrics = async () => {
    const res = await get('/metrics', { authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(200);
    return res.text();
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    relay = new RedisRelay();
    await relay.open();
    const config = testConfig({ REDIS_URL: relay.url, WORKER_HEALTH_PORT: '0', METRICS_TOKEN: TOKEN });
    // The test's own queue client goes to Redis directly: only the worker loses it below.
    backend = createQueueBackend({ redisUrl: testServices().redisUrl, databaseUrl: db.url, prefix: config.QUEUE_PREFIX });
    worker = await startWorker(config, db.url);
    base = `http://127.0.0.1:${worker.app.get(WorkerHealthServer).port()}`;
  });
  afterAll(async () => {
    await relay?.open();
    await worker?.close();
    await relay?.close();
    await db?.drop();
  });

  it('is alive and ready: PostgreSQL, Redis and all six processors', async () => {
    expect((await get('/livez')).status).toBe(200);
    const res = await get('/readyz');
    const body = (await res.json()) as { status: string } & Readiness['checks'];
    expect(res.status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.database).toEqual({ up: true });
    expect(body.queue).toEqual({ up: true });
    expect([...body.processors.running].sort()).toEqual(['ingest', 'maintenance', 'notify', 'outbound', 'rollup', 'sync']);
    expect(body.processors.stopped).toEqual([]);
  });

  it('serves /metrics with the bearer token only', async () => {
    expect((await get('/metrics')).status).toBe(401);
    expect((await get('/metrics', { authorization: 'Bearer nope' })).status).toBe(401);
    expect(total(await metrics(), 'resonance_process_resident_memory_bytes', { process: 'worker' })).toBeGreaterThan(0);
  });

  it('counts the messages it stores, the jobs it completes and the attempts that fail', async () => {
    const channel = await makeChannel(db.dataSource, await makeWorkspace(db.dataSource));
    const queue = new backend.Queue<IngestJob>(QueueName.Ingest, { connection: backend.connection as never, prefix: backend.prefix });
    try {
      const before = await metrics();
      await queue.add('page', { channelAccountId: channel.id, source: 'health-1', records: [comment(`h1-${channel.id}`), comment(`h2-${channel.id}`)] });
      // A job whose payload the processor cannot read throws: a failed attempt.
      await queue.add('page', { channelAccountId: channel.id, source: 'health-broken' } as IngestJob, { attempts: 1 });
      const after = await waitFor(async () => {
        const text = await metrics();
        return total(text, 'resonance_jobs_failed_total', { queue: 'ingest' }) > total(before, 'resonance_jobs_failed_total', { queue: 'ingest' }) &&
          total(text, 'resonance_jobs_completed_total', { queue: 'ingest' }) > total(before, 'resonance_jobs_completed_total', { queue: 'ingest' })
          ? text
          : undefined;
      });
      expect(
        total(after, 'resonance_ingested_messages_total', { network: 'facebook' }) -
          total(before, 'resonance_ingested_messages_total', { network: 'facebook' }),
      ).toBe(2);
      expect(total(after, 'resonance_jobs_completed_total', { queue: 'ingest' }) - total(before, 'resonance_jobs_completed_total', { queue: 'ingest' })).toBe(
        1,
      );
      expect(
        total(after, 'resonance_jobs_failed_total', { queue: 'ingest', final: 'true' }) -
          total(before, 'resonance_jobs_failed_total', { queue: 'ingest', final: 'true' }),
      ).toBe(1);
    } finally {
      await queue.close();
    }
  });

  it('says not ready (503, queue down) while Redis cannot be reached, and ready again once it can', async () => {
    await relay.close();
    const down = await waitFor(async () => {
      const res = await get('/readyz');
      return res.status === 503 ? ((await res.json()) as Readiness['checks']) : undefined;
    });
    expect(down.queue.up).toBe(false);
    expect(down.queue.message).toBeTruthy();
    expect(down.database.up).toBe(true);
    // Alive all the while: a restart would not bring Redis back.
    expect((await get('/livez')).status).toBe(200);

    await relay.open();
    await waitFor(async () => ((await get('/readyz')).status === 200 ? true : undefined));
  });
});
