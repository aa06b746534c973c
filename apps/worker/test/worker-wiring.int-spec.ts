import type { Queue } from 'bullmq';
import type { MessageRecord } from '@resonance/contracts';
import { createQueueBackend, jobId, QueueName, type IngestJob, type MaintenanceJob, type QueueBackend } from '@resonance/queue';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { startWorker, type WorkerHandle } from '../src';
import { IngestStore } from '../src/ingest/ingest-store';
import { IngestProcessor } from '../src/ingest/ingest.processor';
import { OutboundProcessor } from '../src/outbound/outbound.processor';
import { RETENTION_EVERY_MS, RETENTION_SCHEDULER_ID } from '../src/retention/retention.processor';
import { RollupProcessor } from '../src/rollup/rollup.processor';
import { SyncProcessor } from '../src/sync/sync.processor';

const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
const comment = (id: string, createdAt: string): MessageRecord => ({
  kind: 'message',
  network: 'facebook',
  externalId: id,
  threadKey: `t-${id}`,
  channel: 'comment',
  postExternalId: 'post-1',
  author: { externalId: 'u-1', name: 'Kim' },
  text: `comment ${id}`,
  createdAt,
});

const waitFor = async <T>(probe: () => Promise<T | undefined>, ms = 15_000): Promise<T> => {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** How the worker process is put together (issue 22 "Wiring"), against real PostgreSQL and Redis. */
describe('the worker wiring', () => {
  let db: TestDatabase;
  let worker: WorkerHandle | undefined;
  let backend: QueueBackend;
  let workspaceId: string;
  let channelId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const workspace = await makeWorkspace(db.dataSource);
    workspaceId = workspace.id;
    channelId = (await makeChannel(db.dataSource, workspace)).id;
    // This channel has no token: its first sync run would mark it needs_reauth, and a webhook's ingest
    // job for it would then be skipped (a race with the job below). Its budget is paused for the test,
    // so sync runs leave it alone and it stays connected.
    await db.dataSource.query(
      `UPDATE channel_account SET rate_budget = jsonb_build_object('state', jsonb_build_object('usedPercent', 100, 'pausedUntil', $2::bigint, 'readAt', $3::bigint)) WHERE id = $1`,
      [channelId, Date.now() + 3_600_000, Date.now()],
    );
    // Expired before the worker starts: the retention scheduler's first run (at once) deletes it.
    const store = new IngestStore(db.dataSource);
    await store.ingest(channelId, [comment('expired', daysAgo(40)), comment('kept', daysAgo(2))]);
    await store.close();
    await db.dataSource.query(`UPDATE workspace SET retention_days = 30 WHERE id = $1`, [workspaceId]);

    const config = testConfig({ WORKER_CONCURRENCY: '6' });
    backend = createQueueBackend({ redisUrl: config.REDIS_URL, databaseUrl: db.url, prefix: config.QUEUE_PREFIX });
    worker = await startWorker(config, db.url);
  });
  afterAll(async () => {
    await worker?.close();
    await db?.drop();
  });

  const queue = <T>(name: QueueName): Queue<T> => new backend.Queue<T>(name, { connection: backend.connection as never, prefix: backend.prefix });

  it('runs each processor with the concurrency WORKER_CONCURRENCY gives it', () => {
    const app = worker!.app;
    expect(app.get(SyncProcessor).worker.concurrency).toBe(6);
    expect(app.get(IngestProcessor).worker.concurrency).toBe(3);
    expect(app.get(OutboundProcessor).worker.concurrency).toBe(3);
    expect(app.get(RollupProcessor).worker.concurrency).toBe(1);
  });

  it('stores webhook ingest jobs through the injected IngestStore (the one the sync runs use)', async () => {
    // The processor holds the store the sync runs get (one classifier thread per worker), not one of its own.
    expect(worker!.app.get(IngestProcessor).store).toBe(worker!.app.get(IngestStore));
    const jobs = queue<IngestJob>(QueueName.Ingest);
    try {
      const data: IngestJob = { channelAccountId: channelId, source: 'wiring-1', records: [comment('hooked', daysAgo(0))] };
      const job = await jobs.add('page', data, { jobId: jobId.ingest(channelId, data.source) });
      // This job's own completion: under load another ingest job of the queue (the channel's first sync)
      // can complete first, so a queue-wide "completed >= 1" raced the row check (CI, stop 22).
      await waitFor(async () => ((await jobs.getJobState(job.id!)) === 'completed' ? true : undefined), 30_000);
      expect(await db.dataSource.query(`SELECT external_id FROM message WHERE external_id = 'hooked'`)).toEqual([{ external_id: 'hooked' }]);
    } finally {
      await jobs.close();
    }
  });

  it('runs the retention purge from one BullMQ job scheduler, hourly, its first run at once', async () => {
    const maintenance = queue<MaintenanceJob>(QueueName.Maintenance);
    try {
      const scheduler = await maintenance.getJobScheduler(RETENTION_SCHEDULER_ID);
      expect(scheduler).toMatchObject({ key: RETENTION_SCHEDULER_ID, every: RETENTION_EVERY_MS });
      const left = await waitFor(async () => {
        const rows: Array<{ external_id: string }> = await db.dataSource.query(
          `SELECT external_id FROM message WHERE channel_account_id = $1 ORDER BY external_id`,
          [channelId],
        );
        return rows.some((r) => r.external_id === 'expired') ? undefined : rows.map((r) => r.external_id);
      });
      expect(left).toEqual(expect.arrayContaining(['kept']));
      expect(left).not.toContain('expired');
      // A second worker copy upserts the same scheduler instead of adding a second one.
      expect(await maintenance.getJobSchedulersCount()).toBe(1);
    } finally {
      await maintenance.close();
    }
  });

  it('closes the classifier thread of its IngestStore when it shuts down', async () => {
    const store = worker!.app.get(IngestStore);
    await store.prepare([comment('warm-up', daysAgo(0))], 'page-account');
    expect(store.classifierOnThread).toBe(true);
    await worker!.close();
    worker = undefined;
    expect(store.classifierOnThread).toBe(false);
  });
});
