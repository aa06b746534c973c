import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { ChannelAccount, User, Workspace } from '@resonance/db';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { IngestStore } from '@resonance/worker';
import { createApi } from '../src';
import { comment, login, makeLoginUser, PASSWORD, type Session } from './support';

/** Roles, workspaces and bad input: each tried, refused, and nothing changed. */
describe('inbox api boundaries', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let wsA: Workspace;
  let channelA: ChannelAccount;
  let xChannel: ChannelAccount;
  let agentA: Session;
  let analystA: Session;
  let agentB: Session;
  let userB: User;
  let threadA: string;
  let xThread: string;

  const counts = async () =>
    (
      await db.dataSource.query(`SELECT (SELECT count(*) FROM message)::int AS m, (SELECT count(*) FROM note)::int AS n,
       (SELECT string_agg(status || coalesce(assignee_id::text, '-') || array_to_string(tags, ','), '|' ORDER BY id) FROM thread) AS t`)
    )[0];

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApi(testConfig(), db.url);
    await app.init();
    wsA = await makeWorkspace(db.dataSource);
    const wsB = await makeWorkspace(db.dataSource);
    channelA = await makeChannel(db.dataSource, wsA);
    xChannel = await makeChannel(db.dataSource, wsA, { network: 'x' });
    const store = new IngestStore(db.dataSource);
    await store.ingest(channelA.id, [comment({ threadKey: 'a1', externalId: 'a1-1', text: 'Hallo' })]);
    await store.ingest(xChannel.id, [comment({ network: 'x', threadKey: 'x1', externalId: 'x1-1', text: '@brand hi', channel: 'mention' })]);
    [{ id: threadA }] = await db.dataSource.query(`SELECT id::text FROM thread WHERE thread_key = 'a1'`);
    [{ id: xThread }] = await db.dataSource.query(`SELECT id::text FROM thread WHERE thread_key = 'x1'`);
    agentA = await login(app, (await makeLoginUser(db.dataSource, wsA, 'agent')).email);
    analystA = await login(app, (await makeLoginUser(db.dataSource, wsA, 'analyst')).email);
    userB = await makeLoginUser(db.dataSource, wsB, 'agent');
    agentB = await login(app, userB.email);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('answers 401 without a session', async () => {
    const srv = app.getHttpServer();
    await request(srv).get('/api/threads').expect(401);
    await request(srv).get('/api/threads').set('Cookie', 'resonance_session=forged-token').expect(401);
    await request(srv).post(`/api/threads/${threadA}/replies`).send({ text: 'x' }).expect(401);
  });

  it('refuses writes without the CSRF token, or with a wrong one', async () => {
    await agentA.agent.patch(`/api/threads/${threadA}`).send({ status: 'closed' }).expect(403);
    await agentA.agent.patch(`/api/threads/${threadA}`).set('X-CSRF-Token', 'x'.repeat(43)).send({ status: 'closed' }).expect(403);
    await agentA.agent.patch(`/api/threads/${threadA}`).set('X-CSRF-Token', agentB.csrf).send({ status: 'closed' }).expect(403);
    expect((await db.dataSource.query(`SELECT status FROM thread WHERE id = $1`, [threadA]))[0].status).toBe('open');
  });

  it('does not let an agent manage channels, users or read the audit log', async () => {
    const before = await counts();
    const denied = await agentA.agent.patch(`/api/channels/${channelA.id}`).set('X-CSRF-Token', agentA.csrf).send({ status: 'paused' }).expect(403);
    expect(denied.body).toMatchObject({ statusCode: 403, message: expect.stringContaining('agent role') });
    await agentA.agent
      .post('/api/users')
      .set('X-CSRF-Token', agentA.csrf)
      .send({ email: 'new@example.test', name: 'N', role: 'admin', password: 'long enough pw' })
      .expect(403);
    await agentA.agent.get('/api/audit-events').expect(403);
    await agentA.agent.patch('/api/settings').set('X-CSRF-Token', agentA.csrf).send({ name: 'Mine' }).expect(403);
    const channels = await agentA.agent.get('/api/channels').expect(200);
    expect(JSON.stringify(channels.body)).not.toMatch(/credential(s)?Encrypted|credentials_encrypted/);
    expect((await db.dataSource.query(`SELECT status FROM channel_account WHERE id = $1`, [channelA.id]))[0].status).toBe('connected');
    expect(await counts()).toEqual(before);
  });

  it('lets an analyst read the inbox but not reply, assign or note', async () => {
    const before = await counts();
    await analystA.agent.get('/api/threads').expect(200);
    await analystA.agent.get(`/api/threads/${threadA}/messages`).expect(200);
    await analystA.agent.post(`/api/threads/${threadA}/replies`).set('X-CSRF-Token', analystA.csrf).send({ text: 'Hi' }).expect(403);
    await analystA.agent.post(`/api/threads/${threadA}/assign`).set('X-CSRF-Token', analystA.csrf).send({}).expect(403);
    await analystA.agent.post(`/api/threads/${threadA}/notes`).set('X-CSRF-Token', analystA.csrf).send({ text: 'n' }).expect(403);
    expect(await counts()).toEqual(before);
  });

  it("never shows workspace A to workspace B: A's ids answer 404", async () => {
    const before = await counts();
    const list = await agentB.agent.get('/api/threads').expect(200);
    expect(list.body.items).toEqual([]);
    await agentB.agent.get(`/api/threads/${threadA}`).expect(404);
    await agentB.agent.get(`/api/threads/${threadA}/messages`).expect(404);
    await agentB.agent.get(`/api/threads/${threadA}/notes`).expect(404);
    await agentB.agent.post(`/api/threads/${threadA}/replies`).set('X-CSRF-Token', agentB.csrf).send({ text: 'Hi' }).expect(404);
    await agentB.agent.patch(`/api/threads/${threadA}`).set('X-CSRF-Token', agentB.csrf).send({ status: 'closed' }).expect(404);
    await agentB.agent.post(`/api/threads/${threadA}/notes`).set('X-CSRF-Token', agentB.csrf).send({ text: 'n' }).expect(404);
    await agentB.agent.post(`/api/threads/${threadA}/presence`).set('X-CSRF-Token', agentB.csrf).send({ state: 'viewing' }).expect(404);
    const channels = await agentB.agent.get('/api/channels').expect(200);
    expect(channels.body).toEqual([]);
    // An A thread assigned to a B user is refused too.
    await agentA.agent.patch(`/api/threads/${threadA}`).set('X-CSRF-Token', agentA.csrf).send({ assigneeId: userB.id }).expect(400);
    expect(await counts()).toEqual(before);
  });

  it('refuses bad input with a clear 400 and changes nothing', async () => {
    const before = await counts();
    const w = (path: string) => agentA.agent.post(path).set('X-CSRF-Token', agentA.csrf);
    const oversize = await w(`/api/threads/${threadA}/replies`)
      .send({ text: 'x'.repeat(8_001) })
      .expect(400);
    expect(oversize.body.message).toEqual(['text must be shorter than or equal to 8000 characters']);
    const wrongType = await w(`/api/threads/${threadA}/replies`).send({ text: 123 }).expect(400);
    expect(wrongType.body.message).toEqual(expect.arrayContaining(['text must be a string']));
    const unknownField = await w(`/api/threads/${threadA}/replies`).send({ text: 'ok', delivery: 'sent' }).expect(400);
    expect(unknownField.body.message).toEqual(['property delivery should not exist']);
    await w(`/api/threads/${threadA}/replies`).send({ text: '   ' }).expect(400);
    const tooLongForX = await w(`/api/threads/${xThread}/replies`)
      .send({ text: 'y'.repeat(281) })
      .expect(400);
    expect(tooLongForX.body.message).toMatch(/too long for x/);
    await w(`/api/threads/${threadA}/replies`).send({ text: 'ok', parentExternalId: 'not-in-thread' }).expect(400);
    await w(`/api/threads/${threadA}/replies`).send({ text: 'ok', lastSeenMessageId: '99999999' }).expect(400);
    await w('/api/threads/99999999/replies').send({ text: 'ok' }).expect(404);
    const badId = await agentA.agent.get('/api/threads/abc').expect(400);
    expect(badId.body.message).toMatch(/id must be a positive integer/);
    await agentA.agent.get('/api/threads').query({ status: 'bogus' }).expect(400);
    await agentA.agent.get('/api/threads').query({ limit: 1000 }).expect(400);
    await agentA.agent.get('/api/threads').query({ cursor: 'not-a-cursor' }).expect(400);
    await agentA.agent.patch(`/api/threads/${threadA}`).set('X-CSRF-Token', agentA.csrf).send({ status: 'archived' }).expect(400);
    await agentA.agent.patch(`/api/threads/${threadA}`).set('X-CSRF-Token', agentA.csrf).send({ tags: 'vip' }).expect(400);
    await agentA.agent.patch(`/api/threads/${threadA}`).set('X-CSRF-Token', agentA.csrf).send({}).expect(400);
    // null where the column cannot hold it (the DTO fuzz test's case: status, tags and priority null).
    const threadBefore = (await agentA.agent.get(`/api/threads/${threadA}`).expect(200)).body;
    for (const body of [{ priority: null }, { status: null }, { tags: null }, { status: 'pending', tags: ['x'], priority: null }]) {
      await agentA.agent.patch(`/api/threads/${threadA}`).set('X-CSRF-Token', agentA.csrf).send(body).expect(400);
    }
    expect((await agentA.agent.get(`/api/threads/${threadA}`).expect(200)).body).toEqual(threadBefore);
    await w(`/api/threads/${threadA}/notes`)
      .send({ text: 'n'.repeat(10_001) })
      .expect(400);
    await w('/api/canned-responses').send({ title: 'T' }).expect(400);
    await agentA.agent.get('/api/canned-responses/not-a-uuid').expect(400);
    await agentA.agent.get('/api/canned-responses/00000000-0000-4000-8000-000000000000').expect(404);
    // null is not "left out": a canned response's title and text can never be emptied.
    const canned = await w('/api/canned-responses').send({ title: 'Keep', text: 'kept' }).expect(201);
    const patchCanned = (body: object) => agentA.agent.patch(`/api/canned-responses/${canned.body.id}`).set('X-CSRF-Token', agentA.csrf).send(body);
    await patchCanned({ text: null }).expect(400);
    await patchCanned({ title: null }).expect(400);
    expect((await agentA.agent.get(`/api/canned-responses/${canned.body.id}`).expect(200)).body).toMatchObject({ title: 'Keep', text: 'kept' });
    await patchCanned({ title: 'Renamed' }).expect(200);
    expect(await counts()).toEqual(before);
  });

  it('stores script tags exactly as given (the dashboard renders text, never HTML)', async () => {
    const text = '<script>alert("x")</script> & <b>bold</b>';
    const res = await agentA.agent.post(`/api/threads/${threadA}/replies`).set('X-CSRF-Token', agentA.csrf).send({ text }).expect(202);
    expect(res.body.message.text).toBe(text);
    const messages = await agentA.agent.get(`/api/threads/${threadA}/messages`).expect(200);
    expect(messages.body.items.at(-1).text).toBe(text);
    expect(res.headers['content-type']).toMatch(/application\/json/);
  });

  it('rate-limits failed sign-ins per address, even when the password is then right', async () => {
    const srv = app.getHttpServer();
    await request(srv).post('/api/auth/login').type('form').send({ email: userB.email, password: PASSWORD }).expect(415);
    for (let i = 0; i < 5; i++) await request(srv).post('/api/auth/login').send({ email: userB.email, password: 'wrong' }).expect(401);
    const limited = await request(srv).post('/api/auth/login').send({ email: userB.email, password: PASSWORD }).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.message).toMatch(/too many failed sign-ins/);
  });
});
