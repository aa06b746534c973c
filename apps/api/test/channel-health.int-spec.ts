import type { INestApplication } from '@nestjs/common';
import { seedDemo } from '@resonance/cli';
import type { Config } from '@resonance/config';
import { NETWORKS, type ChannelView, type Network } from '@resonance/contracts';
import { createApi } from '@resonance/api';
import { createQueueBackend, jobId, prepareQueueBackend, QueueName } from '@resonance/queue';
import { startSim, type RunningSim } from '@resonance/sim';
import { createTestDatabase, testConfig, type TestDatabase } from '@resonance/testing';
import { startWorker, type WorkerHandle } from '@resonance/worker';
import { login, waitFor, type Session } from './support';

const BASE_MS = 1_500;
const MIN_MS = 500;
const MAX_MS = 6_000;

/**
 * Channel health an admin can read and steer (issue 28, part 1), against the real api, worker,
 * sim, PostgreSQL and Redis: the next sync, "sync now" (one job, refused over budget), and an
 * outage of every network on every card within one failed attempt.
 */
describe('channel health and sync now', () => {
  let sim: RunningSim;
  let db: TestDatabase;
  let config: Config;
  let app: INestApplication;
  let admin: Session;
  let agent: Session;
  let worker: WorkerHandle | undefined;
  const ids = {} as Record<Network, string>;

  beforeAll(async () => {
    sim = await startSim({ SIM_HOST: '127.0.0.1', SIM_PORT: 0, SIM_SEED: 11, SIM_TRAFFIC_PER_MINUTE: 0, SIM_WEBHOOK_URL: 'off' });
    sim.traffic.generate(10);
    db = await createTestDatabase();
    config = testConfig({
      DEMO_MODE: 'true',
      SIM_URL: sim.url,
      SYNC_INTERVAL_MS: String(BASE_MS),
      SYNC_MIN_INTERVAL_MS: String(MIN_MS),
      SYNC_MAX_INTERVAL_MS: String(MAX_MS),
      SYNC_BACKFILL_DAYS: '2',
    });
    await prepareQueueBackend(createQueueBackend({ redisUrl: config.REDIS_URL, databaseUrl: db.url, prefix: config.QUEUE_PREFIX }));
    await seedDemo(db.dataSource, config);
    for (const row of await db.dataSource.query<Array<{ id: string; network: Network }>>(`SELECT id, network FROM channel_account`)) ids[row.network] = row.id;
    app = await createApi(config, db.url);
    await app.init();
    admin = await login(app, 'admin@demo.local', 'resonance');
    agent = await login(app, 'agent@demo.local', 'resonance');
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    await db?.drop();
    await sim?.close();
  });

  const cards = async (): Promise<Map<string, ChannelView>> => {
    const res = await admin.agent.get('/api/channels').expect(200);
    return new Map((res.body as ChannelView[]).map((c) => [c.id, c]));
  };
  const syncNow = (s: Session, id: string) => s.agent.post(`/api/channels/${id}/sync`).set('X-CSRF-Token', s.csrf);
  const setBudget = (id: string, state: object) =>
    db.dataSource.query(`UPDATE channel_account SET rate_budget = jsonb_build_object('state', $2::jsonb) WHERE id = $1`, [id, JSON.stringify(state)]);

  it("sync now queues the channel's one manual run: a second request joins it; agents may not", async () => {
    const [a, b] = await Promise.all([syncNow(admin, ids.facebook), syncNow(admin, ids.facebook)]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(a.body.jobId).toBe(jobId.syncManual(ids.facebook));
    expect(b.body.jobId).toBe(a.body.jobId);
    expect([a.body.queued, b.body.queued]).toContain(true);
    expect((await syncNow(admin, ids.facebook).expect(202)).body.queued).toBe(false);
    // One run waits, however many asked.
    const backend = createQueueBackend({ redisUrl: config.REDIS_URL, databaseUrl: db.url, prefix: config.QUEUE_PREFIX });
    const queue = new backend.Queue(QueueName.Sync, { connection: backend.connection as never, prefix: backend.prefix });
    try {
      const waiting = (await queue.getJobs(['waiting', 'prioritized', 'delayed'])).filter((j) => j?.data?.channelAccountId === ids.facebook);
      expect(waiting.map((j) => j.id)).toEqual([jobId.syncManual(ids.facebook)]);
    } finally {
      await queue.close();
    }
    await syncNow(agent, ids.facebook).expect(403);
  });

  it('sync now is refused with the reason while the budget is spent or nearly so, and for a paused channel; the card says why', async () => {
    const now = Date.now();
    await setBudget(ids.youtube, { usedPercent: 100, readAt: now, pausedUntil: now + 90_000, resetsAt: now + 90_000 });
    const paused = await syncNow(admin, ids.youtube).expect(429);
    expect(paused.body.code).toBe('SYNC_BUDGET_PAUSED');
    expect(Number(paused.headers['retry-after'])).toBeGreaterThan(80);
    expect(Number(paused.headers['retry-after'])).toBeLessThanOrEqual(90);

    await setBudget(ids.xing, { usedPercent: 97, readAt: now, resetsAt: now + 40_000 });
    const low = await syncNow(admin, ids.xing).expect(429);
    expect(low.body.code).toBe('SYNC_BUDGET_LOW');
    expect(Number(low.headers['retry-after'])).toBeLessThanOrEqual(40);

    await admin.agent.patch(`/api/channels/${ids.linkedin}`).set('X-CSRF-Token', admin.csrf).send({ status: 'paused' }).expect(200);
    expect((await syncNow(admin, ids.linkedin).expect(409)).body.code).toBe('SYNC_NOT_SYNCING');

    const seen = await cards();
    const youtube = seen.get(ids.youtube)!.sync;
    expect(youtube.pacing).toBe('paused');
    expect(Date.parse(youtube.pausedUntil!)).toBe(now + 90_000);
    expect(Date.parse(youtube.nextSyncAt!)).toBe(now + 90_000);
    expect(Date.parse(youtube.budgetResetsAt!)).toBe(now + 90_000);
    const linkedin = seen.get(ids.linkedin)!.sync;
    expect(linkedin.pacing).toBe('stopped');
    expect(linkedin.nextSyncAt).toBeNull();
    // Nothing was queued for a refused request.
    const backend = createQueueBackend({ redisUrl: config.REDIS_URL, databaseUrl: db.url, prefix: config.QUEUE_PREFIX });
    const queue = new backend.Queue(QueueName.Sync, { connection: backend.connection as never, prefix: backend.prefix });
    try {
      for (const id of [ids.youtube, ids.xing, ids.linkedin]) expect(await queue.getJob(jobId.syncManual(id))).toBeUndefined();
    } finally {
      await queue.close();
    }

    await db.dataSource.query(`UPDATE channel_account SET rate_budget = '{}'::jsonb WHERE id = ANY($1::uuid[])`, [[ids.youtube, ids.xing]]);
    await admin.agent.patch(`/api/channels/${ids.linkedin}`).set('X-CSRF-Token', admin.csrf).send({ status: 'connected' }).expect(200);
  });

  it('with the worker running, each card shows its last run and the next sync one interval later', async () => {
    worker = await startWorker(config, db.url);
    const synced = await waitFor(async () => {
      const all = [...(await cards()).values()];
      return all.length === NETWORKS.length && all.every((c) => c.lastSyncedAt && c.sync.lastRunAt && c.sync.failures === 0) ? all : undefined;
    }, 30_000);
    for (const c of synced) {
      expect(c.sync.baseIntervalMs).toBe(BASE_MS);
      expect(c.sync.intervalMs).toBeGreaterThanOrEqual(MIN_MS);
      expect(c.sync.intervalMs).toBeLessThanOrEqual(MAX_MS);
      expect(Date.parse(c.sync.nextSyncAt!) - Date.parse(c.sync.lastRunAt!)).toBe(c.sync.intervalMs);
      expect(c.sync.lagMs).toBeGreaterThanOrEqual(0);
      expect(['normal', 'paced']).toContain(c.sync.pacing);
      expect(c.lastError).toBeNull();
    }
    // The queued manual run of the first test ran and left its id free.
    expect((await syncNow(admin, ids.facebook).expect(202)).body.jobId).toBe(jobId.syncManual(ids.facebook));
  }, 45_000);

  it('an outage of every network shows on every card within one failed attempt, in words, and clears after it', async () => {
    const fault = await fetch(`${sim.url}/_sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ network: '*', kind: 'server_error', options: { status: 503 } }),
    });
    expect(fault.status).toBe(200);
    const firstSeen = new Map<string, ChannelView>();
    try {
      await waitFor(async () => {
        for (const c of (await cards()).values()) if (!firstSeen.has(c.id) && c.sync.failures > 0) firstSeen.set(c.id, c);
        return firstSeen.size === NETWORKS.length ? true : undefined;
      }, 20_000);
    } finally {
      await fetch(`${sim.url}/_sim/faults`, { method: 'DELETE', headers: { 'content-type': 'application/json' }, body: '{}' });
    }
    // The card said so at the first failed attempt: the run that failed wrote the error with it.
    for (const c of firstSeen.values()) {
      expect({ network: c.network, failures: c.sync.failures }).toEqual({ network: c.network, failures: 1 });
      expect({ network: c.network, code: c.sync.lastErrorCode }).toEqual({ network: c.network, code: 'TRANSIENT' });
      expect(c.lastError).not.toBeNull();
      expect(['backing_off', 'paused']).toContain(c.sync.pacing);
      expect(c.status).toBe('connected');
    }
    const recovered = await waitFor(async () => {
      const all = [...(await cards()).values()];
      return all.every((c) => c.sync.failures === 0 && c.lastError === null) ? all : undefined;
    }, 30_000);
    for (const c of recovered) expect(c.sync.pacing).not.toBe('backing_off');
  }, 60_000);
});
