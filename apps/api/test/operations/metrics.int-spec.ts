import type { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { makeChannel, makeWorkspace, createTestDatabase, RedisRelay, testConfig, type TestDatabase } from '@resonance/testing';
import { prepareQueueBackend, queueBackendFromConfig } from '@resonance/queue';
import { QUEUE_SCRAPE_TIMEOUT_MS } from '@resonance/runtime';
import { createApi } from '../../src';
import { login, makeLoginUser } from '../support';
import { scrape, sample } from './prometheus-text';

const TOKEN = 'metrics-token-for-the-test-0123456789abcdef';

/**
 * GET /metrics of the api after real traffic, against real PostgreSQL and Redis: the numbers move
 * with the requests, jobs and channels the test makes.
 */
describe('api /metrics', () => {
  let db: TestDatabase;
  let app: INestApplication;
  const read = async () => scrape(await request(app.getHttpServer()).get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200));

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApi(testConfig({ METRICS_TOKEN: TOKEN }), db.url);
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('refuses a scrape without the bearer token, or with a wrong one', async () => {
    const none = await request(app.getHttpServer()).get('/metrics').expect(401);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(none.text).not.toContain('resonance_');
    await request(app.getHttpServer())
      .get('/metrics')
      .set('Authorization', `Bearer ${TOKEN.slice(1)}x`)
      .expect(401);
    await request(app.getHttpServer()).get('/metrics').set('Authorization', TOKEN).expect(401);
  });

  it('counts requests by route template, never by raw path', async () => {
    const before = await read();
    await request(app.getHttpServer()).get('/api/health').expect(200);
    await request(app.getHttpServer()).get('/api/health').expect(200);
    const id = '5f0c6b1e-8c1a-4d7e-9a53-0d8d3f1c2b7a';
    await request(app.getHttpServer()).get(`/api/threads/${id}`).expect(401);
    const after = await read();

    const health = { method: 'GET', route: '/api/health', status_code: '200' };
    expect(
      sample(after, 'resonance_http_request_duration_seconds_count', health) - sample(before, 'resonance_http_request_duration_seconds_count', health),
    ).toBe(2);
    const thread = { method: 'GET', route: '/api/threads/:id', status_code: '401' };
    expect(
      sample(after, 'resonance_http_request_duration_seconds_count', thread) - sample(before, 'resonance_http_request_duration_seconds_count', thread),
    ).toBe(1);
    expect(after.text).not.toContain(id);
    // The process's own metrics come with it, labelled with the process.
    expect(sample(after, 'resonance_process_resident_memory_bytes', { process: 'api' })).toBeGreaterThan(0);
  });

  it("reports the database pool's connections in use, idle and waiting", async () => {
    const pool = (m: Awaited<ReturnType<typeof read>>) => ({
      inUse: sample(m, 'resonance_db_pool_connections', { state: 'in_use' }),
      idle: sample(m, 'resonance_db_pool_connections', { state: 'idle' }),
      waiting: sample(m, 'resonance_db_pool_connections', { state: 'waiting' }),
    });
    // Every connection of the api's pool (testConfig: 10) held by a statement, and two more callers waiting for one.
    const api = app.get(DataSource);
    const held = Array.from({ length: 12 }, () => api.query('SELECT pg_sleep(1.5)'));
    await new Promise((r) => setTimeout(r, 500));
    const busy = pool(await read());
    await Promise.all(held);
    expect(busy.inUse).toBe(10);
    // The scrape's own gauges queued for a connection too (channels), so at least the two.
    expect(busy.waiting).toBeGreaterThanOrEqual(2);
    const quiet = pool(await read());
    expect(quiet.waiting).toBe(0);
    expect(quiet.idle).toBeGreaterThan(0);
  });

  it('reports queue depth and the age of the oldest waiting job', async () => {
    // No worker runs in this test: the jobs stay where they were put.
    const ingest = app.get<Queue>(getQueueToken('ingest'), { strict: false });
    const before = await read();
    expect(sample(before, 'resonance_queue_jobs', { queue: 'ingest', state: 'waiting' })).toBe(0);
    expect(sample(before, 'resonance_queue_oldest_waiting_seconds', { queue: 'ingest' })).toBe(0);
    await ingest.addBulk([1, 2, 3].map((n) => ({ name: 'ingest', data: { channelAccountId: `c${n}`, source: 'test', records: [] } })));
    await ingest.add('ingest', { channelAccountId: 'c4', source: 'test', records: [] }, { delay: 60_000 });
    await new Promise((r) => setTimeout(r, 1_100));
    const after = await read();
    expect(sample(after, 'resonance_queue_jobs', { queue: 'ingest', state: 'waiting' })).toBe(3);
    expect(sample(after, 'resonance_queue_jobs', { queue: 'ingest', state: 'delayed' })).toBe(1);
    expect(sample(after, 'resonance_queue_oldest_waiting_seconds', { queue: 'ingest' })).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'resonance_queue_jobs', { queue: 'outbound', state: 'waiting' })).toBe(0);
    expect(sample(after, 'resonance_queue_backend_up', {})).toBe(1);
  });

  it('reports sync lag per channel and network, budget used per network, and channels by status', async () => {
    const ws = await makeWorkspace(db.dataSource);
    const fresh = await makeChannel(db.dataSource, ws, {
      network: 'youtube',
      lastSyncedAt: new Date(Date.now() - 30_000),
      rateBudget: { state: { usedPercent: 12 } },
    });
    const late = await makeChannel(db.dataSource, ws, {
      network: 'youtube',
      lastSyncedAt: new Date(Date.now() - 600_000),
      rateBudget: { state: { usedPercent: 64.5 } },
    });
    await makeChannel(db.dataSource, ws, { network: 'xing', status: 'needs_reauth', lastSyncedAt: new Date(Date.now() - 86_400_000) });
    const m = await read();
    expect(sample(m, 'resonance_sync_lag_seconds', { network: 'youtube', channel: fresh.id })).toBeGreaterThanOrEqual(30);
    expect(sample(m, 'resonance_sync_lag_seconds', { network: 'youtube', channel: fresh.id })).toBeLessThan(60);
    expect(sample(m, 'resonance_sync_lag_seconds', { network: 'youtube', channel: late.id })).toBeGreaterThanOrEqual(600);
    expect(sample(m, 'resonance_sync_lag_max_seconds', { network: 'youtube' })).toBeGreaterThanOrEqual(600);
    expect(sample(m, 'resonance_budget_used_ratio', { network: 'youtube' })).toBeCloseTo(0.645, 5);
    expect(sample(m, 'resonance_channels', { network: 'xing', status: 'needs_reauth' })).toBe(1);
    // A channel that is not connected has no sync lag series: its card says why instead.
    expect(m.text).not.toMatch(/resonance_sync_lag_seconds\{[^}]*network="xing"/);
  });
});

describe('api /metrics while Redis cannot be reached', () => {
  it('answers in time: the queue backend is down (0) and the database gauges are still there; up again after', async () => {
    const db = await createTestDatabase();
    const relay = new RedisRelay();
    await relay.open();
    const app = await createApi(testConfig({ METRICS_TOKEN: TOKEN, REDIS_URL: relay.url }), db.url);
    await app.init();
    const read = async () => scrape(await request(app.getHttpServer()).get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200));
    try {
      await makeChannel(db.dataSource, await makeWorkspace(db.dataSource), { network: 'linkedin', lastSyncedAt: new Date() });
      expect(sample(await read(), 'resonance_queue_backend_up', {})).toBe(1);

      await relay.close();
      const started = Date.now();
      const m = await read();
      expect(Date.now() - started).toBeLessThan(QUEUE_SCRAPE_TIMEOUT_MS + 2_000);
      expect(m.text).toMatch(/^resonance_queue_backend_up\{[^}]*\} 0$/m);
      expect(m.text).not.toMatch(/^resonance_queue_jobs\{/m);
      expect(sample(m, 'resonance_channels', { network: 'linkedin', status: 'connected' })).toBe(1);

      await relay.open();
      const until = Date.now() + 20_000;
      while (sample(await read(), 'resonance_queue_backend_up', {}) !== 1) {
        if (Date.now() > until) throw new Error('the queue backend did not come back');
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      await relay.open();
      await app.close();
      await relay.close();
      await db.drop();
    }
  });
});

describe('api /metrics on the PostgreSQL queue backend (no REDIS_URL)', () => {
  it('reports queue depth from BullMQ on PostgreSQL too', async () => {
    const db = await createTestDatabase();
    const config = testConfig({ METRICS_TOKEN: TOKEN, REDIS_URL: '' });
    await prepareQueueBackend(queueBackendFromConfig(config, db.url));
    const app = await createApi(config, db.url);
    await app.init();
    try {
      await app.get<Queue>(getQueueToken('rollup'), { strict: false }).add('rebuild', { workspaceId: 'w1' });
      const m = scrape(await request(app.getHttpServer()).get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200));
      expect(sample(m, 'resonance_queue_backend_up', {})).toBe(1);
      expect(sample(m, 'resonance_queue_jobs', { queue: 'rollup', state: 'waiting' })).toBe(1);
    } finally {
      await app.close();
      await db.drop();
    }
  });
});

describe('api /metrics without METRICS_TOKEN', () => {
  it('is not there (404), so nothing is readable without a token', async () => {
    const db = await createTestDatabase();
    const app = await createApi(testConfig(), db.url);
    await app.init();
    try {
      const res = await request(app.getHttpServer()).get('/metrics').expect(404);
      expect(res.text).not.toContain('resonance_');
      const user = await makeLoginUser(db.dataSource, await makeWorkspace(db.dataSource), 'admin');
      const admin = await login(app, user.email);
      await admin.agent.get('/metrics').expect(404);
    } finally {
      await app.close();
      await db.drop();
    }
  });
});
