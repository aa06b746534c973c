import type { MessageRecord } from '@resonance/contracts';
import { Message, Thread } from '@resonance/db';
import { createQueueBackend, jobId, prepareQueueBackend, QueueName, type IngestJob, type QueueBackend } from '@resonance/queue';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { startWorker, type WorkerHandle } from '../src';

const comment = (id: string, at: string): MessageRecord => ({
  kind: 'message',
  network: 'facebook',
  externalId: id,
  threadKey: 'c-1',
  channel: 'comment',
  postExternalId: 'post-1',
  author: { externalId: 'u-1', name: 'Kim' },
  text: `comment ${id}`,
  createdAt: at,
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

describe.each(['redis', 'postgres'] as const)('a job the worker processes (%s queue backend)', (backendKind) => {
  let db: TestDatabase;
  let worker: WorkerHandle;
  let backend: QueueBackend;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = testConfig(backendKind === 'redis' ? {} : { REDIS_URL: '' });
    expect(config.queueBackend).toBe(backendKind);
    backend = createQueueBackend({ redisUrl: config.REDIS_URL, databaseUrl: db.url, prefix: config.QUEUE_PREFIX });
    await prepareQueueBackend(backend);
    worker = await startWorker(config, db.url);
  });
  afterAll(async () => {
    await worker?.close();
    await db?.drop();
  });

  it('stores an ingest job enqueued by another process as rows in PostgreSQL, once', async () => {
    const workspace = await makeWorkspace(db.dataSource);
    const channel = await makeChannel(db.dataSource, workspace);
    const queue = new backend.Queue<IngestJob>(QueueName.Ingest, { connection: backend.connection as never, prefix: backend.prefix });
    const data: IngestJob = {
      channelAccountId: channel.id,
      source: 'test-page-1',
      records: [comment('m1', '2026-11-01T10:00:00Z'), comment('m2', '2026-11-01T10:05:00Z')],
    };
    // The same page twice (a duplicate delivery): the deterministic job id makes the second a no-op,
    // and even a second job with another id would store nothing twice.
    await queue.add('page', data, { jobId: jobId.ingest(channel.id, data.source) });
    await queue.add('page', data, { jobId: jobId.ingest(channel.id, data.source) });
    await queue.add('page', { ...data, source: 'test-page-1-again' }, { jobId: jobId.ingest(channel.id, 'again') });

    const messages = db.dataSource.getRepository(Message);
    await waitFor(async () => ((await queue.getJobCounts('completed')).completed >= 2 ? true : undefined));
    expect(await messages.count({ where: { channelAccountId: channel.id } })).toBe(2);
    const thread = await db.dataSource.getRepository(Thread).findOneByOrFail({ channelAccountId: channel.id, threadKey: 'c-1' });
    expect(thread.messageCount).toBe(2);
    expect(thread.firstInboundAt?.toISOString()).toBe('2026-11-01T10:00:00.000Z');
    expect(thread.waitingSince?.toISOString()).toBe('2026-11-01T10:00:00.000Z');
    expect(thread.lastMessageAt.toISOString()).toBe('2026-11-01T10:05:00.000Z');
    await queue.close();
  });

  it('stores nothing from an ingest job whose channel is not connected when the job runs, and does not retry it', async () => {
    const workspace = await makeWorkspace(db.dataSource);
    const paused = await makeChannel(db.dataSource, workspace, { status: 'paused' });
    const needsReauth = await makeChannel(db.dataSource, workspace, { status: 'needs_reauth' });
    const connected = await makeChannel(db.dataSource, workspace);
    const queue = new backend.Queue<IngestJob>(QueueName.Ingest, { connection: backend.connection as never, prefix: backend.prefix });
    const page = (channelAccountId: string, source: string): IngestJob => ({
      channelAccountId,
      source,
      records: [comment(`${source}-m1`, '2026-11-02T09:00:00Z')],
    });
    // As the api queues them: a delivery may be queued just before an admin pauses the channel.
    const jobs = await Promise.all(
      [paused, needsReauth, connected].map((c) =>
        queue.add('webhook', page(c.id, `delivery-${c.id}`), { jobId: jobId.ingest(c.id, `delivery-${c.id}`), attempts: 3 }),
      ),
    );
    const finished = await waitFor(async () => {
      const states = await Promise.all(jobs.map((j) => queue.getJob(j.id!)));
      return states.every((j) => j?.finishedOn) ? states : undefined;
    });
    for (const job of finished.slice(0, 2)) {
      expect(job?.returnvalue).toEqual({ skipped: 'not_connected' });
      expect(job?.failedReason).toBeFalsy();
      expect(job?.attemptsMade).toBeLessThanOrEqual(1);
    }
    const messages = db.dataSource.getRepository(Message);
    expect(await messages.count({ where: { channelAccountId: paused.id } })).toBe(0);
    expect(await messages.count({ where: { channelAccountId: needsReauth.id } })).toBe(0);
    expect(await messages.count({ where: { channelAccountId: connected.id } })).toBe(1);

    // Resumed: the channel's next delivery is stored again (the worker caches no status).
    await db.dataSource.query(`UPDATE channel_account SET status = 'connected' WHERE id = $1`, [paused.id]);
    await queue.add('webhook', page(paused.id, 'after-resume'), { jobId: jobId.ingest(paused.id, 'after-resume') });
    await waitFor(async () => ((await messages.count({ where: { channelAccountId: paused.id } })) === 1 ? true : undefined));
    // And paused again: a channel the worker has stored for before is checked again all the same.
    await db.dataSource.query(`UPDATE channel_account SET status = 'paused' WHERE id = $1`, [paused.id]);
    const again = await queue.add('webhook', page(paused.id, 'paused-again'), { jobId: jobId.ingest(paused.id, 'paused-again') });
    await waitFor(async () => ((await queue.getJob(again.id!))?.finishedOn ? true : undefined));
    expect(await messages.count({ where: { channelAccountId: paused.id } })).toBe(1);
    await queue.close();
  });
});
