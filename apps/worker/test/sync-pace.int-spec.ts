import type { Queue } from 'bullmq';
import { createConnectorRegistry } from '@resonance/connectors';
import { createQueueBackend, jobId, prepareQueueBackend, QueueName, type QueueBackend, type SyncJob } from '@resonance/queue';
import { createTestDatabase, testConfig, type TestDatabase } from '@resonance/testing';
import { SyncScheduler } from '../src/sync/sync-scheduler';

/**
 * Why YouTube, XING and X items waited minutes (issue 28): BullMQ starts a job scheduler whose
 * `every` changed at once, so each run that lengthened a channel's interval ran the channel again
 * immediately, and a quiet or failing channel reached SYNC_MAX_INTERVAL_MS (15 min) within a
 * second. A changed interval must keep the pace: the next run comes one interval later. Against
 * both queue backends (Redis and BullMQ's PostgreSQL backend), with no worker consuming the queue.
 */
describe.each(['redis', 'postgres'] as const)('the sync schedule keeps its pace when its interval changes (%s queues)', (kind) => {
  let db: TestDatabase;
  let backend: QueueBackend;
  let queue: Queue<SyncJob>;
  let scheduler: SyncScheduler;
  const channelId = '00000000-0000-4000-8000-000000000028';

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = testConfig();
    backend = createQueueBackend({ redisUrl: kind === 'redis' ? config.REDIS_URL : undefined, databaseUrl: db.url, prefix: config.QUEUE_PREFIX });
    await prepareQueueBackend(backend);
    queue = new backend.Queue<SyncJob>(QueueName.Sync, { connection: backend.connection as never, prefix: backend.prefix });
    scheduler = new SyncScheduler(queue, db.dataSource, createConnectorRegistry(config), config);
  });
  afterAll(async () => {
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await db?.drop();
  });

  const next = async () => (await queue.getJobScheduler(jobId.sync(channelId)))?.next ?? NaN;

  it('a new schedule runs at once; a changed interval runs one interval from now, not at once', async () => {
    await scheduler.schedule(channelId, 60_000, { keepPace: false });
    expect(await next()).toBeLessThanOrEqual(Date.now() + 1_000);

    const changedAt = Date.now();
    await scheduler.schedule(channelId, 120_000);
    const at = await next();
    expect(at).toBeGreaterThanOrEqual(changedAt + 120_000 - 1_000);
    expect(at).toBeLessThanOrEqual(Date.now() + 120_000 + 1_000);
    // Nothing of the schedule waits to run now: its one job is the delayed next run.
    const ofChannel = async (state: 'waiting' | 'delayed') => (await queue.getJobs([state])).filter((j) => j?.data?.channelAccountId === channelId).length;
    expect(await ofChannel('waiting')).toBe(0);
    expect(await ofChannel('delayed')).toBe(1);
  });

  it('the cause: without a start date, BullMQ runs a changed interval at once', async () => {
    await queue.upsertJobScheduler(jobId.sync(channelId), { every: 240_000 }, { name: 'sync', data: { channelAccountId: channelId, reason: 'schedule' } });
    expect(await next()).toBeLessThanOrEqual(Date.now() + 1_000);
  });
});
