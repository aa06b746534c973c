import type { Queue } from 'bullmq';
import { createConnectorRegistry } from '@resonance/connectors';
import { createQueueBackend, jobId, prepareQueueBackend, QueueName, type QueueBackend, type SyncJob } from '@resonance/queue';
import { createTestDatabase, testConfig, type TestDatabase } from '@resonance/testing';
import { SyncScheduler, syncPhaseStart } from '../src/sync/sync-scheduler';

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

  it("a new schedule starts at the channel's phase of the interval; a changed interval runs one interval from now, not at once", async () => {
    const createdAt = Date.now();
    await scheduler.schedule(channelId, 60_000, { keepPace: false });
    expect(await next()).toBe(syncPhaseStart(channelId, 60_000, createdAt));

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

  it('schedules created together come due spread over the interval, not at one instant (bench --fleet: up to 46 s late)', async () => {
    const every = 60_000;
    const ids = Array.from({ length: 200 }, (_, i) => `00000000-0000-4000-8000-${(0x28a000000 + i * 7_919_777).toString(16).padStart(12, '0')}`);
    for (const id of ids) await scheduler.schedule(id, every, { keepPace: false });
    const dues = await Promise.all(ids.map(async (id) => (await queue.getJobScheduler(jobId.sync(id)))?.next ?? NaN));
    for (const id of ids) await scheduler.unschedule(id);
    // Ten slots of six seconds: with evenly spread phases each holds about 20 of the 200, none more than 45.
    const slots = new Array<number>(10).fill(0);
    for (const due of dues) slots[Math.floor((due % every) / (every / 10))] += 1;
    expect(dues.every((d) => Number.isFinite(d))).toBe(true);
    expect(Math.max(...slots)).toBeLessThanOrEqual(45);
  });

  it('the cause: without a start date, BullMQ runs a changed interval at once', async () => {
    await queue.upsertJobScheduler(jobId.sync(channelId), { every: 240_000 }, { name: 'sync', data: { channelAccountId: channelId, reason: 'schedule' } });
    expect(await next()).toBeLessThanOrEqual(Date.now() + 1_000);
  });
});

describe('syncPhaseStart', () => {
  it('is the next time after now at the channel’s fixed offset within the interval', () => {
    const id = '00000000-0000-4000-8000-00000000ea60'; // last 8 hex digits 0x0000ea60 = 60,000
    expect(syncPhaseStart(id, 50_000, 1_000_000)).toBe(1_010_000); // phase 10,000 of each 50 s
    expect(syncPhaseStart(id, 50_000, 1_010_000)).toBe(1_060_000); // never now itself
    expect(syncPhaseStart(id, 50_000, 1_010_001)).toBe(1_060_000);
  });
});
