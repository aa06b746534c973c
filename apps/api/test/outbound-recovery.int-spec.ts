import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { cleanChildProcessEnv, type Config } from '@resonance/config';
import { OUTBOUND_RECOVERY_AFTER_MS, OUTBOUND_RECOVERY_SWEEP_MS } from '@resonance/contracts';
import { createQueueBackend, jobId, QueueName } from '@resonance/queue';
import type { RunningSim } from '@resonance/sim';
import { createTestDatabase, testConfig, type TestDatabase } from '@resonance/testing';
import { createApi } from '../src';
import { startWorker, type WorkerHandle } from '../../worker/src';
import { connectDemoPage, simJson, testSim } from '../../worker/test/pipeline-support';
import { freePort, PrivateRedis, waitFor } from '../../worker/test/faults/support';
import { login, makeLoginUser, PASSWORD } from './support';

/**
 * Nothing between a commit and a queue (issue 29). The api commits a reply or a like/hide/delete
 * and then adds its job; here the api process dies (SIGKILL, by the test seam
 * TEST_CRASH_AFTER_COMMIT) right between the two, and Redis is away at the moment of the enqueue.
 * The worker's recovery sweep must bring the work to the network (the sim) exactly once within the
 * stated bound: OUTBOUND_RECOVERY_AFTER_MS + OUTBOUND_RECOVERY_SWEEP_MS after the commit, plus
 * the send itself (SEND_SLACK_MS, generous for a loaded 2-core CI machine).
 */
const BOUND_MS = OUTBOUND_RECOVERY_AFTER_MS + OUTBOUND_RECOVERY_SWEEP_MS;
const SEND_SLACK_MS = 5_000;

interface Received {
  kind: string;
  text?: string;
  targetId?: string;
}

describe('outbound work survives an api killed between commit and enqueue', () => {
  let db: TestDatabase;
  let sim: RunningSim;
  let config: Config;
  let worker: WorkerHandle | undefined;
  let queue: Queue;
  let channelId: string;
  let email: string;
  let api: ChildProcess | undefined;
  let apiUrl: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const port = await freePort();
    apiUrl = `http://127.0.0.1:${port}`;
    sim = await testSim();
    config = testConfig({
      DEMO_MODE: 'true',
      SIM_URL: sim.url,
      SYNC_INTERVAL_MS: '1000',
      SYNC_MIN_INTERVAL_MS: '500',
      SYNC_MAX_INTERVAL_MS: '2000',
      API_PORT: String(port),
    });
    const backend = createQueueBackend({ redisUrl: config.REDIS_URL, databaseUrl: db.url, prefix: config.QUEUE_PREFIX });
    queue = new backend.Queue(QueueName.Outbound, { connection: backend.connection as never, prefix: backend.prefix });
    channelId = (await connectDemoPage(db.dataSource, config)).id;
    const [{ workspace_id }] = await db.dataSource.query(`SELECT workspace_id FROM channel_account WHERE id = $1`, [channelId]);
    email = (await makeLoginUser(db.dataSource, { id: workspace_id } as never, 'agent')).email;
    await simJson(sim, '/_sim/generate', { method: 'POST', body: { network: 'facebook', count: 20 } });
    worker = await startWorker(config, db.url);
    await waitFor(
      async () => {
        const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM thread WHERE channel_account_id = $1 AND channel = 'comment'`, [channelId]);
        return n >= 4 ? true : undefined;
      },
      60_000,
      'comment threads to reply to',
    );
  }, 90_000);

  afterAll(async () => {
    api?.kill('SIGKILL');
    await worker?.close().catch(() => undefined);
    await queue?.close();
    await sim?.close();
    await db?.drop();
  });

  /** The api as production runs it (its own process), armed to SIGKILL itself after the named commit. */
  const startApi = async (crashAfter: 'reply' | 'moderation') => {
    api = spawn(process.execPath, [join(__dirname, 'security', 'child', 'run-app.cjs'), 'api'], {
      env: cleanChildProcessEnv({
        NODE_ENV: 'test',
        LOG_LEVEL: process.env.DEBUG_CHILD ? 'info' : 'silent',
        DEMO_MODE: 'true',
        DATABASE_URL: db.url,
        REDIS_URL: config.REDIS_URL,
        QUEUE_PREFIX: config.QUEUE_PREFIX,
        SIM_URL: sim.url,
        API_HOST: '127.0.0.1',
        API_PORT: String(config.API_PORT),
        TEST_CRASH_AFTER_COMMIT: crashAfter,
      }),
      stdio: process.env.DEBUG_CHILD ? 'inherit' : 'ignore',
    });
    await waitFor(async () => ((await fetch(`${apiUrl}/api/health`)).ok ? true : undefined), 60_000, 'the api child to answer');
    const res = await fetch(`${apiUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return { cookie, csrf: csrfToken };
  };

  /** Posts to the armed api; the process dies before it answers. Resolves once it is dead. */
  const postAndDie = async (path: string, body: unknown, session: { cookie: string; csrf: string }) => {
    const child = api!;
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    const answer = await fetch(`${apiUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
      body: JSON.stringify(body),
    }).then(
      (r) => `answered ${r.status}`,
      () => 'no answer',
    );
    expect(answer).toBe('no answer');
    expect(await exited).toBe('SIGKILL');
    api = undefined;
  };

  const received = async () => (await simJson<{ items: Received[] }>(sim, '/_sim/received?network=facebook')).items;

  it(`sends a reply committed just before the api was killed, exactly once, within ${BOUND_MS / 1000} s`, async () => {
    const session = await startApi('reply');
    const [thread] = await db.dataSource.query(`SELECT id::text FROM thread WHERE channel_account_id = $1 AND channel = 'comment' ORDER BY id LIMIT 1`, [
      channelId,
    ]);
    const text = `Stranded reply ${Date.now()}`;
    await postAndDie(`/api/threads/${thread.id}/replies`, { text }, session);

    // Committed, and no job: exactly the stranded state of issue 29.
    const [row] = await db.dataSource.query(`SELECT id::text, delivery, created_at FROM message WHERE thread_id = $1 AND text = $2`, [thread.id, text]);
    expect(row.delivery).toBe('queued');
    expect(await queue.getJobState(jobId.send(row.id))).toBe('unknown');

    const sentAt = await waitFor(
      async () => ((await received()).some((r) => r.text === text) ? Date.now() : undefined),
      BOUND_MS + SEND_SLACK_MS + 5_000,
      'the reply at the sim',
    );
    const tookMs = sentAt - new Date(row.created_at).getTime();
    console.log(`stranded reply reached the network ${tookMs} ms after its commit (bound ${BOUND_MS} ms + send)`);
    expect(tookMs).toBeLessThanOrEqual(BOUND_MS + SEND_SLACK_MS);
    await waitFor(
      async () => ((await db.dataSource.query(`SELECT delivery FROM message WHERE id = $1`, [row.id]))[0].delivery === 'sent' ? true : undefined),
      10_000,
      'the reply marked sent',
    );
    // Two more sweeps: nothing is sent again.
    await new Promise((r) => setTimeout(r, 2 * OUTBOUND_RECOVERY_SWEEP_MS));
    expect((await received()).filter((r) => r.text === text)).toHaveLength(1);
  }, 120_000);

  it(`hides a comment whose hide was committed just before the api was killed, exactly once, within ${BOUND_MS / 1000} s`, async () => {
    const session = await startApi('moderation');
    const [target] = await db.dataSource.query(
      `SELECT m.id::text, m.external_id FROM message m JOIN thread t ON t.id = m.thread_id
        WHERE t.channel_account_id = $1 AND t.channel = 'comment' AND m.direction = 'inbound' AND NOT m.hidden ORDER BY m.id DESC LIMIT 1`,
      [channelId],
    );
    await postAndDie(`/api/messages/${target.id}/actions`, { action: 'hide' }, session);

    const [action] = await db.dataSource.query(`SELECT id::text, state, created_at FROM message_action WHERE message_id = $1 AND action = 'hide'`, [target.id]);
    expect(action.state).toBe('queued');
    expect(await queue.getJobState(jobId.moderate(action.id))).toBe('unknown');

    const hides = async () => (await received()).filter((r) => r.kind === 'comment_hide' && r.targetId === target.external_id);
    const doneAt = await waitFor(async () => ((await hides()).length ? Date.now() : undefined), BOUND_MS + SEND_SLACK_MS + 5_000, 'the hide at the sim');
    const tookMs = doneAt - new Date(action.created_at).getTime();
    console.log(`stranded hide reached the network ${tookMs} ms after its commit (bound ${BOUND_MS} ms + call)`);
    expect(tookMs).toBeLessThanOrEqual(BOUND_MS + SEND_SLACK_MS);
    await waitFor(
      async () => ((await db.dataSource.query(`SELECT state FROM message_action WHERE id = $1`, [action.id]))[0].state === 'done' ? true : undefined),
      10_000,
      'the action done',
    );
    await new Promise((r) => setTimeout(r, 2 * OUTBOUND_RECOVERY_SWEEP_MS));
    expect(await hides()).toHaveLength(1);
    expect((await db.dataSource.query(`SELECT hidden FROM message WHERE id = $1`, [target.id]))[0].hidden).toBe(true);
  }, 120_000);
});

describe('outbound work survives Redis unreachable at enqueue time', () => {
  let redis: PrivateRedis;
  let db: TestDatabase;
  let sim: RunningSim;
  let config: Config;
  let api: INestApplication;
  let worker: WorkerHandle | undefined;
  let channelId: string;

  beforeAll(async () => {
    redis = new PrivateRedis(await freePort());
    await redis.start();
    db = await createTestDatabase();
    sim = await testSim();
    config = testConfig({
      DEMO_MODE: 'true',
      SIM_URL: sim.url,
      REDIS_URL: redis.url,
      SYNC_INTERVAL_MS: '1000',
      SYNC_MIN_INTERVAL_MS: '500',
      SYNC_MAX_INTERVAL_MS: '2000',
    });
    api = await createApi(config, db.url);
    await api.init();
    channelId = (await connectDemoPage(db.dataSource, config)).id;
    await simJson(sim, '/_sim/generate', { method: 'POST', body: { network: 'facebook', count: 10 } });
    worker = await startWorker(config, db.url);
    await waitFor(
      async () => {
        const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM thread WHERE channel_account_id = $1 AND channel = 'comment'`, [channelId]);
        return n >= 2 ? true : undefined;
      },
      60_000,
      'comment threads to reply to',
    );
    await worker.close();
    worker = undefined;
  }, 90_000);

  afterAll(async () => {
    await worker?.close().catch(() => undefined);
    await api?.close().catch(() => undefined);
    await sim?.close();
    await db?.drop();
    await redis?.stop();
  });

  it('lets an agent retry a reply stuck in queued past the bound (not before), without a second send', async () => {
    const [{ workspace_id }] = await db.dataSource.query(`SELECT workspace_id FROM channel_account WHERE id = $1`, [channelId]);
    const agent = await login(api, (await makeLoginUser(db.dataSource, { id: workspace_id } as never, 'agent')).email);
    const [thread] = await db.dataSource.query(`SELECT id::text FROM thread WHERE channel_account_id = $1 AND channel = 'comment' ORDER BY id DESC LIMIT 1`, [
      channelId,
    ]);
    const text = `Reply whose job was lost ${Date.now()}`;
    const res = await agent.agent.post(`/api/threads/${thread.id}/replies`).set('x-csrf-token', agent.csrf).send({ text }).expect(202);
    const messageId = String(res.body.message.id);
    const backend = createQueueBackend({ redisUrl: config.REDIS_URL, databaseUrl: db.url, prefix: config.QUEUE_PREFIX });
    const queue: Queue = new backend.Queue(QueueName.Outbound, { connection: backend.connection as never, prefix: backend.prefix });
    try {
      expect(await queue.getJobState(jobId.send(messageId))).toBe('waiting');
      // Within the bound a queued reply is on its way: no retry.
      const early = await agent.agent.post(`/api/messages/${messageId}/retry`).set('x-csrf-token', agent.csrf).send({});
      expect(early.status).toBe(409);
      expect(early.body.message).toMatch(/not delivered 10 s after it was written/);

      // The job is lost (as in a Redis without AOF that restarted) and the bound has passed.
      await queue.remove(jobId.send(messageId));
      await db.dataSource.query(`UPDATE message SET created_at = created_at - interval '1 minute' WHERE id = $1`, [messageId]);
      const retried = await agent.agent.post(`/api/messages/${messageId}/retry`).set('x-csrf-token', agent.csrf).send({});
      expect([retried.status, retried.body.message?.delivery]).toEqual([202, 'queued']);
      expect(await queue.getJobState(jobId.send(messageId))).toBe('waiting');
      // A second click makes no second job.
      await agent.agent.post(`/api/messages/${messageId}/retry`).set('x-csrf-token', agent.csrf).send({}).expect(202);
      expect(await queue.getJobCounts('waiting')).toEqual({ waiting: 1 });
    } finally {
      await queue.close();
    }
    worker = await startWorker(config, db.url);
    const received = async () => (await simJson<{ items: Received[] }>(sim, '/_sim/received?network=facebook')).items.filter((r) => r.text === text);
    await waitFor(
      async () => ((await db.dataSource.query(`SELECT delivery FROM message WHERE id = $1`, [messageId]))[0].delivery === 'sent' ? true : undefined),
      20_000,
      'the retried reply sent',
    );
    await new Promise((r) => setTimeout(r, 2 * OUTBOUND_RECOVERY_SWEEP_MS));
    expect(await received()).toHaveLength(1);
    await worker.close();
    worker = undefined;
  }, 120_000);

  it('answers 202 with the reply queued while Redis is down, and a worker sends it once Redis is back, exactly once', async () => {
    const [{ workspace_id }] = await db.dataSource.query(`SELECT workspace_id FROM channel_account WHERE id = $1`, [channelId]);
    const agent = await login(api, (await makeLoginUser(db.dataSource, { id: workspace_id } as never, 'agent')).email);
    const [thread] = await db.dataSource.query(`SELECT id::text FROM thread WHERE channel_account_id = $1 AND channel = 'comment' ORDER BY id LIMIT 1`, [
      channelId,
    ]);
    await redis.kill();

    const text = `Reply while Redis is away ${Date.now()}`;
    const started = Date.now();
    const res = await agent.agent.post(`/api/threads/${thread.id}/replies`).set('x-csrf-token', agent.csrf).send({ text });
    expect([res.status, res.body.message?.delivery]).toEqual([202, 'queued']);
    expect(Date.now() - started).toBeLessThan(10_000);
    const messageId = String(res.body.message.id);

    // A retry now would have to touch the queue: refused with 503 and nothing changed.
    await db.dataSource.query(`UPDATE message SET created_at = created_at - interval '1 minute' WHERE id = $1`, [messageId]);
    const retry = await agent.agent.post(`/api/messages/${messageId}/retry`).set('x-csrf-token', agent.csrf).send({});
    expect(retry.status).toBe(503);
    expect((await db.dataSource.query(`SELECT delivery FROM message WHERE id = $1`, [messageId]))[0].delivery).toBe('queued');

    await redis.start();
    worker = await startWorker(config, db.url);
    const received = async () => (await simJson<{ items: Received[] }>(sim, '/_sim/received?network=facebook')).items.filter((r) => r.text === text);
    await waitFor(async () => ((await received()).length ? true : undefined), BOUND_MS + SEND_SLACK_MS + 10_000, 'the reply at the sim');
    await waitFor(
      async () => ((await db.dataSource.query(`SELECT delivery FROM message WHERE id = $1`, [messageId]))[0].delivery === 'sent' ? true : undefined),
      10_000,
      'the reply marked sent',
    );
    await new Promise((r) => setTimeout(r, 2 * OUTBOUND_RECOVERY_SWEEP_MS));
    expect(await received()).toHaveLength(1);
  }, 120_000);
});
