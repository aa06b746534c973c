import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Queue } from 'bullmq';
import { cleanChildProcessEnv, type Config } from '@resonance/config';
import { createConnectorRegistry } from '@resonance/connectors';
import type { ChannelAccount, Workspace } from '@resonance/db';
import { createQueueBackend, ensureOutboundJob, jobId, QueueName } from '@resonance/queue';
import type { ReceivedItem, RunningSim } from '@resonance/sim';
import { createTestDatabase, makeUser, testConfig, type TestDatabase } from '@resonance/testing';
import { startWorker, type WorkerHandle } from '../src';
import { ChannelAccess } from '../src/channels/channel-access';
import { IngestStore } from '../src/ingest/ingest-store';
import { SyncRunner } from '../src/sync/sync-runner';
import { waitFor } from './faults/support';
import { simJson, testSim } from './pipeline-support';
import { connectDemoInstagram, generateInstagram, instagramFault } from './instagram-support';

/**
 * Instagram replies and moderation whose worker was SIGKILLed while the sim was taking the call
 * (it answers after SIM_DELAY_MS): the job's lock runs out, a live worker takes it up, looks on
 * Instagram before calling again, and the call reaches the sim exactly once.
 */
const KILL_BOUND_MS = 25_000;
const SLACK_MS = 5_000;
const SIM_DELAY_MS = 2_500;

describe('Instagram: a reply or moderation action whose worker was killed mid-call', () => {
  let db: TestDatabase;
  let sim: RunningSim;
  let config: Config;
  let queue: Queue;
  let child: ChildProcess | undefined;
  let worker: WorkerHandle | undefined;
  let channel: ChannelAccount;

  beforeAll(async () => {
    db = await createTestDatabase();
    sim = await testSim();
    config = testConfig({ DEMO_MODE: 'true', SIM_URL: sim.url, SYNC_INTERVAL_MS: '60000', RATE_LIMIT_MAX_DELAY_MS: '1000' });
    const backend = createQueueBackend({ redisUrl: config.REDIS_URL, databaseUrl: db.url, prefix: config.QUEUE_PREFIX });
    queue = new backend.Queue(QueueName.Outbound, { connection: backend.connection as never, prefix: backend.prefix });
    const registry = createConnectorRegistry(config);
    const access = new ChannelAccess(db.dataSource, config.ENCRYPTION_KEY, registry);
    channel = await connectDemoInstagram(db.dataSource, config);
    await generateInstagram(sim, 80);
    expect((await new SyncRunner(db.dataSource, new IngestStore(db.dataSource), access, registry, config).run(channel.id)).error).toBeUndefined();
  }, 60_000);

  afterAll(async () => {
    child?.kill('SIGKILL');
    await worker?.close().catch(() => undefined);
    await queue?.close();
    await sim?.close();
    await db?.drop();
  });

  /** Starts a child worker with the sim slowed down, waits until `midCall` holds, kills it, and lets a live worker finish. */
  async function killMidCall(
    start: () => Promise<void>,
    midCall: () => Promise<boolean>,
    settled: () => Promise<boolean>,
    what: string,
    killAfterMs: number,
  ): Promise<number> {
    await instagramFault(sim, { kind: 'slow', options: { delayMs: SIM_DELAY_MS } });
    child = spawn(process.execPath, [join(__dirname, 'child', 'run-worker.cjs')], {
      env: cleanChildProcessEnv({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DEMO_MODE: 'true',
        DATABASE_URL: db.url,
        REDIS_URL: config.REDIS_URL,
        QUEUE_PREFIX: config.QUEUE_PREFIX,
        SIM_URL: sim.url,
        SYNC_INTERVAL_MS: '60000',
      }),
      stdio: 'ignore',
    });
    await start();
    await waitFor(async () => ((await midCall()) ? true : undefined), 60_000, `${what} to be mid-call`);
    await new Promise((r) => setTimeout(r, killAfterMs));
    const c = child;
    c.kill('SIGKILL');
    if (c.exitCode === null) await new Promise((r) => c.once('exit', r));
    child = undefined;
    const killedAt = Date.now();
    expect(await settled()).toBe(false);
    await new Promise((r) => setTimeout(r, SIM_DELAY_MS));
    await simJson(sim, '/_sim/faults', { method: 'DELETE', body: { network: 'instagram', kind: 'slow' } });
    worker = await startWorker(config, db.url);
    await waitFor(async () => ((await settled()) ? true : undefined), KILL_BOUND_MS + SLACK_MS + 10_000, `${what} to settle`);
    const tookMs = Date.now() - killedAt;
    await worker.close();
    worker = undefined;
    console.log(`Instagram ${what} of a killed worker settled ${tookMs} ms after the kill (bound ${KILL_BOUND_MS} ms)`);
    return tookMs;
  }
  const received = async () => (await simJson<{ items: ReceivedItem[] }>(sim, '/_sim/received?network=instagram')).items;

  it('a reply to a comment reaches Instagram exactly once', async () => {
    const userId = (await makeUser(db.dataSource, { id: channel.workspaceId } as Workspace)).id;
    const [thread] = await db.dataSource.query<Array<{ id: string; thread_key: string }>>(
      `SELECT id::text, thread_key FROM thread WHERE channel_account_id = $1 AND channel = 'comment' AND thread_key NOT LIKE 'mention:%' ORDER BY id LIMIT 1`,
      [channel.id],
    );
    const text = `Killed mid-send ${Date.now()}`;
    let messageId = '';
    const tookMs = await killMidCall(
      async () => {
        [{ id: messageId }] = await db.dataSource.query<Array<{ id: string }>>(
          `INSERT INTO message (workspace_id, channel_account_id, thread_id, direction, is_from_account, parent_external_id, author_user_id, text, created_at, delivery)
           VALUES ($1, $2, $3, 'outbound', true, $4, $5, $6, date_trunc('milliseconds', now()), 'queued') RETURNING id::text`,
          [channel.workspaceId, channel.id, thread.id, thread.thread_key, userId, text],
        );
        await queue.add('send', { messageId }, { jobId: jobId.send(messageId) });
      },
      async () => (await db.dataSource.query(`SELECT delivery FROM message WHERE id = $1`, [messageId]))[0].delivery === 'sending',
      async () => (await db.dataSource.query(`SELECT delivery FROM message WHERE id = $1`, [messageId]))[0].delivery === 'sent',
      'reply',
      // Past the look for an earlier reply, into the send itself.
      SIM_DELAY_MS * 1.5,
    );
    expect(tookMs).toBeLessThanOrEqual(KILL_BOUND_MS + SLACK_MS);
    expect((await received()).filter((r) => r.text === text)).toHaveLength(1);
  }, 180_000);

  it.each(['hide', 'delete'])(
    '%s of a customer comment: the action is done once here and the comment ends in that state',
    async (action) => {
      const [m] = await db.dataSource.query<Array<{ id: string; externalId: string }>>(
        `SELECT m.id::text, m.external_id AS "externalId" FROM message m JOIN thread t ON t.id = m.thread_id
        WHERE m.channel_account_id = $1 AND t.channel = 'comment' AND t.thread_key NOT LIKE 'mention:%' AND NOT m.is_from_account AND NOT m.deleted
          AND NOT EXISTS (SELECT 1 FROM message_action a WHERE a.message_id = m.id) ORDER BY m.id LIMIT 1`,
        [channel.id],
      );
      let actionId = '';
      const tookMs = await killMidCall(
        async () => {
          [{ id: actionId }] = await db.dataSource.query<Array<{ id: string }>>(
            `INSERT INTO message_action (workspace_id, message_id, action) VALUES ($1, $2, $3) RETURNING id::text`,
            [channel.workspaceId, m.id, action],
          );
          await ensureOutboundJob(queue, { kind: 'moderation', actionId }, () => false);
        },
        async () => (await db.dataSource.query(`SELECT attempted_at FROM message_action WHERE id = $1`, [actionId]))[0].attempted_at !== null,
        async () => (await db.dataSource.query(`SELECT state FROM message_action WHERE id = $1`, [actionId]))[0].state === 'done',
        action,
        // The attempt is committed just before the call: the sim is taking it.
        SIM_DELAY_MS / 2,
      );
      expect(tookMs).toBeLessThanOrEqual(KILL_BOUND_MS + SLACK_MS);
      const calls = (await received()).filter((r) => r.targetId === m.externalId && r.kind === `comment_${action}`).length;
      console.log(`Instagram ${action}: ${calls} call(s) at the sim`);
      // Instagram answers whether a comment is hidden (`hidden`) or gone: the retry looks first.
      expect(calls).toBe(1);
    },
    180_000,
  );
});
