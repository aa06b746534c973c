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
});

