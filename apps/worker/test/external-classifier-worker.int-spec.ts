import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MessageRecord } from '@resonance/contracts';
import { Message } from '@resonance/db';
import { createQueueBackend, QueueName, type ClassifyJob } from '@resonance/queue';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { startWorker, type WorkerHandle } from '../src';
import { RELABEL_EVERY_MS, RELABEL_SCHEDULER_ID } from '../src/classify/classify.processor';
import { IngestStore } from '../src/ingest/ingest-store';

/**
 * The worker with CLASSIFIER_URL set (issue 23): its job scheduler hands a new comment to the
 * company's endpoint (a real HTTP server here) and the endpoint's label replaces the built-in one
 * within seconds; a worker without the setting has no scheduler.
 */
describe('the worker with an external classifier', () => {
  let db: TestDatabase;
  let worker: WorkerHandle | undefined;
  let server: Server;
  let asked = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = createServer((req, res) => {
      let data = '';
      req.on('data', (c: Buffer) => (data += c.toString('utf8')));
      req.on('end', () => {
        asked += 1;
        const { texts } = JSON.parse(data) as { texts: Array<{ id: string }> };
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ labels: texts.map((t) => ({ id: t.id, intent: 'complaint_support', sentiment: -0.6 })) }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await worker?.close();
    server.close();
    await db?.drop();
  });

  it('relabels a new comment through its job scheduler; without CLASSIFIER_URL there is none', async () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/classify`;
    const config = testConfig({ CLASSIFIER_URL: url });
    worker = await startWorker(config, db.url);
    const backend = createQueueBackend({ redisUrl: config.REDIS_URL, databaseUrl: db.url, prefix: config.QUEUE_PREFIX });
    const queue = new backend.Queue<ClassifyJob>(QueueName.Classify, { connection: backend.connection as never, prefix: backend.prefix });
    try {
      expect(await queue.getJobScheduler(RELABEL_SCHEDULER_ID)).toMatchObject({ key: RELABEL_SCHEDULER_ID, every: RELABEL_EVERY_MS });

      // The first run starts the cursor at the newest message; what is stored after it is relabelled.
      const started = Date.now() + 30_000;
      while (!(await db.dataSource.query<unknown[]>(`SELECT 1 FROM external_classifier_cursor`)).length && Date.now() < started) {
        await new Promise((r) => setTimeout(r, 100));
      }
      const channel = await makeChannel(db.dataSource, await makeWorkspace(db.dataSource));
      const record: MessageRecord = {
        kind: 'message',
        network: 'facebook',
        externalId: 'late-parcel',
        threadKey: 'late-parcel',
        channel: 'comment',
        postExternalId: 'post-1',
        author: { externalId: 'u-1', name: 'Kim' },
        text: 'Parcel says delivered but it is not here',
        createdAt: new Date().toISOString(),
      };
      const store = new IngestStore(db.dataSource);
      await store.ingest(channel.id, [record]);
      await store.close();
      const messages = db.dataSource.getRepository(Message);
      const until = Date.now() + 30_000;
      let stored = await messages.findOneByOrFail({ externalId: 'late-parcel' });
      while (stored.labelSource !== 'external' && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 250));
        stored = await messages.findOneByOrFail({ externalId: 'late-parcel' });
      }
      expect(stored).toMatchObject({ intent: 'complaint_support', labelSource: 'external' });
      expect(asked).toBeGreaterThanOrEqual(1);

      // The same queue, a worker copy without the setting: the scheduler goes, for every copy.
      await worker.close();
      worker = await startWorker({ ...config, CLASSIFIER_URL: undefined }, db.url);
      expect(await queue.getJobScheduler(RELABEL_SCHEDULER_ID)).toBeUndefined();
    } finally {
      await queue.close();
    }
  }, 90_000);
});
