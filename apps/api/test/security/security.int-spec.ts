import { createHmac } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DEMO_FACEBOOK_APP, facebookEscape } from '@resonance/sim';
import { createQueueBackend, prepareQueueBackend, QueueName, type IngestJob, type QueueBackend } from '@resonance/queue';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { randomBytes } from 'node:crypto';
import type { Workspace } from '@resonance/db';
import { createApi } from '../../src';
import { SESSION_COOKIE } from '../../src/auth/auth.types';
import { comment, login, makeLoginUser, PASSWORD, type Session } from '../support';
import { fromAddress } from './client-address';
import { IngestStore } from '@resonance/worker';

/**
 * Security headers, the shared API write limit and webhook replay protection, each checked so that
 * removing the protection fails the test (CSRF: boundaries.int-spec.ts; the login throttle:
 * login-throttle.int-spec.ts).
 */
describe('api security', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let second: INestApplication;
  let https: INestApplication;
  let backend: QueueBackend;
  let agent: Session;
  let threadId: string;
  let workspace: Workspace;
  const PAGE = '104857600999111';

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = testConfig({ DEMO_MODE: 'true', API_WRITE_LIMIT_PER_MINUTE: '8' });
    backend = createQueueBackend({ redisUrl: config.REDIS_URL, databaseUrl: db.url, prefix: config.QUEUE_PREFIX });
    await prepareQueueBackend(backend);
    app = await createApi(config, db.url);
    await app.init();
    // A second api copy on the same database: the write limit must count across copies.
    second = await createApi(config, db.url);
    await second.init();
    https = await createApi({ ...config, PUBLIC_URL: 'https://inbox.example.com' }, db.url);
    await https.init();
    workspace = await makeWorkspace(db.dataSource);
    const channel = await makeChannel(db.dataSource, workspace, { network: 'facebook', externalId: PAGE });
    await new IngestStore(db.dataSource).ingest(channel.id, [comment({ threadKey: 's1', externalId: 's1-1', text: 'Hallo' })]);
    [{ id: threadId }] = await db.dataSource.query(`SELECT id::text FROM thread WHERE thread_key = 's1'`);
    agent = await login(app, (await makeLoginUser(db.dataSource, workspace, 'agent')).email);
  });
  afterAll(async () => {
    await app?.close();
    await second?.close();
    await https?.close();
    await db?.drop();
  });

  it('sets the security headers on every answer: success, refusal, unknown route', async () => {
    const srv = app.getHttpServer();
    for (const res of [
      await request(srv).get('/api/health'),
      await request(srv).get('/api/threads'),
      await request(srv).get('/api/no-such-route'),
      await request(srv).post('/api/auth/login').set('content-type', 'application/json').send('{"email":'),
    ]) {
      expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['content-security-policy']).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-powered-by']).toBeUndefined();
      // PUBLIC_URL is http here: no HSTS.
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
    const secure = await request(https.getHttpServer()).get('/api/health');
    expect(secure.headers['strict-transport-security']).toMatch(/max-age=31536000/);
  });

  it('limits writes per session across api copies, answers 429 with Retry-After, and leaves reads alone', async () => {
    const write = (target: INestApplication) =>
      request(target.getHttpServer()).patch(`/api/threads/${threadId}`).set('Cookie', agent.cookie).set('X-CSRF-Token', agent.csrf).send({ priority: 1 });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await write(i % 2 ? second : app)).status);
    // The login counted against the client address, not against the session.
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429, 429]);
    const refused = await write(app);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    await request(app.getHttpServer()).get(`/api/threads/${threadId}`).set('Cookie', agent.cookie).expect(200);
    // Another client (no session, another key) is not held back by this session's writes.
    await request(app.getHttpServer())
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send({ email: 'nobody@example.test', password: 'wrong password' })
      .expect(401);
  });

  /** Signs in from its own address, so the sign-in does not count against 127.0.0.1's writes. */
  async function signInFrom(address: string): Promise<{ cookie: string; csrf: string }> {
    const user = await makeLoginUser(db.dataSource, workspace, 'agent');
    const res = await fromAddress(app, address).post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(200);
    const cookie = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .map((c) => c.split(';')[0])
      .join('; ');
    return { cookie, csrf: res.body.csrfToken };
  }

  it('counts writes under every spelling of the path: /API/ and /Api/ as much as /api/', async () => {
    const session = await signInFrom('127.0.0.21');
    const write = (prefix: string) =>
      request(app.getHttpServer()).patch(`${prefix}/threads/${threadId}`).set('Cookie', session.cookie).set('X-CSRF-Token', session.csrf).send({ priority: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await write(i % 2 ? '/Api' : '/API')).status);
    // Express routes the other spellings (case-insensitive routing); they count all the same.
    expect(statuses).toEqual([...Array(8).fill(200), 429]);
    await write('/api').expect(429);
  });

  it('counts writes with a made-up session cookie against the client address, and a signed-in user against the user', async () => {
    const stranger = fromAddress(app, '127.0.0.22');
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const forged = randomBytes(32).toString('base64url');
      statuses.push((await stranger.post('/api/auth/logout').set('Cookie', `${SESSION_COOKIE}=${forged}`)).status);
    }
    expect(statuses).toEqual([...Array(8).fill(401), 429, 429]);
    // A valid session from the same, exhausted address writes on its own counter.
    const session = await signInFrom('127.0.0.23');
    await stranger.patch(`/api/threads/${threadId}`).set('Cookie', session.cookie).set('X-CSRF-Token', session.csrf).send({ priority: 3 }).expect(200);
  });

  it('queues a replayed webhook delivery only once, even after its job is gone from the queue', async () => {
    const body = facebookEscape(
      JSON.stringify({
        object: 'page',
        entry: [
          {
            id: PAGE,
            time: 1_795_000_000,
            changes: [
              {
                field: 'feed',
                value: {
                  item: 'comment',
                  verb: 'add',
                  comment_id: '7_1',
                  post_id: `${PAGE}_7`,
                  parent_id: `${PAGE}_7`,
                  from: { id: '9', name: 'Eve' },
                  created_time: 1_795_000_000,
                  message: 'replay me',
                },
              },
            ],
          },
        ],
      }),
    );
    const signature = `sha256=${createHmac('sha256', DEMO_FACEBOOK_APP.appSecret).update(Buffer.from(body, 'utf8')).digest('hex')}`;
    const deliver = () =>
      request(app.getHttpServer())
        .post('/api/webhooks/facebook')
        .set('content-type', 'application/json')
        .set('x-hub-signature-256', signature)
        .send(body)
        .expect(200);
    expect((await deliver()).body).toEqual({ channels: 1, records: 1, hints: 0 });
    const ingest = new backend.Queue<IngestJob>(QueueName.Ingest, { connection: backend.connection as never, prefix: backend.prefix });
    expect(await ingest.getJobCountByTypes('waiting', 'active', 'completed', 'delayed')).toBe(1);
    // The job ran and was removed; someone replays the captured delivery.
    await ingest.obliterate({ force: true });
    expect((await deliver()).body).toEqual({ channels: 0, records: 0, hints: 0, duplicate: true });
    expect(await ingest.getJobCountByTypes('waiting', 'active', 'completed', 'delayed')).toBe(0);
    await ingest.close();
  });
});
