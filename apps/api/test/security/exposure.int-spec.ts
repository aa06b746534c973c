import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createQueueBackend, prepareQueueBackend } from '@resonance/queue';
import { createTestDatabase, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { createApi } from '../../src';
import { login, makeLoginUser, PASSWORD, type Session } from '../support';

const PRODUCTION = {
  NODE_ENV: 'production',
  ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
  SESSION_SECRET: 'production-secret-of-the-exposure-test',
};

/**
 * Issue 20, items 12, 15 and 16: what the api shows to whom. API documentation by API_DOCS
 * (admins only by default in production), no caching of API answers, the public configuration the
 * login page reads, and no hint about users of other workspaces when adding a user.
 */
describe('api exposure', () => {
  let db: TestDatabase;
  let development: INestApplication;
  let production: INestApplication;
  let docsOff: INestApplication;
  let devAdmin: Session;
  let prodAdmin: Session;
  let prodAgent: Session;
  let docsOffAdmin: Session;
  let otherWorkspaceEmail: string;
  let adminEmail: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = testConfig();
    await prepareQueueBackend(createQueueBackend({ redisUrl: config.REDIS_URL, databaseUrl: db.url, prefix: config.QUEUE_PREFIX }));
    development = await createApi(config, db.url);
    production = await createApi(testConfig({ ...PRODUCTION, QUEUE_PREFIX: config.QUEUE_PREFIX }), db.url);
    docsOff = await createApi(testConfig({ ...PRODUCTION, API_DOCS: 'off', QUEUE_PREFIX: config.QUEUE_PREFIX }), db.url);
    for (const app of [development, production, docsOff]) await app.init();
    const ws = await makeWorkspace(db.dataSource);
    const admin = await makeLoginUser(db.dataSource, ws, 'admin');
    adminEmail = admin.email;
    devAdmin = await login(development, admin.email);
    prodAdmin = await login(production, admin.email);
    docsOffAdmin = await login(docsOff, admin.email);
    prodAgent = await login(production, (await makeLoginUser(db.dataSource, ws, 'agent')).email);
    otherWorkspaceEmail = (await makeLoginUser(db.dataSource, await makeWorkspace(db.dataSource), 'agent')).email;
  });
  afterAll(async () => {
    for (const app of [development, production, docsOff]) await app?.close();
    await db?.drop();
  });

  describe('API documentation (API_DOCS)', () => {
    it('is public outside production', async () => {
      const res = await request(development.getHttpServer()).get('/api/docs/openapi.json').expect(200);
      expect(res.body.openapi).toMatch(/^3\./);
    });

    it('is for signed-in admins only in production: UI, JSON and YAML, in any spelling of the path', async () => {
      const srv = production.getHttpServer();
      for (const path of [
        '/api/docs',
        '/api/docs/',
        '/api/docs/openapi.json',
        '/api/docs/openapi.yaml',
        '/API/Docs/openapi.json',
        '/api/docs/swagger-ui-init.js',
      ]) {
        const anonymous = await request(srv).get(path);
        expect({ path, status: anonymous.status }).toEqual({ path, status: 401 });
        expect(anonymous.text).not.toMatch(/"openapi"|"paths"/);
        const agent = await request(srv).get(path).set('Cookie', prodAgent.cookie);
        expect({ path, status: agent.status }).toEqual({ path, status: 403 });
      }
      // The default locations of @nestjs/swagger's raw documents are not served at all.
      for (const path of ['/api/docs-json', '/api/docs-yaml']) expect((await request(srv).get(path)).status).toBe(404);
      const doc = await request(srv).get('/api/docs/openapi.json').set('Cookie', prodAdmin.cookie).expect(200);
      expect(doc.body.paths['/api/threads']).toBeDefined();
      await request(srv).get('/api/docs').set('Cookie', prodAdmin.cookie).expect(200).expect('Content-Type', /html/);
    });

    it('is not served at all when off, not even to admins', async () => {
      for (const path of ['/api/docs', '/api/docs/openapi.json', '/api/docs/openapi.yaml']) {
        expect((await request(docsOff.getHttpServer()).get(path).set('Cookie', docsOffAdmin.cookie)).status).toBe(404);
      }
    });
  });

  it('answers every API request with Cache-Control: no-store, the login answer (CSRF token) included', async () => {
    const srv = development.getHttpServer();
    const answers = {
      me: await request(srv).get('/api/auth/me').set('Cookie', devAdmin.cookie).expect(200),
      threads: await request(srv).get('/api/threads').set('Cookie', devAdmin.cookie).expect(200),
      upperCasePath: await request(srv).get('/API/Users').set('Cookie', devAdmin.cookie).expect(200),
      audit: await request(srv).get('/api/audit').set('Cookie', devAdmin.cookie),
      failedLogin: await request(srv).post('/api/auth/login').send({ email: 'nobody@example.com', password: 'x' }).expect(401),
      anonymous: await request(srv).get('/api/threads').expect(401),
      login: await request(srv).post('/api/auth/login').send({ email: adminEmail, password: PASSWORD }).expect(200),
    };
    expect(answers.login.body.csrfToken).toEqual(expect.any(String));
    for (const [name, res] of Object.entries(answers)) expect({ name, cacheControl: res.headers['cache-control'] }).toEqual({ name, cacheControl: 'no-store' });
  });

  it('tells the login page whether demo mode is on, without a session and nothing more', async () => {
    const demo = await request(development.getHttpServer()).get('/api/config').expect(200);
    expect(demo.body).toEqual({ demoMode: true });
    const prod = await request(production.getHttpServer()).get('/api/config').expect(200);
    expect(prod.body).toEqual({ demoMode: false });
  });

  it('gives the same neutral answer for an address taken in another workspace as in the own one, naming no one', async () => {
    const create = (email: string) =>
      devAdmin.agent.post('/api/users').set('X-CSRF-Token', devAdmin.csrf).send({ email, name: 'New Person', role: 'agent', password: 'long enough password' });
    const ownEmail = (await create(`own-${Date.now()}@example.com`).expect(201)).body.email as string;
    const own = await create(ownEmail).expect(409);
    const elsewhere = await create(otherWorkspaceEmail.toUpperCase()).expect(409);
    expect(elsewhere.body).toEqual(own.body);
    expect(elsewhere.body.message).not.toMatch(/exist|workspace|already/i);
    expect(elsewhere.body.message).not.toContain(otherWorkspaceEmail);
    const [owner] = await db.dataSource.query(`SELECT name FROM users WHERE email = $1`, [otherWorkspaceEmail]);
    expect(owner.name).not.toBe('New Person');
  });
});
