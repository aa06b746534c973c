import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, ensureDatabase, ReadRouter, runMigrations } from '@resonance/db';
import { makeChannel, makeWorkspace, testConfig } from '@resonance/testing';
import { IngestStore } from '@resonance/worker';
import { createApi } from '../src';
import { WRITTEN_LSN_COOKIE } from '../src/read-routing/read-your-writes.interceptor';
import { postgresBinaries, StreamingPair } from './replica/streaming-pair';
import { comment, login, makeLoginUser, waitFor, type Session } from './support';

const bin = postgresBinaries();
if (!bin) console.log('read-replica.int-spec: skipped, no PostgreSQL server binaries (initdb, postgres, pg_basebackup) under /usr/lib/postgresql/*/bin');
const describeWithBinaries = bin ? describe : describe.skip;

const MAX_LAG_MS = 4_000;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * DATABASE_READ_URL for real (issue 28 part 3): a private primary and a streaming replica made by
 * pg_basebackup on this machine; the api reads inbox lists and reports from the replica, reads a
 * session's own write back from the primary, and falls back to the primary when the replica lags
 * beyond DATABASE_READ_MAX_LAG_MS (replay paused) or is down.
 */
describeWithBinaries('read replica', () => {
  let pair: StreamingPair;
  let ds: DataSource;
  let app: INestApplication;
  let router: ReadRouter;
  let writer: Session;
  let reader: Session;
  let analyst: Session;
  let channelId: string;
  let threadId: string;

  const served = () => router.status().served;
  const listIds = async (session: Session): Promise<Array<{ id: string; status: string }>> =>
    (await session.agent.get('/api/threads').query({ limit: 50 }).expect(200)).body.items;
  const report = (session: Session) =>
    session.agent
      .get('/api/reports/response-times')
      .query({ period: `${day(-2)}..${day(1)}` })
      .expect(200);
  const threadOf = async (key: string): Promise<string> => {
    const rows: Array<{ id: string }> = await ds.query(`SELECT id::text FROM thread WHERE thread_key = $1`, [key]);
    return rows[0].id;
  };
  /** What the api's read connections on the replica last ran (pg_stat_activity of the replica). */
  const replicaStatements = async (): Promise<string[]> => {
    const client = new Client({ connectionString: pair.replica!.url() });
    await client.connect();
    try {
      const { rows } = await client.query<{ query: string }>(`SELECT query FROM pg_stat_activity WHERE application_name = 'resonance-api-read'`);
      return rows.map((r) => r.query);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    pair = new StreamingPair(bin!);
    await pair.start();
    const url = pair.primary!.url('resonance_replica_test');
    await ensureDatabase(url);
    ds = await createDataSource({ url, poolSize: 4 }).initialize();
    await runMigrations(ds);
    const ws = await makeWorkspace(ds);
    channelId = (await makeChannel(ds, ws)).id;
    const store = new IngestStore(ds);
    try {
      await store.ingest(channelId, [
        comment({ threadKey: 'first', text: 'Wann kommt meine Bestellung?' }),
        comment({ threadKey: 'second', text: 'Any discount?' }),
      ]);
    } finally {
      await store.close();
    }
    threadId = await threadOf('first');
    const writerUser = await makeLoginUser(ds, ws, 'agent');
    const readerUser = await makeLoginUser(ds, ws, 'agent');
    const analystUser = await makeLoginUser(ds, ws, 'analyst');

    const config = testConfig({
      DATABASE_READ_URL: pair.replica!.url('resonance_replica_test'),
      DATABASE_READ_MAX_LAG_MS: String(MAX_LAG_MS),
      DATABASE_READ_CHECK_MS: '100',
    });
    app = await createApi(config, url);
    await app.init();
    router = app.get(ReadRouter);
    await waitFor(() => (router.status().state === 'up' && (router.status().lagMs ?? Infinity) < 1_000 ? true : undefined), 30_000);
    writer = await login(app, writerUser.email);
    reader = await login(app, readerUser.email);
    analyst = await login(app, analystUser.email);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    if (ds?.isInitialized) await ds.destroy();
    await pair?.stop();
  }, 60_000);

  it('serves inbox lists and reports from the replica', async () => {
    const before = served();
    expect((await listIds(reader)).map((t) => t.id)).toContain(threadId);
    // The replica's own view: the api's read connections there ran the inbox list, then the report's queries.
    expect((await replicaStatements()).join('\n')).toMatch(/FROM\s+thread\b/i);
    await report(analyst);
    expect((await replicaStatements()).join('\n')).toMatch(/FROM\s+report_response_daily\b/i);
    const after = served();
    expect(after.primary).toBe(before.primary);
    expect(after.replica - before.replica).toBeGreaterThanOrEqual(2);
  });

  it('reads a session its own write from the primary while others read the paused replica, and everyone the primary beyond the lag bound', async () => {
    await pair.onReplica('SELECT pg_wal_replay_pause()');
    const pausedAt = Date.now();
    const store = new IngestStore(ds);
    try {
      await store.ingest(channelId, [comment({ threadKey: 'fresh', text: 'Arrived while the replica was paused' })]);
    } finally {
      await store.close();
    }
    const fresh = await threadOf('fresh');

    // Within the bound: the paused replica answers, without the new thread.
    let before = served();
    expect((await listIds(reader)).map((t) => t.id)).not.toContain(fresh);
    expect(served().replica).toBe(before.replica + 1);

    // The writer's own change comes back at once: the write sets the position cookie, the next read goes to the primary.
    const patched = await writer.agent.patch(`/api/threads/${threadId}`).set('X-CSRF-Token', writer.csrf).send({ status: 'pending' }).expect(200);
    expect(([] as string[]).concat(patched.headers['set-cookie'] ?? []).some((c) => c.startsWith(`${WRITTEN_LSN_COOKIE}=`))).toBe(true);
    before = served();
    const own = await listIds(writer);
    expect(own.find((t) => t.id === threadId)?.status).toBe('pending');
    expect(own.map((t) => t.id)).toContain(fresh);
    expect(served().primary).toBe(before.primary + 1);

    // Another agent still reads the replica (lag still within the bound): neither the write nor the new thread.
    before = served();
    const other = await listIds(reader);
    expect(Date.now() - pausedAt).toBeLessThan(MAX_LAG_MS);
    expect(other.find((t) => t.id === threadId)?.status).toBe('open');
    expect(served().replica).toBe(before.replica + 1);

    // Beyond the bound: everyone reads the primary.
    await waitFor(() => ((router.status().lagMs ?? 0) > MAX_LAG_MS + 200 ? true : undefined), MAX_LAG_MS + 10_000);
    before = served();
    expect((await listIds(reader)).map((t) => t.id)).toContain(fresh);
    await report(analyst);
    expect(served().primary).toBeGreaterThanOrEqual(before.primary + 2);
    expect(served().replica).toBe(before.replica);

    // Replay resumed: back on the replica, which now has the write and the thread — the writer too.
    await pair.onReplica('SELECT pg_wal_replay_resume()');
    await waitFor(() => ((router.status().lagMs ?? Infinity) < 1_000 ? true : undefined), 15_000);
    before = served();
    expect((await listIds(reader)).find((t) => t.id === threadId)?.status).toBe('pending');
    expect((await listIds(writer)).map((t) => t.id)).toContain(fresh);
    expect(served().replica).toBe(before.replica + 2);
  }, 60_000);

  it('reports the replica in the health check, without failing it when the replica is down', async () => {
    const up = await reader.agent.get('/api/health').expect(200);
    expect(up.body.info.readReplica).toMatchObject({ status: 'up', replica: 'up' });
    expect(typeof up.body.info.readReplica.lagMs).toBe('number');
  });

  it('answers from the primary when the replica is down', async () => {
    await pair.stopReplica();
    const before = served();
    expect((await listIds(reader)).map((t) => t.id)).toContain(threadId);
    await report(analyst);
    expect(served().replica).toBe(before.replica);
    expect(served().primary).toBeGreaterThan(before.primary);
    await waitFor(() => (router.status().state === 'down' ? true : undefined), 10_000);
    expect(router.status().reason).toBeTruthy();
    const health = await reader.agent.get('/api/health').expect(200);
    expect(health.body.info.readReplica).toMatchObject({ status: 'up', replica: 'down' });
    expect((await listIds(reader)).map((t) => t.id)).toContain(threadId);
  }, 30_000);
});
