import type { INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import { createQueueBackend, jobId, QueueName, type OutboundJob } from '@resonance/queue';
import type { Config } from '@resonance/config';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { IngestStore } from '@resonance/worker';
import type { ChannelAccount, User } from '@resonance/db';
import { createApi } from '../src';
import { comment, login, makeLoginUser, type Session } from './support';

/** An agent's day through the API, against real PostgreSQL and Redis. */
describe('an agent works the inbox', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let config: Config;
  let store: IngestStore;
  let channel: ChannelAccount;
  let agentUser: User;
  let admin: User;
  let agent: Session;
  let outbound: Queue<OutboundJob>;

  beforeAll(async () => {
    db = await createTestDatabase();
    config = testConfig();
    app = await createApi(config, db.url);
    await app.init();
    const ws = await makeWorkspace(db.dataSource);
    channel = await makeChannel(db.dataSource, ws, { externalId: 'page-1' });
    agentUser = await makeLoginUser(db.dataSource, ws, 'agent');
    admin = await makeLoginUser(db.dataSource, ws, 'admin');
    store = new IngestStore(db.dataSource);
    await store.ingest(channel.id, [
      comment({ threadKey: 'de', externalId: 'c-de-1', text: 'Wo bleiben meine Rechnungen? Ich warte seit Tagen.', createdAt: '2026-11-22T08:00:00Z' }),
      comment({ threadKey: 'en', externalId: 'c-en-1', text: 'My parcel still has not shipped, any news?', createdAt: '2026-11-22T08:10:00Z' }),
      comment({ threadKey: 'praise', externalId: 'c-p-1', text: 'Great product, love it', createdAt: '2026-11-22T08:20:00Z' }),
    ]);
    const backend = createQueueBackend({ redisUrl: config.REDIS_URL, databaseUrl: db.url, prefix: config.QUEUE_PREFIX });
    outbound = new Queue<OutboundJob>(QueueName.Outbound, { connection: backend.connection as never, prefix: backend.prefix });
  });
  afterAll(async () => {
    await outbound?.close();
    await app?.close();
    await db?.drop();
  });

  const threadId = async (key: string) => (await db.dataSource.query<Array<{ id: string }>>(`SELECT id::text FROM thread WHERE thread_key = $1`, [key]))[0].id;

  it('signs in with e-mail and password, and refuses a wrong password', async () => {
    const srv = app.getHttpServer();
    const { default: request } = await import('supertest');
    const wrong = await request(srv).post('/api/auth/login').send({ email: agentUser.email, password: 'nope' }).expect(401);
    expect(wrong.body.message).toBe('wrong e-mail or password');
    agent = await login(app, agentUser.email.toUpperCase());
    expect(agent.cookie).toMatch(/resonance_session=[A-Za-z0-9_-]{43}/);
    const me = await agent.agent.get('/api/auth/me').expect(200);
    expect(me.body.user).toMatchObject({ id: agentUser.id, role: 'agent' });
    expect(me.body.csrfToken).toBe(agent.csrf);
    expect(JSON.stringify(me.body)).not.toMatch(/password/i);
  });

  it('lists and filters the inbox, newest activity first', async () => {
    const all = await agent.agent.get('/api/threads').query({ status: 'open' }).expect(200);
    expect(all.body.items.map((t: { lastMessagePreview: string }) => t.lastMessagePreview)).toEqual([
      'Great product, love it',
      'My parcel still has not shipped, any news?',
      'Wo bleiben meine Rechnungen? Ich warte seit Tagen.',
    ]);
    const item = all.body.items[0];
    expect(item).toMatchObject({ network: 'facebook', kind: 'comment', status: 'open', assignee: null, unreadCount: 1, messageCount: 1 });
    expect(item.channel).toMatchObject({ id: channel.id, displayName: channel.displayName });
    expect(item.contact).toMatchObject({ name: 'Fan praise' });
    expect(item.waitingSince).toBe('2026-11-22T08:20:00.000Z');
    expect(all.body.nextCursor).toBeNull();
    const waiting = await agent.agent
      .get('/api/threads')
      .query({ waitingLongerThanMinutes: 60 * 24 * 365 })
      .expect(200);
    expect(waiting.body.items).toHaveLength(0);
    const byNetwork = await agent.agent.get('/api/threads').query({ network: 'x' }).expect(200);
    expect(byNetwork.body.items).toHaveLength(0);
    const unassigned = await agent.agent.get('/api/threads').query({ assignee: 'unassigned', channel: channel.id }).expect(200);
    expect(unassigned.body.items).toHaveLength(3);
  });

  it('searches messages in German and in English (stemmed), and exact words', async () => {
    const de = await agent.agent.get('/api/threads').query({ q: 'Rechnung' }).expect(200);
    expect(de.body.items.map((t: { id: string }) => t.id)).toEqual([await threadId('de')]);
    const en = await agent.agent.get('/api/threads').query({ q: 'shipping' }).expect(200);
    expect(en.body.items.map((t: { id: string }) => t.id)).toEqual([await threadId('en')]);
    const none = await agent.agent.get('/api/threads').query({ q: 'Kündigung' }).expect(200);
    expect(none.body.items).toHaveLength(0);
  });

  it('opens a thread, replies (202, queued outbound message and a send job), assigns, closes', async () => {
    const id = await threadId('de');
    const detail = await agent.agent.get(`/api/threads/${id}`).expect(200);
    expect(detail.body).toMatchObject({ id, status: 'open', post: null });
    const messages = await agent.agent.get(`/api/threads/${id}/messages`).expect(200);
    expect(messages.body.items).toHaveLength(1);
    expect(messages.body.items[0]).toMatchObject({ direction: 'inbound', externalId: 'c-de-1', author: { type: 'contact', name: 'Fan de' } });
    expect(detail.body.lastMessageId).toBe(messages.body.items[0].id);

    await agent.agent.post(`/api/threads/${id}/replies`).send({ text: 'Hallo!' }).expect(403); // no CSRF header
    const reply = await agent.agent
      .post(`/api/threads/${id}/replies`)
      .set('X-CSRF-Token', agent.csrf)
      .send({ text: 'Die Rechnung ist unterwegs.', lastSeenMessageId: detail.body.lastMessageId })
      .expect(202);
    const sent = reply.body.message;
    expect(sent).toMatchObject({
      threadId: id,
      direction: 'outbound',
      isFromAccount: true,
      delivery: 'queued',
      externalId: null,
      parentExternalId: 'c-de-1',
      text: 'Die Rechnung ist unterwegs.',
      author: { type: 'user', id: agentUser.id },
    });
    const job = await outbound.getJob(jobId.send(sent.id));
    expect(job?.data).toEqual({ messageId: sent.id });

    const assigned = await agent.agent.post(`/api/threads/${id}/assign`).set('X-CSRF-Token', agent.csrf).send({}).expect(200);
    expect(assigned.body.assignee).toMatchObject({ id: agentUser.id });
    const mine = await agent.agent.get('/api/threads').query({ assignee: 'me' }).expect(200);
    expect(mine.body.items.map((t: { id: string }) => t.id)).toEqual([id]);

    const closed = await agent.agent
      .patch(`/api/threads/${id}`)
      .set('X-CSRF-Token', agent.csrf)
      .send({ status: 'closed', tags: ['billing'], priority: 2 })
      .expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', tags: ['billing'], priority: 2 });
    const open = await agent.agent.get('/api/threads').query({ status: 'open' }).expect(200);
    expect(open.body.items.map((t: { id: string }) => t.id)).not.toContain(id);
    const tagged = await agent.agent.get('/api/threads').query({ tag: 'billing' }).expect(200);
    expect(tagged.body.items.map((t: { id: string }) => t.id)).toEqual([id]);
  });

  it('reopens a closed thread when the customer writes again, and flags a reply written before that', async () => {
    const id = await threadId('de');
    const seen = (await agent.agent.get(`/api/threads/${id}`).expect(200)).body.lastMessageId;
    await store.ingest(channel.id, [comment({ threadKey: 'de', externalId: 'c-de-2', parentExternalId: 'c-de-1', text: 'Noch eine Frage zur Rechnung' })]);
    const reopened = await agent.agent.get(`/api/threads/${id}`).expect(200);
    expect(reopened.body.status).toBe('open');

    const before = await db.dataSource.query(`SELECT count(*)::int AS n FROM message WHERE thread_id = $1`, [id]);
    const conflict = await agent.agent
      .post(`/api/threads/${id}/replies`)
      .set('X-CSRF-Token', agent.csrf)
      .send({ text: 'Antwort', lastSeenMessageId: seen })
      .expect(409);
    expect(conflict.body.newerMessages.map((m: { externalId: string }) => m.externalId)).toEqual(['c-de-2']);
    expect(await db.dataSource.query(`SELECT count(*)::int AS n FROM message WHERE thread_id = $1`, [id])).toEqual(before);

    const confirmed = await agent.agent
      .post(`/api/threads/${id}/replies`)
      .set('X-CSRF-Token', agent.csrf)
      .send({ text: 'Antwort', lastSeenMessageId: seen, confirmNewer: true })
      .expect(202);
    expect(confirmed.body.message.parentExternalId).toBe('c-de-2');
  });

  it('keeps internal notes and fills canned responses for a thread', async () => {
    const id = await threadId('en');
    const note = await agent.agent.post(`/api/threads/${id}/notes`).set('X-CSRF-Token', agent.csrf).send({ text: 'Customer is a VIP' }).expect(201);
    expect(note.body).toMatchObject({ threadId: id, text: 'Customer is a VIP', author: { id: agentUser.id } });
    const notes = await agent.agent.get(`/api/threads/${id}/notes`).expect(200);
    expect(notes.body.map((n: { text: string }) => n.text)).toEqual(['Customer is a VIP']);
    const messages = await db.dataSource.query(`SELECT text FROM message WHERE thread_id = $1`, [id]);
    expect(messages.map((m: { text: string }) => m.text)).not.toContain('Customer is a VIP');

    const canned = await agent.agent
      .post('/api/canned-responses')
      .set('X-CSRF-Token', agent.csrf)
      .send({ title: 'Shipping', text: 'Hi {{contact.name}}, {{agent.name}} from {{channel.name}} here.', shortcut: 'ship', language: 'en' })
      .expect(201);
    const listed = await agent.agent.get('/api/canned-responses').query({ q: 'ship' }).expect(200);
    expect(listed.body.map((c: { id: string }) => c.id)).toEqual([canned.body.id]);
    const rendered = await agent.agent
      .post(`/api/canned-responses/${canned.body.id}/render`)
      .set('X-CSRF-Token', agent.csrf)
      .send({ threadId: id })
      .expect(200);
    expect(rendered.body.text).toBe(`Hi Fan en, ${agentUser.name} from ${channel.displayName} here.`);
    await agent.agent.patch(`/api/canned-responses/${canned.body.id}`).set('X-CSRF-Token', agent.csrf).send({ title: 'Shipping news' }).expect(200);
    await agent.agent.delete(`/api/canned-responses/${canned.body.id}`).set('X-CSRF-Token', agent.csrf).expect(204);
    await agent.agent.get(`/api/canned-responses/${canned.body.id}`).expect(404);
  });

  it('lets an admin read who did what to which thread', async () => {
    const adminSession = await login(app, admin.email);
    const id = await threadId('de');
    const res = await adminSession.agent.get('/api/audit-events').query({ targetType: 'thread', targetId: id }).expect(200);
    const actions = res.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['thread.reply', 'thread.assign', 'thread.status', 'thread.tags', 'thread.priority']));
    expect(res.body.items.find((e: { action: string }) => e.action === 'thread.status')).toMatchObject({
      actor: { id: agentUser.id },
      data: { from: 'open', to: 'closed' },
    });
  });

  it('documents every inbox route in the OpenAPI document', async () => {
    const { default: request } = await import('supertest');
    const doc = (await request(app.getHttpServer()).get('/api/docs/openapi.json').expect(200)).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/threads',
        '/api/threads/{id}',
        '/api/threads/{id}/messages',
        '/api/threads/{id}/replies',
        '/api/threads/{id}/notes',
        '/api/canned-responses',
        '/api/users',
        '/api/channels',
        '/api/audit-events',
        '/api/events',
      ]),
    );
    expect(doc.components.securitySchemes.resonance_session).toMatchObject({ in: 'cookie' });
  });

  it('changes the password and signs out', async () => {
    await agent.agent
      .post('/api/auth/password')
      .set('X-CSRF-Token', agent.csrf)
      .send({ currentPassword: 'wrong', newPassword: 'another long password' })
      .expect(400);
    const other = await login(app, agentUser.email);
    await agent.agent
      .post('/api/auth/password')
      .set('X-CSRF-Token', agent.csrf)
      .send({ currentPassword: 'correct horse battery', newPassword: 'another long password' })
      .expect(204);
    await other.agent.get('/api/auth/me').expect(401); // other sessions end
    await agent.agent.post('/api/auth/logout').set('X-CSRF-Token', agent.csrf).expect(204);
    await agent.agent.get('/api/threads').expect(401);
    await login(app, agentUser.email, 'another long password');
  });
});
