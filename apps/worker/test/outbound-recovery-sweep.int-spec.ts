import { UnrecoverableError, type Queue, type Worker } from 'bullmq';
import type { Config } from '@resonance/config';
import { createConnectorRegistry } from '@resonance/connectors';
import type { Workspace } from '@resonance/db';
import { createQueueBackend, jobId, QueueName, type QueueBackend } from '@resonance/queue';
import { createTestDatabase, makeUser, testConfig, type TestDatabase } from '@resonance/testing';
import { ChannelAccess } from '../src/channels/channel-access';
import { IngestStore } from '../src/ingest/ingest-store';
import { ModerationRunner } from '../src/outbound/moderation-runner';
import { OutboundRecovery } from '../src/outbound/outbound-recovery';
import { OutboundSender } from '../src/outbound/outbound-sender';
import { connectDemoPage } from './pipeline-support';

/**
 * The recovery sweep itself (apps/worker/src/outbound/outbound-recovery.ts), without a network:
 * it pages through every stranded reply by id (a backlog longer than one page is covered in turns,
 * ids compared as numbers), gives each exactly one job, leaves live jobs alone, takes up a job
 * that BullMQ failed because its worker died, and marks failed a reply whose job failed for good.
 */
describe('outbound recovery sweep', () => {
  let db: TestDatabase;
  let config: Config;
  let backend: QueueBackend;
  let queue: Queue;
  let recovery: OutboundRecovery;
  let insertStranded: (count: number) => Promise<string[]>;

  beforeAll(async () => {
    db = await createTestDatabase();
    config = testConfig();
    backend = createQueueBackend({ redisUrl: config.REDIS_URL, databaseUrl: db.url, prefix: config.QUEUE_PREFIX });
    queue = new backend.Queue(QueueName.Outbound, { connection: backend.connection as never, prefix: backend.prefix });
    const registry = createConnectorRegistry(config);
    const access = new ChannelAccess(db.dataSource, config.ENCRYPTION_KEY, registry);
    recovery = new OutboundRecovery(
      queue,
      db.dataSource,
      new OutboundSender(db.dataSource, access, registry, config),
      new ModerationRunner(db.dataSource, access, registry, config),
    );
    const channel = await connectDemoPage(db.dataSource, config);
    const userId = (await makeUser(db.dataSource, { id: channel.workspaceId } as Workspace)).id;
    await new IngestStore(db.dataSource).ingest(channel.id, [
      {
        kind: 'message',
        network: 'facebook',
        externalId: 'c-1',
        threadKey: 'c-1',
        channel: 'comment',
        postExternalId: 'p-1',
        author: { externalId: 'fan-1', name: 'Fan' },
        text: 'Hallo?',
        createdAt: new Date(Date.now() - 120_000).toISOString(),
      },
    ]);
    const [thread] = await db.dataSource.query(`SELECT id FROM thread WHERE channel_account_id = $1`, [channel.id]);
    insertStranded = async (count) =>
      (
        await db.dataSource.query<Array<{ id: string }>>(
          `INSERT INTO message (workspace_id, channel_account_id, thread_id, direction, is_from_account, author_user_id, text, created_at, delivery)
           SELECT $1, $2, $3, 'outbound', true, $4, 'Antwort ' || g, now() - interval '1 minute', 'queued' FROM generate_series(1, $5::int) g
           RETURNING id::text`,
          [channel.workspaceId, channel.id, thread.id, userId, count],
        )
      ).map((r) => r.id);
  });

  afterAll(async () => {
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await db?.drop();
  });

  it('gives every stranded reply of a backlog longer than a page one job, in as many sweeps as pages', async () => {
    // 250 rows from id 2 on: ids of one, two and three digits, which sort differently as text.
    const ids = await insertStranded(250);
    // A fresh reply (within the bound) is not the sweep's business yet.
    const [fresh] = await insertStranded(1);
    await db.dataSource.query(`UPDATE message SET created_at = now() WHERE id = $1`, [fresh]);

    const requeued = [(await recovery.sweep()).requeued, (await recovery.sweep()).requeued, (await recovery.sweep()).requeued];
    expect(requeued).toEqual([100, 100, 50]);
    const states = await Promise.all(ids.map((id) => queue.getJobState(jobId.send(id))));
    expect(states.filter((s) => s !== 'waiting')).toEqual([]);
    expect(await queue.getJobState(jobId.send(fresh))).toBe('unknown');
    expect(await queue.getJobCounts('waiting')).toEqual({ waiting: 250 });

    // Live jobs are left alone: another full round adds nothing.
    const again = [(await recovery.sweep()).requeued, (await recovery.sweep()).requeued, (await recovery.sweep()).requeued];
    expect(again).toEqual([0, 0, 0]);
    expect(await queue.getJobCounts('waiting')).toEqual({ waiting: 250 });
    await queue.obliterate({ force: true });
    await db.dataSource.query(`UPDATE message SET delivery = 'sent' WHERE id = ANY($1::bigint[])`, [ids]);
  }, 60_000);

  it('takes up a job failed by a dead worker, and marks failed a reply whose job failed for good', async () => {
    const [stalled, broken] = await insertStranded(2);
    await queue.add('send', { messageId: stalled }, { jobId: jobId.send(stalled) });
    await queue.add('send', { messageId: broken }, { jobId: jobId.send(broken) });
    // A stand-in worker fails both as BullMQ would: one for stalling too often, one for good.
    let worker: Worker | undefined;
    await new Promise<void>((resolve) => {
      let failed = 0;
      worker = new backend.Worker(
        QueueName.Outbound,
        (job) => Promise.reject(new UnrecoverableError(job.data.messageId === stalled ? 'job stalled more than allowable limit' : 'the database was away')),
        { connection: backend.connection as never, prefix: backend.prefix },
      );
      worker.on('failed', () => ++failed === 2 && resolve());
    });
    await worker!.close();

    const counts = await recovery.sweep();
    expect(counts).toMatchObject({ requeued: 1, failed: 1 });
    expect(await queue.getJobState(jobId.send(stalled))).toBe('waiting');
    const [row] = await db.dataSource.query(`SELECT delivery, delivery_error FROM message WHERE id = $1`, [broken]);
    expect(row).toEqual({ delivery: 'failed', delivery_error: 'delivery stopped: the database was away' });
  }, 60_000);
});
