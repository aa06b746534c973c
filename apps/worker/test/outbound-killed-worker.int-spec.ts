import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Queue } from 'bullmq';
import { cleanChildProcessEnv, type Config } from '@resonance/config';
import { createConnectorRegistry } from '@resonance/connectors';
import { createQueueBackend, jobId, QueueName } from '@resonance/queue';
import type { RunningSim } from '@resonance/sim';
import { createTestDatabase, makeUser, testConfig, type TestDatabase } from '@resonance/testing';
import type { Workspace } from '@resonance/db';
import { startWorker, type WorkerHandle } from '../src';
import { ChannelAccess } from '../src/channels/channel-access';
import { IngestStore } from '../src/ingest/ingest-store';
import { SyncRunner } from '../src/sync/sync-runner';
import { waitFor } from './faults/support';
import { connectDemoPage, simJson, testSim } from './pipeline-support';

/**
 * The worker side of issue 29: a reply whose worker died mid-send (row 'sending', its job active
 * with a lock nobody renews) is taken up again within the stated bound — the outbound job's lock
 * runs out 15 s after the death at the latest, a live worker's stall check (every 5 s) puts the
 * job back, and the next run looks for the reply on the network before sending — so it reaches
 * the network exactly once, within KILL_BOUND_MS of the kill.
 */
const KILL_BOUND_MS = 25_000;
const SLACK_MS = 5_000;
const SIM_DELAY_MS = 2_500;

describe('a reply whose worker was killed mid-send', () => {
  let db: TestDatabase;
  let sim: RunningSim;
  let config: Config;
  let queue: Queue;
  let child: ChildProcess | undefined;
  let worker: WorkerHandle | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    sim = await testSim();
    config = testConfig({ DEMO_MODE: 'true', SIM_URL: sim.url, SYNC_INTERVAL_MS: '60000', RATE_LIMIT_MAX_DELAY_MS: '1000' });
    const backend = createQueueBackend({ redisUrl: config.REDIS_URL, databaseUrl: db.url, prefix: config.QUEUE_PREFIX });
    queue = new backend.Queue(QueueName.Outbound, { connection: backend.connection as never, prefix: backend.prefix });
  });

  afterAll(async () => {
    child?.kill('SIGKILL');
    await worker?.close().catch(() => undefined);
    await queue?.close();
    await sim?.close();
    await db?.drop();
  });

  it(`is sent exactly once, within ${KILL_BOUND_MS / 1000} s of the kill`, async () => {
    const registry = createConnectorRegistry(config);
    const access = new ChannelAccess(db.dataSource, config.ENCRYPTION_KEY, registry);
    const channel = await connectDemoPage(db.dataSource, config);
    await simJson(sim, '/_sim/generate', { method: 'POST', body: { count: 20, network: 'facebook' } });
    expect((await new SyncRunner(db.dataSource, new IngestStore(db.dataSource), access, registry, config).run(channel.id)).error).toBeUndefined();
    const userId = (await makeUser(db.dataSource, { id: channel.workspaceId } as Workspace)).id;
    const [thread] = await db.dataSource.query(`SELECT id, thread_key FROM thread WHERE channel_account_id = $1 AND channel = 'comment' ORDER BY id LIMIT 1`, [
      channel.id,
    ]);

    // Every network answer takes SIM_DELAY_MS: the worker is killed while it waits for one.
    await simJson(sim, '/_sim/faults', { method: 'POST', body: { network: 'facebook', kind: 'slow', options: { delayMs: SIM_DELAY_MS } } });
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
    const text = `Killed mid-send ${Date.now()}`;
    const [{ id: messageId }] = await db.dataSource.query(
      `INSERT INTO message (workspace_id, channel_account_id, thread_id, direction, is_from_account, parent_external_id, author_user_id, text, created_at, delivery)
       VALUES ($1, $2, $3, 'outbound', true, $4, $5, $6, date_trunc('milliseconds', now()), 'queued') RETURNING id::text`,
      [channel.workspaceId, channel.id, thread.id, thread.thread_key, userId, text],
    );
    await queue.add('send', { messageId }, { jobId: jobId.send(messageId) });
    await waitFor(
      async () => ((await db.dataSource.query(`SELECT delivery FROM message WHERE id = $1`, [messageId]))[0].delivery === 'sending' ? true : undefined),
      60_000,
      'the reply to be mid-send',
    );
    // Past the reconcile read, into the send itself: the network takes the reply after the kill.
    await new Promise((r) => setTimeout(r, SIM_DELAY_MS * 1.5));
    const c = child;
    c.kill('SIGKILL');
    if (c.exitCode === null) await new Promise((r) => c.once('exit', r));
    child = undefined;
    const killedAt = Date.now();
    expect(await queue.getJobState(jobId.send(messageId))).toBe('active');
    await simJson(sim, '/_sim/faults', { method: 'DELETE', body: { network: 'facebook', kind: 'slow' } });

    worker = await startWorker(config, db.url);
    await waitFor(
      async () => ((await db.dataSource.query(`SELECT delivery FROM message WHERE id = $1`, [messageId]))[0].delivery === 'sent' ? true : undefined),
      KILL_BOUND_MS + SLACK_MS + 10_000,
      'the reply to be sent',
    );
    const tookMs = Date.now() - killedAt;
    console.log(`reply of a killed worker settled ${tookMs} ms after the kill (bound ${KILL_BOUND_MS} ms)`);
    expect(tookMs).toBeLessThanOrEqual(KILL_BOUND_MS + SLACK_MS);
    const received = (await simJson<{ items: Array<{ text: string }> }>(sim, '/_sim/received?network=facebook')).items.filter((r) => r.text === text);
    expect(received).toHaveLength(1);
  }, 180_000);
});
