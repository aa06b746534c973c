import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { cleanChildProcessEnv, type Config } from '@resonance/config';
import { databaseName } from '@resonance/db';
import type { RunningSim } from '@resonance/sim';
import { createQueueBackend, prepareQueueBackend, QueueName, type QueueBackend, type SyncJob } from '@resonance/queue';
import { createTestDatabase, testConfig, type TestDatabase } from '@resonance/testing';
import { createApi } from '@resonance/api';
import { login, makeLoginUser, type Session } from '../../../api/test/support';
import { startWorker, type WorkerHandle } from '../../src';
import { connectDemoPage, simJson, testSim } from '../pipeline-support';
import { converge, freePort, PrivateRedis, sleep, waitFor, withFaults } from './support';

/**
 * The fault suite (issue 13): one Facebook page synced by real workers from the sim while things
 * break — worker processes SIGKILLed mid sync page and mid send, Redis crashed and restarted,
 * PostgreSQL connections terminated, rate-limit storms, 5xx, timeouts, token revocation,
 * duplicate/reordered/failed webhooks, the network's clock two hours ahead of ours. After every
 * phase the database must hold the sim's ground truth exactly once and every reply must be at the
 * sim exactly once. The counts of faults survived are printed and written to
 * $TMPDIR/resonance-fault-suite.json (docs/reliability.md quotes a run).
 */
describe('fault suite: nothing lost, nothing doubled', () => {
  let redis: PrivateRedis;
  let db: TestDatabase;
  let sim: RunningSim;
  let api: INestApplication;
  let config: Config;
  let backend: QueueBackend;
  let worker: WorkerHandle | undefined;
  let child: ChildProcess | undefined;
  let channelId: string;
  let agent: Session;
  const survived: Record<string, number> = {};
  const sentTexts: string[] = [];
  const base = {
    DEMO_MODE: 'true',
    SYNC_INTERVAL_MS: '1000',
    SYNC_MIN_INTERVAL_MS: '500',
    SYNC_MAX_INTERVAL_MS: '2000',
    SYNC_LEASE_MS: '3000',
    RATE_LIMIT_MAX_DELAY_MS: '1000',
  };
  const count = (what: string, n = 1) => (survived[what] = (survived[what] ?? 0) + n);
  const generate = (n: number) => simJson(sim, '/_sim/generate', { method: 'POST', body: { network: 'facebook', count: n } });

  beforeAll(async () => {
    redis = new PrivateRedis(await freePort());
    await redis.start();
    db = await createTestDatabase();
    const apiConfig = testConfig({ ...base, REDIS_URL: redis.url, API_WRITE_LIMIT_PER_MINUTE: '10000' });
    backend = createQueueBackend({ redisUrl: apiConfig.REDIS_URL, databaseUrl: db.url, prefix: apiConfig.QUEUE_PREFIX });
    await prepareQueueBackend(backend);
    api = await createApi(apiConfig, db.url);
    await api.listen(0, '127.0.0.1');
    sim = await testSim(`${(await api.getUrl()).replace('[::1]', '127.0.0.1')}/api/webhooks`);
    config = testConfig({ ...base, REDIS_URL: redis.url, SIM_URL: sim.url, QUEUE_PREFIX: apiConfig.QUEUE_PREFIX });
    // The sim's hourly call limits sized for a test that polls every half second: the budget is
    // exhausted by the rate-limit fault on purpose, not by the suite's own polling.
    await simJson(sim, '/_sim/facebook/limits', { method: 'POST', body: { appCallsPerHour: 1_000_000, pageCallsPerHour: 1_000_000 } });
    channelId = (await connectDemoPage(db.dataSource, config)).id;
    const [{ workspace_id }] = await db.dataSource.query(`SELECT workspace_id FROM channel_account WHERE id = $1`, [channelId]);
    agent = await login(api, (await makeLoginUser(db.dataSource, { id: workspace_id } as never, 'agent')).email);
  }, 60_000);

  afterAll(async () => {
    child?.kill('SIGKILL');
    await worker?.close().catch(() => undefined);
    await api?.close().catch(() => undefined);
    await sim?.close();
    await db?.drop().catch(() => undefined);
    await redis?.stop();
    const lines = Object.entries(survived).map(([k, n]) => `${k}: ${n}`);
    console.log(`fault suite survived:\n  ${lines.join('\n  ')}`);
    writeFileSync(join(tmpdir(), 'resonance-fault-suite.json'), JSON.stringify({ at: new Date().toISOString(), survived }, null, 2));
  }, 60_000);

  const spawnWorker = () =>
    spawn(process.execPath, [join(__dirname, '..', 'child', 'run-worker.cjs')], {
      env: cleanChildProcessEnv({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATABASE_URL: db.url,
        REDIS_URL: redis.url,
        QUEUE_PREFIX: config.QUEUE_PREFIX,
        SIM_URL: sim.url,
        ...base,
      }),
      stdio: 'ignore',
    });
  const killChild = async () => {
    const c = child!;
    c.kill('SIGKILL');
    if (c.exitCode === null) await new Promise((r) => c.once('exit', r));
    child = undefined;
  };

  /** Posts a reply through the API to a waiting comment thread; returns the message id. */
  const reply = async (): Promise<string> => {
    const [thread] = await db.dataSource.query(
      `SELECT t.id::text FROM thread t WHERE t.channel_account_id = $1 AND t.channel = 'comment'
          AND NOT EXISTS (SELECT 1 FROM message m WHERE m.thread_id = t.id AND m.direction = 'outbound')
        ORDER BY t.last_message_at DESC LIMIT 1`,
      [channelId],
    );
    const text = `Fault-suite reply ${sentTexts.length + 1} (${Date.now()})`;
    const res = await agent.agent.post(`/api/threads/${thread.id}/replies`).set('x-csrf-token', agent.csrf).send({ text });
    if (res.status >= 300) throw new Error(`reply refused: ${res.status} ${JSON.stringify(res.body)}`);
    sentTexts.push(text);
    return String(res.body.message?.id ?? res.body.id);
  };

  /** Every reply posted so far is sent, once at the sim and once in the database. */
  const expectRepliesOnce = async () => {
    await waitFor(
      async () => {
        const rows = await db.dataSource.query<Array<{ delivery: string }>>(
          `SELECT delivery FROM message WHERE channel_account_id = $1 AND text = ANY($2::text[])`,
          [channelId, sentTexts],
        );
        return rows.length === sentTexts.length && rows.every((r) => r.delivery === 'sent') ? true : undefined;
      },
      60_000,
      'every reply to be sent',
    );
    const received = (await simJson<{ items: Array<{ text: string }> }>(sim, '/_sim/received?network=facebook')).items;
    for (const text of sentTexts) expect([text, received.filter((r) => r.text === text).length]).toEqual([text, 1]);
    const stored = await db.dataSource.query<Array<{ text: string }>>(`SELECT text FROM message WHERE channel_account_id = $1 AND text = ANY($2::text[])`, [
      channelId,
      sentTexts,
    ]);
    expect(stored.length).toBe(sentTexts.length);
  };

  const expectTruth = async (what: string, ms = 60_000) => {
    const { problems, expected, namesMissing } = await converge(db.dataSource, sim, channelId, ms);
    if (namesMissing) survived[`Messenger author names missing ${what}`] = namesMissing;
    if (problems.length) {
      const [state] = await db.dataSource.query(`SELECT status, last_error, last_synced_at FROM channel_account WHERE id = $1`, [channelId]);
      const tokens = await simJson(sim, '/_sim/facebook/tokens');
      console.log(
        `${what}: ${problems.length} problems, e.g. ${problems.slice(0, 5).join('; ')}; channel ${JSON.stringify(state)}; sim tokens ${JSON.stringify(tokens).slice(0, 1500)}`,
      );
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(expected).toBeGreaterThan(0);
  };

  it('survives worker processes SIGKILLed in the middle of a sync page and of a send', async () => {
    await simJson(sim, '/_sim/faults', { method: 'POST', body: { network: 'facebook', kind: 'slow', options: { delayMs: 600 } } });
    await generate(150);
    child = spawnWorker();
    const midRun = `SELECT sync_state->'lease' IS NOT NULL AND sync_state->'streams' ? 'comments' AS mid FROM channel_account WHERE id = $1`;
    await waitFor(async () => ((await db.dataSource.query(midRun, [channelId]))[0].mid ? true : undefined), 60_000, 'the worker to be mid-page');
    await killChild();
    count('worker SIGKILLed mid sync page');

    // A new worker process; replies are queued; it is killed while one of them is being sent.
    child = spawnWorker();
    await waitFor(
      async () =>
        (await db.dataSource.query(`SELECT count(*)::int AS n FROM thread WHERE channel_account_id = $1`, [channelId]))[0].n >= 3 ? true : undefined,
      60_000,
      'threads to reply to',
    );
    const ids = [await reply(), await reply(), await reply()];
    await waitFor(
      async () => {
        const [row] = await db.dataSource.query(`SELECT count(*)::int AS n FROM message WHERE id = ANY($1::bigint[]) AND delivery = 'sending'`, [ids]);
        return row.n > 0 ? true : undefined;
      },
      60_000,
      'a reply to be mid-send',
    );
    await killChild();
    count('worker SIGKILLed mid send');

    await simJson(sim, '/_sim/faults', { method: 'DELETE', body: { network: 'facebook', kind: 'slow' } });
    worker = await startWorker(config, db.url);
    await expectTruth('after the kills');
    await expectRepliesOnce();
  }, 240_000);

  it('survives rate-limit storms, 5xx, timeouts and duplicated, reordered and failed webhook deliveries, all at once', async () => {
    // In two rounds: once a rate limit hits, the worker rightly stops calling until the announced
    // regain time, so 5xx and timeouts would never be reached in the same round.
    const rounds = [
      [
        ['5xx answers', { kind: 'server_error', count: 10, options: { status: 500 } }],
        ['timed-out requests', { kind: 'timeout', count: 3, options: { delayMs: 1500 } }],
        ['duplicated webhook deliveries', { kind: 'webhook_duplicates', count: 15 }],
        ['reordered webhook deliveries', { kind: 'webhook_reorder', count: 15 }],
        ['failed webhook deliveries (retried)', { kind: 'webhook_failures', count: 10 }],
      ],
      [['rate-limit answers (Graph code 32)', { kind: 'rate_limit', count: 5, options: { code: 32 } }]],
    ] as const;
    const injected: Record<string, number> = {};
    for (const faults of rounds) {
      const used = await withFaults(
        sim,
        faults.map(([, f]) => f),
        async () => {
          await reply();
          for (let i = 0; i < 4; i++) {
            await generate(15);
            await sleep(1000);
          }
        },
      );
      for (const [what, fault] of faults) count(what, (injected[fault.kind] = used[fault.kind] ?? 0));
    }
    expect(Object.values(injected).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    await expectTruth('after the network faults', 100_000);
    await expectRepliesOnce();
  }, 180_000);

  it('survives a revoked token: the channel asks for reconnection, and after it nothing is missing', async () => {
    await simJson(sim, '/_sim/faults', { method: 'POST', body: { network: 'facebook', kind: 'token_revoked' } });
    await generate(30);
    await waitFor(
      async () =>
        (await db.dataSource.query(`SELECT status FROM channel_account WHERE id = $1`, [channelId]))[0].status === 'needs_reauth' ? true : undefined,
      60_000,
      'needs_reauth',
    );
    await simJson(sim, '/_sim/faults', { method: 'DELETE', body: { network: 'facebook', kind: 'token_revoked' } });
    // The admin reconnects (as the connect flow does: status back, failures cleared, a sync queued).
    await db.dataSource.query(`UPDATE channel_account SET status = 'connected', consecutive_auth_failures = 0, last_error = NULL WHERE id = $1`, [channelId]);
    const sync = new backend.Queue<SyncJob>(QueueName.Sync, { connection: backend.connection as never, prefix: backend.prefix });
    await sync.add(
      'sync',
      { channelAccountId: channelId, reason: 'hint' },
      { jobId: `fault-suite-reconnect-${Date.now()}`, attempts: 1, removeOnComplete: true },
    );
    await sync.close();
    await expectTruth('after the revocation');
    count('token revocations');
  }, 150_000);

  it("survives the network's clock two hours ahead of ours", async () => {
    await simJson(sim, '/_sim/clock', { method: 'POST', body: { advanceMs: 2 * 3_600_000 } });
    await generate(40);
    await expectTruth('with clock skew');
    count('clock skew (network +2 h)');
  }, 150_000);

  it('survives Redis crashing (SIGKILL) and restarting under load', async () => {
    for (let round = 0; round < 2; round++) {
      await generate(50);
      await reply();
      await sleep(300);
      await redis.kill();
      await generate(20); // webhooks arrive while the queues are down (the sim retries them)
      await sleep(1500);
      await redis.start();
      count('Redis crashes');
    }
    await generate(20);
    await expectTruth('after the Redis crashes', 90_000);
    await expectRepliesOnce();
  }, 240_000);

  it('survives PostgreSQL dropping every connection of the database under load', async () => {
    const admin = new Client({ connectionString: db.url.replace(/\/[^/?]+(\?|$)/, '/postgres$1') });
    await admin.connect();
    try {
      await generate(60);
      await reply();
      for (let round = 0; round < 3; round++) {
        await sleep(500);
        const killed = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [
          databaseName(db.url),
        ]);
        count('PostgreSQL connections terminated', killed.rowCount ?? 0);
        await generate(10);
      }
    } finally {
      await admin.end();
    }
    await expectTruth('after the terminated connections', 90_000);
    await expectRepliesOnce();
  }, 240_000);
});
