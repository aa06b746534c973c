import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { QUEUE_NAMES } from '@resonance/queue';
import { createTestDatabase, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { createApi } from '../../src';
import { login, makeLoginUser, type Session } from '../support';

const PUBLIC_URL = 'https://inbox.muster.example';

/** bull-board at /admin/queues: who gets in, and which writes pass its CSRF check. */
describe('queue board /admin/queues', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let webDir: string;
  let admin: Session;
  let agent: Session;
  let outbound: Queue;
  // PUBLIC_URL is https, so the session cookie is Secure and a cookie jar would not send it over
  // the test's plain http: each request carries it itself.
  const as = (session: Session) => ({
    get: (path: string) => request(app.getHttpServer()).get(path).set('Cookie', session.cookie),
    put: (path: string) => request(app.getHttpServer()).put(path).set('Cookie', session.cookie),
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    // With the dashboard's build present: its catch-all must not answer for the board.
    webDir = mkdtempSync(join(tmpdir(), 'resonance-web-'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Resonance</title><div id="root"></div>');
    app = await createApi(testConfig({ WEB_DIST_DIR: webDir, PUBLIC_URL }), db.url);
    await app.init();
    const ws = await makeWorkspace(db.dataSource);
    admin = await login(app, (await makeLoginUser(db.dataSource, ws, 'admin')).email);
    agent = await login(app, (await makeLoginUser(db.dataSource, ws, 'agent')).email);
    outbound = app.get<Queue>(getQueueToken('outbound'), { strict: false });
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('answers 401 to someone not signed in, page and api alike', async () => {
    const page = await request(app.getHttpServer()).get('/admin/queues').expect(401);
    expect(page.text).not.toContain('root');
    await request(app.getHttpServer()).get('/admin/queues/api/queues').expect(401);
    await request(app.getHttpServer()).put('/admin/queues/api/queues/outbound/promote').set('Origin', PUBLIC_URL).expect(401);
  });

  it('answers 403 to a signed-in agent', async () => {
    await as(agent).get('/admin/queues').expect(403);
    await as(agent).get('/admin/queues/api/queues').expect(403);
    await as(agent).put('/admin/queues/api/queues/outbound/promote').set('X-CSRF-Token', agent.csrf).expect(403);
  });

  it('tells the dashboard whether to offer the link: admins yes, others 403', async () => {
    expect((await as(admin).get('/api/queue-board').expect(200)).body).toEqual({ available: true, path: '/admin/queues' });
    await as(agent).get('/api/queue-board').expect(403);
    await request(app.getHttpServer()).get('/api/queue-board').expect(401);
  });

  it("shows an admin the board and every queue's jobs", async () => {
    const page = await as(admin).get('/admin/queues').expect(200).expect('Content-Type', /html/);
    expect(page.text).toContain('__UI_CONFIG__');
    expect(page.text).toContain('Resonance queues');
    // Its scripts come from the api itself (the Content-Security-Policy allows 'self' only).
    const script = /src="(static\/js\/main\.[^"]+\.js)"/.exec(page.text)?.[1];
    expect(script).toBeDefined();
    await as(admin)
      .get(`/admin/queues/${script}`)
      .expect(200)
      .expect('Content-Type', /javascript/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    await outbound.add('send', { messageId: 'm-board-1' }, { jobId: 'send-m-board-1' });
    const res = await as(admin).get('/admin/queues/api/queues').query({ activeQueue: 'outbound', status: 'waiting', page: 1 }).expect(200);
    const names = (res.body.queues as Array<{ name: string }>).map((q) => q.name).sort();
    expect(names).toEqual([...QUEUE_NAMES].sort());
    const queue = (res.body.queues as Array<{ name: string; counts: Record<string, number> }>).find((q) => q.name === 'outbound');
    expect(queue?.counts.waiting).toBe(1);
  });

  it("refuses an admin's write without the CSRF token or this site's origin, and does it with either", async () => {
    await outbound.add('send', { messageId: 'm-board-2' }, { jobId: 'send-m-board-2', delay: 3_600_000 });
    const state = async () => (await outbound.getJob('send-m-board-2'))?.getState();

    await as(admin).put('/admin/queues/api/queues/outbound/promote').expect(403);
    await as(admin).put('/admin/queues/api/queues/outbound/promote').set('Origin', 'https://evil.example').expect(403);
    await as(admin).put('/admin/queues/api/queues/outbound/promote').set('X-CSRF-Token', agent.csrf).expect(403);
    expect(await state()).toBe('delayed');

    await as(admin).put('/admin/queues/api/queues/outbound/promote').set('X-CSRF-Token', admin.csrf).expect(200);
    expect(await state()).toBe('waiting');

    await outbound.add('send', { messageId: 'm-board-3' }, { jobId: 'send-m-board-3', delay: 3_600_000 });
    await as(admin).put('/admin/queues/api/queues/outbound/promote').set('Origin', PUBLIC_URL).expect(200);
    expect(await (await outbound.getJob('send-m-board-3'))?.getState()).toBe('waiting');
  });
});

describe('queue board limited to one workspace (QUEUE_BOARD_WORKSPACE), and off', () => {
  it("lets in only the operators' workspace's admins; QUEUE_BOARD=off mounts nothing", async () => {
    const db = await createTestDatabase();
    const operators = await makeWorkspace(db.dataSource);
    const tenant = await makeWorkspace(db.dataSource);
    const app = await createApi(testConfig({ QUEUE_BOARD_WORKSPACE: operators.id }), db.url);
    await app.init();
    const off = await createApi(testConfig({ QUEUE_BOARD: 'off' }), db.url);
    await off.init();
    try {
      const operator = await login(app, (await makeLoginUser(db.dataSource, operators, 'admin')).email);
      const tenantAdmin = await login(app, (await makeLoginUser(db.dataSource, tenant, 'admin')).email);
      await operator.agent.get('/admin/queues/api/queues').expect(200);
      const refused = await tenantAdmin.agent.get('/admin/queues/api/queues').expect(403);
      expect(refused.body.message).toContain('QUEUE_BOARD_WORKSPACE');
      expect((await operator.agent.get('/api/queue-board').expect(200)).body.available).toBe(true);
      expect((await tenantAdmin.agent.get('/api/queue-board').expect(200)).body.available).toBe(false);
      const offAdmin = await login(off, (await makeLoginUser(db.dataSource, operators, 'admin')).email);
      await offAdmin.agent.get('/admin/queues/api/queues').expect(404);
      expect((await offAdmin.agent.get('/api/queue-board').expect(200)).body.available).toBe(false);
    } finally {
      await app.close();
      await off.close();
      await db.drop();
    }
  });
});
