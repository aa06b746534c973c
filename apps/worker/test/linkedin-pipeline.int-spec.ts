import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { cleanChildProcessEnv, type Config } from '@resonance/config';
import type { RunningSim } from '@resonance/sim';
import { createQueueBackend, prepareQueueBackend } from '@resonance/queue';
import { createTestDatabase, testConfig, type TestDatabase } from '@resonance/testing';
import { createApi } from '@resonance/api';
import { login, makeLoginUser } from '../../api/test/support';
import { startWorker, type WorkerHandle } from '../src';
import { compareLinkedIn, connectDemoLinkedIn, demoLinkedIn, linkedinTruth } from './linkedin-support';
import { compareWithTruth, connectDemoPage, simJson, storedMessages, testSim, truthOf } from './pipeline-support';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(probe: () => Promise<T | undefined>, ms: number, what: string): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

const WORKER_ENV = {
  DEMO_MODE: 'true',
  SYNC_INTERVAL_MS: '1000',
  SYNC_MIN_INTERVAL_MS: '500',
  SYNC_MAX_INTERVAL_MS: '2000',
  SYNC_LEASE_MS: '3000',
  RATE_LIMIT_MAX_DELAY_MS: '1000',
};

/**
 * Issue 7's Done-when, end to end: the sim generates LinkedIn traffic; workers sync it with faults
 * on (LinkedIn's 429 storm, 5xx, an expired token, a worker process killed with SIGKILL in the
 * middle of a run). Afterwards the database holds every comment of the ground truth exactly once,
 * in the right thread, with the right author and time; a reply posted through the API reaches the
 * sim once; and a throttled LinkedIn does not hold up another network's sync.
 */
describe('LinkedIn pipeline against the sim, with faults on', () => {
  let db: TestDatabase;
  let sim: RunningSim;
  let api: INestApplication;
  let config: Config;
  let worker: WorkerHandle | undefined;
  let child: ChildProcess | undefined;
  let channelId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const apiConfig = testConfig(WORKER_ENV);
    await prepareQueueBackend(createQueueBackend({ redisUrl: apiConfig.REDIS_URL, databaseUrl: db.url, prefix: apiConfig.QUEUE_PREFIX }));
    api = await createApi(apiConfig, db.url);
    await api.listen(0, '127.0.0.1');
    // No webhooks: LinkedIn's reach the inbox only by polling here, and so do Facebook's in the fairness check.
    sim = await testSim('off');
    config = testConfig({ ...WORKER_ENV, SIM_URL: sim.url, QUEUE_PREFIX: apiConfig.QUEUE_PREFIX });
    channelId = (await connectDemoLinkedIn(db.dataSource, config)).id;
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await worker?.close();
    await api?.close();
    await sim?.close();
    await db?.drop();
  }, 120_000);

  const count = async (id = channelId) => Number((await db.dataSource.query(`SELECT count(*) FROM message WHERE channel_account_id = $1`, [id]))[0].count);

  it('stores every generated comment and reply exactly once, despite a killed worker, 429 storms, 5xx and an expired token', async () => {
    // 1. A worker process syncs slowly (every LinkedIn answer takes 500 ms) and is killed mid-run.
    await simJson(sim, '/_sim/faults', { method: 'POST', body: { network: 'linkedin', kind: 'slow', options: { delayMs: 500 } } });
    await simJson(sim, '/_sim/generate', { method: 'POST', body: { network: 'linkedin', count: 400 } });
    child = spawn(process.execPath, [join(__dirname, 'child', 'run-worker.cjs')], {
      env: cleanChildProcessEnv({
        ...WORKER_ENV,
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATABASE_URL: db.url,
        REDIS_URL: config.REDIS_URL ?? '',
        QUEUE_PREFIX: config.QUEUE_PREFIX,
        SIM_URL: sim.url,
      }),
      stdio: 'ignore',
    });
    // Mid-run: the child holds the lease and has stored (and committed the cursors of) some posts'
    // comments but not all of them.
    const midRun = `SELECT sync_state->'lease' IS NOT NULL
                       AND EXISTS (SELECT 1 FROM jsonb_each(sync_state->'streams'->'comments') e WHERE e.value ? 'polledAt')
                       AND EXISTS (SELECT 1 FROM jsonb_each(sync_state->'streams'->'comments') e WHERE NOT e.value ? 'polledAt')
                       AND EXISTS (SELECT 1 FROM message m WHERE m.channel_account_id = $1) AS mid
                  FROM channel_account WHERE id = $1`;
    await waitFor(async () => ((await db.dataSource.query(midRun, [channelId]))[0].mid ? true : undefined), 60_000, 'the child worker to be mid-run');
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    expect((await db.dataSource.query(midRun, [channelId]))[0].mid).toBe(true);
    const afterKill = await count();
    expect(afterKill).toBeGreaterThan(0);

    // 2. Faults on; the demo token has expired (the channel refreshes it); a fresh worker takes over while traffic keeps coming.
    await simJson(sim, '/_sim/faults', { method: 'DELETE', body: { network: 'linkedin', kind: 'slow' } });
    await simJson(sim, '/_sim/linkedin/tokens/expire', { method: 'POST', body: { token: demoLinkedIn.credentials.accessToken } });
    for (const fault of [
      { kind: 'rate_limit', probability: 0.2 },
      { kind: 'server_error', probability: 0.15, options: { status: 500 } },
    ]) {
      await simJson(sim, '/_sim/faults', { method: 'POST', body: { network: 'linkedin', ...fault } });
    }
    worker = await startWorker(config, db.url);
    for (let i = 0; i < 4; i++) {
      await simJson(sim, '/_sim/generate', { method: 'POST', body: { network: 'linkedin', count: 100 } });
      await sleep(1_000);
    }
    expect((await simJson<{ faults: unknown[] }>(sim, '/_sim/faults')).faults).toHaveLength(2);
    // 3. Faults off: the schedule reconciles what the faults held back.
    await simJson(sim, '/_sim/faults', { method: 'DELETE', body: { network: 'linkedin' } });
    const truth = await linkedinTruth(sim);
    let problems: string[] = [];
    await waitFor(
      async () => {
        problems = compareLinkedIn(truth, await storedMessages(db.dataSource, channelId));
        return problems.length === 0 ? true : undefined;
      },
      90_000,
      'the database to match the ground truth',
    ).catch(() => undefined);
    if (problems.length) {
      const [state] = await db.dataSource.query(`SELECT status, last_error, rate_budget FROM channel_account WHERE id = $1`, [channelId]);
      console.log(`after the faults: ${problems.length} problems`, JSON.stringify(state));
    }
    expect(problems.slice(0, 20)).toEqual([]);
    const expected = truth.filter((t) => t.kind === 'comment').length;
    expect(await count()).toBe(expected);
    // The expired token was replaced by a refreshed one, stored encrypted; the channel is healthy.
    const [row] = await db.dataSource.query(`SELECT status, consecutive_auth_failures, credentials_expire_at FROM channel_account WHERE id = $1`, [channelId]);
    expect(row.status).toBe('connected');
    expect(row.credentials_expire_at).not.toBeNull();
    console.log(`linkedin ground truth: ${expected} comments; stored: ${await count()}; before the kill: ${afterKill}`);
  }, 240_000);

  it('sends a reply posted through the API to LinkedIn exactly once, as the organization, and shows it as sent', async () => {
    const [workspace] = await db.dataSource.query(`SELECT workspace_id FROM channel_account WHERE id = $1`, [channelId]);
    const user = await makeLoginUser(db.dataSource, { id: workspace.workspace_id } as never, 'agent');
    const session = await login(api, user.email);
    const [thread] = await db.dataSource.query(
      `SELECT id::text, thread_key FROM thread WHERE channel_account_id = $1 AND waiting_since IS NOT NULL ORDER BY last_message_at DESC LIMIT 1`,
      [channelId],
    );
    await simJson(sim, '/_sim/received', { method: 'DELETE' });
    const text = `Danke! Die Größe 44 ist ab Freitag wieder da. (${Date.now()})`;
    const res = await session.agent.post(`/api/threads/${thread.id}/replies`).set('x-csrf-token', session.csrf).send({ text });
    expect(res.status).toBeLessThan(300);
    const messageId = String(res.body.message?.id ?? res.body.id);
    const sent = await waitFor(
      async () => {
        const [m] = await db.dataSource.query(`SELECT delivery, external_id, delivery_error FROM message WHERE id = $1`, [messageId]);
        return m.delivery === 'sent' || m.delivery === 'failed' ? m : undefined;
      },
      30_000,
      'the reply to be sent',
    );
    expect(sent).toMatchObject({ delivery: 'sent', delivery_error: null });
    // Syncs read the reply back: still one row, one delivery.
    await sleep(3_000);
    const received = (
      await simJson<{ items: Array<{ text: string; externalId: string; body: Record<string, unknown> }> }>(sim, '/_sim/received?network=linkedin')
    ).items.filter((r) => r.text === text);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ externalId: sent.external_id, body: { actor: demoLinkedIn.externalId, parentComment: thread.thread_key } });
    expect(await db.dataSource.query(`SELECT id::text, delivery FROM message WHERE channel_account_id = $1 AND text = $2`, [channelId, text])).toEqual([
      { id: messageId, delivery: 'sent' },
    ]);
  });

  it('a throttled LinkedIn (12 channels, slow 429s) never delays another network: Facebook still catches up within a few poll intervals', async () => {
    const throttled: string[] = [];
    for (let i = 0; i < 12; i++) throttled.push((await connectDemoLinkedIn(db.dataSource, config)).id);
    const facebook = (await connectDemoPage(db.dataSource, config)).id;
    await simJson(sim, '/_sim/faults', { method: 'POST', body: { network: 'linkedin', kind: 'slow', options: { delayMs: 1500 } } });
    await simJson(sim, '/_sim/faults', { method: 'POST', body: { network: 'linkedin', kind: 'rate_limit' } });
    // The worker picks up the new channels (as it does after a connect).
    await worker!.close();
    worker = await startWorker(config, db.url);
    try {
      await simJson(sim, '/_sim/generate', { method: 'POST', body: { network: 'facebook', count: 200 } });
      const t0 = Date.now();
      const truth = await truthOf(sim);
      await waitFor(
        async () => (compareWithTruth(truth, await storedMessages(db.dataSource, facebook)).length === 0 ? true : undefined),
        20_000,
        'Facebook to catch up',
      );
      const caughtUpMs = Date.now() - t0;
      // Meanwhile LinkedIn was throttled: its channels are paused by their budget, still connected.
      // LinkedIn's slowed calls may answer their 429s only after Facebook is done: wait for them.
      const rows = await waitFor(
        async () => {
          const found = await db.dataSource.query<Array<{ status: string; last_error: string | null }>>(
            `SELECT status, rate_budget, last_error FROM channel_account WHERE id = ANY($1::uuid[])`,
            [throttled],
          );
          return found.some((r) => r.last_error?.startsWith('RATE_LIMITED')) ? found : undefined;
        },
        30_000,
        'LinkedIn to be throttled',
      );
      expect(rows.every((r) => r.status === 'connected')).toBe(true);
      expect(rows.filter((r) => r.last_error?.startsWith('RATE_LIMITED')).length).toBeGreaterThan(0);
      console.log(
        `facebook caught up with ${truth.filter((t) => t.kind !== 'post').length} items in ${caughtUpMs} ms while ${rows.filter((r) => r.last_error?.startsWith('RATE_LIMITED')).length} of 12 LinkedIn channels were throttled`,
      );
      expect(caughtUpMs).toBeLessThan(15_000);
    } finally {
      await simJson(sim, '/_sim/faults', { method: 'DELETE', body: { network: 'linkedin' } });
    }
  }, 60_000);
});
