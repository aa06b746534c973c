import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { Workspace } from '@resonance/db';
import { createTestDatabase, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { createApi } from '../../src';
import { login, makeLoginUser, type Session } from '../support';

const tokenOf = (url: string) => new URL(url).hash.slice(1);

/** Invitations and password resets: one-time links, stored hashed, expiring, single use. */
describe('one-time links (invite, reset)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let workspace: Workspace;
  let admin: Session;
  // http: the session cookies are not Secure, so supertest sends them back.
  const publicUrl = 'http://resonance.example';

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApi(testConfig({ DEMO_MODE: 'false', PUBLIC_URL: publicUrl }), db.url);
    await app.init();
    workspace = await makeWorkspace(db.dataSource);
    admin = await login(app, (await makeLoginUser(db.dataSource, workspace, 'admin')).email);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const invite = (email: string, role = 'agent') =>
    admin.agent.post('/api/users/invites').set('X-CSRF-Token', admin.csrf).send({ email, name: 'Ina Invited', role });
  const accept = (token: string, password: string) => request(app.getHttpServer()).post('/api/access-links/accept').send({ token, password });
  const message = (body: { detail?: string; message?: string }) => body.detail ?? body.message ?? '';

  it('an invited agent has no password until the link is used, then signs in; the link works once', async () => {
    const res = await invite('Ina@Example.test').expect(201);
    expect(res.body.user).toMatchObject({ email: 'ina@example.test', role: 'agent', invitationPending: true });
    expect(res.body.link.url.startsWith(`${publicUrl}/access#`)).toBe(true);
    const token = tokenOf(res.body.link.url);
    // Only the hash is stored: the token itself is nowhere in the database.
    const stored = await db.dataSource.query<Array<{ token_hash: string }>>(`SELECT token_hash FROM user_access_link`);
    expect(stored).toHaveLength(1);
    expect(stored[0].token_hash).not.toContain(token);
    await request(app.getHttpServer()).post('/api/auth/login').send({ email: 'ina@example.test', password: '' }).expect(400);

    const info = await request(app.getHttpServer()).post('/api/access-links/inspect').send({ token }).expect(200);
    expect(info.body).toMatchObject({ purpose: 'invite', email: 'ina@example.test', name: 'Ina Invited' });

    await accept(token, 'short').expect(400);
    expect((await accept(token, 'ina chose this').expect(200)).body).toEqual({ email: 'ina@example.test' });
    const ina = await login(app, 'ina@example.test', 'ina chose this');
    expect((await ina.agent.get('/api/auth/me').expect(200)).body.user).toMatchObject({ role: 'agent', invitationPending: false });

    const reused = await accept(token, 'another password').expect(410);
    expect(message(reused.body)).toMatch(/used already/);
    expect(message((await request(app.getHttpServer()).post('/api/access-links/inspect').send({ token }).expect(410)).body)).toMatch(/used already/);
    await login(app, 'ina@example.test', 'ina chose this');

    const audit = await db.dataSource.query<
      Array<{
        action: string;
      }>
    >(`SELECT action FROM audit_event WHERE target_id = $1 ORDER BY id`, [res.body.user.id]);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['user.invite', 'user.password_set']));
  });

  it('an expired link is refused with the date it expired', async () => {
    const res = await invite('late@example.test').expect(201);
    const token = tokenOf(res.body.link.url);
    await db.dataSource.query(`UPDATE user_access_link SET expires_at = now() - interval '1 minute' WHERE user_id = $1`, [res.body.user.id]);
    const refused = await accept(token, 'too late password').expect(410);
    expect(message(refused.body)).toMatch(/expired on \d{4}-\d\d-\d\dT/);
    expect(await db.dataSource.query(`SELECT password_hash IS NULL AS none FROM users WHERE id = $1`, [res.body.user.id])).toEqual([{ none: true }]);
  });

  it('unknown, malformed and replaced links are refused with clear messages', async () => {
    const unknown = await accept('A'.repeat(43), 'whatever password').expect(404);
    expect(message(unknown.body)).toMatch(/not valid/);
    const malformed = await accept('not a token', 'whatever password').expect(400);
    expect(String(malformed.body.message)).toMatch(/part of the link after "#"/);

    const first = await invite('twice@example.test').expect(201);
    const again = await admin.agent.post(`/api/users/${first.body.user.id}/access-link`).set('X-CSRF-Token', admin.csrf).expect(201);
    expect(again.body.purpose).toBe('invite');
    expect(message((await accept(tokenOf(first.body.link.url), 'replaced link pw').expect(404)).body)).toMatch(/newer link replaced it/);
    await accept(tokenOf(again.body.url), 'newest link pw').expect(200);
  });

  it('a reset link sets a new password and signs the user out everywhere; the old password stops working', async () => {
    const user = await makeLoginUser(db.dataSource, workspace, 'analyst');
    const session = await login(app, user.email);
    const link = await admin.agent.post(`/api/users/${user.id}/access-link`).set('X-CSRF-Token', admin.csrf).expect(201);
    expect(link.body.purpose).toBe('reset');
    await accept(tokenOf(link.body.url), 'a brand new password').expect(200);
    await session.agent.get('/api/auth/me').expect(401);
    await request(app.getHttpServer()).post('/api/auth/login').send({ email: user.email, password: 'correct horse battery' }).expect(401);
    await login(app, user.email, 'a brand new password');
    const [audit] = await db.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'user.reset_link' AND target_id = $1`,
      [user.id],
    );
    expect(audit.n).toBe(1);
  });

  it('agents cannot invite or create links; a taken e-mail is a 409', async () => {
    const agent = await login(app, (await makeLoginUser(db.dataSource, workspace, 'agent')).email);
    await agent.agent.post('/api/users/invites').set('X-CSRF-Token', agent.csrf).send({ email: 'x@example.test', name: 'X', role: 'agent' }).expect(403);
    await agent.agent.post(`/api/users/${agent.user.id}/access-link`).set('X-CSRF-Token', agent.csrf).expect(403);
    await invite('ina@example.test').expect(409);
    await invite('bad', 'agent').expect(400);
    await invite('ok@example.test', 'owner').expect(400);
  });
});
