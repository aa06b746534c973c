import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Queue } from 'bullmq';
import { cleanChildProcessEnv, type Config } from '@resonance/config';
import { createConnectorRegistry } from '@resonance/connectors';
import type { ChannelAccount } from '@resonance/db';
import { createQueueBackend, ensureOutboundJob, jobId, QueueName } from '@resonance/queue';
import type { ReceivedItem, RunningSim } from '@resonance/sim';
import { createTestDatabase, testConfig, type TestDatabase } from '@resonance/testing';
import { startWorker, type WorkerHandle } from '../src';
import { ChannelAccess } from '../src/channels/channel-access';
import { IngestStore } from '../src/ingest/ingest-store';
import { SyncRunner } from '../src/sync/sync-runner';
import { waitFor } from './faults/support';
import { simJson, testSim } from './pipeline-support';
import { connectDemoLinkedIn } from './linkedin-support';
import { connectDemoX } from './x-support';
import { connectDemoChannel, youtubeTestEnv } from './youtube-support';

/**
 * A moderation action whose worker was SIGKILLed while the network was taking the call (the
 * network answers after SIM_DELAY_MS; the worker dies before it could record the answer). The
 * job's lock runs out, a live worker takes it up again, and — because the row says an attempt was
 * made (attempted_at) — asks the network whether the effect is in place before calling again.
 * Where the network can tell (X likes, deletes on X and YouTube, LinkedIn reactions) the call reaches it exactly once;
 * where it cannot (X hidden replies, YouTube moderation status) the repeat is idempotent there:
 * the outcome is right and the second call is counted, not hidden.
 */
const KILL_BOUND_MS = 25_000;
const SLACK_MS = 5_000;
const SIM_DELAY_MS = 2_500;

describe('a moderation action whose worker was killed mid-call', () => {
  let db: TestDatabase;
  let sim: RunningSim;
  let config: Config;
  let queue: Queue;
  let child: ChildProcess | undefined;
  let worker: WorkerHandle | undefined;
  let x: ChannelAccount;
  let youtube: ChannelAccount;
  let linkedin: ChannelAccount;

  beforeAll(async () => {
    db = await createTestDatabase();
    sim = await testSim();
    config = testConfig({ DEMO_MODE: 'true', SYNC_INTERVAL_MS: '60000', RATE_LIMIT_MAX_DELAY_MS: '1000', ...youtubeTestEnv(sim) });
    const backend = createQueueBackend({ redisUrl: config.REDIS_URL, databaseUrl: db.url, prefix: config.QUEUE_PREFIX });
    queue = new backend.Queue(QueueName.Outbound, { connection: backend.connection as never, prefix: backend.prefix });
    const registry = createConnectorRegistry(config);
    const access = new ChannelAccess(db.dataSource, config.ENCRYPTION_KEY, registry);
    const sync = new SyncRunner(db.dataSource, new IngestStore(db.dataSource), access, registry, config);
    x = await connectDemoX(db.dataSource, config);
    youtube = await connectDemoChannel(db.dataSource, config);
    linkedin = await connectDemoLinkedIn(db.dataSource, config);
    await simJson(sim, '/_sim/generate', { method: 'POST', body: { count: 60, network: 'x' } });
    await simJson(sim, '/_sim/generate', { method: 'POST', body: { count: 60, network: 'youtube' } });
    expect((await sync.run(x.id)).error).toBeUndefined();
    await simJson(sim, '/_sim/generate', { method: 'POST', body: { count: 40, network: 'linkedin' } });
    expect((await sync.run(youtube.id)).error).toBeUndefined();
    expect((await sync.run(linkedin.id)).error).toBeUndefined();
  }, 60_000);

  afterAll(async () => {
    child?.kill('SIGKILL');
    await worker?.close().catch(() => undefined);
    await queue?.close();
    await sim?.close();
    await db?.drop();
  });

  /** A message of the channel matching `where` with no action yet. */
  async function target(channel: ChannelAccount, where: string): Promise<{ id: string; externalId: string; workspaceId: string }> {
    const [m] = await db.dataSource.query<Array<{ id: string; externalId: string; workspaceId: string }>>(
      `SELECT m.id::text, m.external_id AS "externalId", m.workspace_id::text AS "workspaceId" FROM message m JOIN thread t ON t.id = m.thread_id
        WHERE m.channel_account_id = $1 AND t.channel = 'comment' AND m.external_id IS NOT NULL AND NOT m.deleted AND ${where}
          AND NOT EXISTS (SELECT 1 FROM message_action a WHERE a.message_id = m.id)
        ORDER BY m.id LIMIT 1`,
      [channel.id],
    );
    expect(m).toBeDefined();
    return m;
  }

  async function killedMidCall(
    network: 'x' | 'youtube' | 'linkedin',
    channel: ChannelAccount,
    where: string,
    action: string,
  ): Promise<{ calls: number; tookMs: number }> {
    const m = await target(channel, where);
    await simJson(sim, '/_sim/faults', { method: 'POST', body: { network, kind: 'slow', options: { delayMs: SIM_DELAY_MS } } });
    child = spawn(process.execPath, [join(__dirname, 'child', 'run-worker.cjs')], {
      env: cleanChildProcessEnv({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DEMO_MODE: 'true',
        DATABASE_URL: db.url,
        REDIS_URL: config.REDIS_URL,
        QUEUE_PREFIX: config.QUEUE_PREFIX,
        SYNC_INTERVAL_MS: '60000',
        ...youtubeTestEnv(sim),
      }),
      stdio: 'ignore',
    });
    const [{ id: actionId }] = await db.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO message_action (workspace_id, message_id, action) VALUES ($1, $2, $3) RETURNING id::text`,
      [m.workspaceId, m.id, action],
    );
    await ensureOutboundJob(queue, { kind: 'moderation', actionId }, () => false);
    // The attempt is committed just before the call: from then on the network is taking it.
    await waitFor(
      async () => ((await db.dataSource.query(`SELECT attempted_at FROM message_action WHERE id = $1`, [actionId]))[0].attempted_at ? true : undefined),
      60_000,
      'the action to be attempted',
    );
    await new Promise((r) => setTimeout(r, SIM_DELAY_MS / 2));
    const c = child;
    c.kill('SIGKILL');
    if (c.exitCode === null) await new Promise((r) => c.once('exit', r));
    child = undefined;
    const killedAt = Date.now();
    expect(await queue.getJobState(jobId.moderate(actionId))).toBe('active');
    // The call the dead worker made arrives at the network after the kill.
    await new Promise((r) => setTimeout(r, SIM_DELAY_MS));
    await simJson(sim, '/_sim/faults', { method: 'DELETE', body: { network, kind: 'slow' } });

    worker = await startWorker(config, db.url);
    await waitFor(
      async () => ((await db.dataSource.query(`SELECT state FROM message_action WHERE id = $1`, [actionId]))[0].state === 'done' ? true : undefined),
      KILL_BOUND_MS + SLACK_MS + 10_000,
      `the ${network} ${action} to be done`,
    );
    const tookMs = Date.now() - killedAt;
    // The next case's child must be the only worker when it is killed.
    await worker.close();
    worker = undefined;
    const received = (await simJson<{ items: ReceivedItem[] }>(sim, `/_sim/received?network=${network}`)).items;
    const calls = received.filter((r) => r.targetId === m.externalId && r.kind === `comment_${action}`).length;
    console.log(`${network} ${action} of a killed worker: done ${tookMs} ms after the kill (bound ${KILL_BOUND_MS} ms), ${calls} call(s) at the network`);
    return { calls, tookMs };
  }

  it('X like: at X exactly once (the retry reads the account’s likes), within the bound', async () => {
    const { calls, tookMs } = await killedMidCall('x', x, 'NOT m.is_from_account', 'like');
    expect(calls).toBe(1);
    expect(tookMs).toBeLessThanOrEqual(KILL_BOUND_MS + SLACK_MS);
  }, 120_000);

  it("YouTube delete of the channel's own comment: at YouTube exactly once (the retry finds it gone)", async () => {
    const { calls, tookMs } = await killedMidCall('youtube', youtube, 'm.is_from_account', 'delete');
    expect(calls).toBe(1);
    expect(tookMs).toBeLessThanOrEqual(KILL_BOUND_MS + SLACK_MS);
  }, 120_000);

  it("LinkedIn like (a reaction as the organization): at LinkedIn exactly once (the retry reads the organization's reaction)", async () => {
    const { calls, tookMs } = await killedMidCall('linkedin', linkedin, 'NOT m.is_from_account', 'like');
    expect(calls).toBe(1);
    expect(tookMs).toBeLessThanOrEqual(KILL_BOUND_MS + SLACK_MS);
  }, 120_000);

  it('X hide: X offers no read of hidden replies, so the retry repeats the idempotent call; the reply ends hidden, done once here', async () => {
    const { calls } = await killedMidCall('x', x, 'NOT m.is_from_account AND t.post_external_id IS NOT NULL', 'hide');
    expect(calls).toBeGreaterThanOrEqual(1);
    expect(calls).toBeLessThanOrEqual(2);
    const [{ n }] = await db.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM message_action WHERE action = 'hide' AND state = 'done'`);
    expect(n).toBe(1);
  }, 120_000);
});
