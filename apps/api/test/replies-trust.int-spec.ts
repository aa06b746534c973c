import type { INestApplication } from '@nestjs/common';
import type { Config } from '@resonance/config';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { IngestStore } from '@resonance/worker';
import type { ChannelAccount, User } from '@resonance/db';
import { createApi } from '../src';
import { comment, login, makeLoginUser, type Session } from './support';

/**
 * Replies you can trust (issue 24) through the API: a {{variable}} left without a value is refused
 * (never sent to a customer as written), canned shortcuts are taken with or without "/", a
 * colleague's reply since the agent looked is a 409 like a customer's message, the reply stores
 * the comment chosen, and a failed delivery carries its reason as a code.
 */
describe('replies you can trust (API)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let config: Config;
  let store: IngestStore;
  let channel: ChannelAccount;
  let anna: User;
  let ben: User;
  let agentA: Session;
  let agentB: Session;

  beforeAll(async () => {
    db = await createTestDatabase();
    config = testConfig();
    app = await createApi(config, db.url);
    await app.init();
    const ws = await makeWorkspace(db.dataSource);
    channel = await makeChannel(db.dataSource, ws, { externalId: 'page-1' });
    anna = await makeLoginUser(db.dataSource, ws, 'agent');
    ben = await makeLoginUser(db.dataSource, ws, 'agent');
    store = new IngestStore(db.dataSource);
    await store.ingest(channel.id, [
      comment({
        threadKey: 'nameless',
        externalId: 'c-n-1',
        text: 'Wann kommt das Paket?',
        author: { externalId: 'fan-nameless' },
        createdAt: '2026-11-22T08:00:00Z',
      }),
      comment({ threadKey: 'two', externalId: 'c-t-1', text: 'Hallo, ich bin Ethan', createdAt: '2026-11-22T08:10:00Z' }),
      comment({
        threadKey: 'two',
        externalId: 'c-t-2',
        parentExternalId: 'c-t-1',
        author: { externalId: 'fan-anna', name: 'Anna Kowalski' },
        text: 'Und ich Anna',
        createdAt: '2026-11-22T08:11:00Z',
      }),
    ]);
    agentA = await login(app, anna.email);
    agentB = await login(app, ben.email);
  });
  afterAll(async () => {
    await store?.close();
    await app?.close();
    await db?.drop();
  });

  const threadId = async (key: string) => (await db.dataSource.query<Array<{ id: string }>>(`SELECT id::text FROM thread WHERE thread_key = $1`, [key]))[0].id;
  const count = async (id: string) => (await db.dataSource.query(`SELECT count(*)::int AS n FROM message WHERE thread_id = $1`, [id]))[0].n as number;

  it('refuses a reply that still holds a {{variable}}, and a fallback fills what is unknown', async () => {
    const id = await threadId('nameless');
    const before = await count(id);
    const refused = await agentA.agent
      .post(`/api/threads/${id}/replies`)
      .set('X-CSRF-Token', agentA.csrf)
      .send({ text: 'Hallo {{contact.name}}, {{ agent.name }} hier.' })
      .expect(400);
    expect(refused.body).toMatchObject({ code: 'UNFILLED_VARIABLE', variables: ['contact.name', 'agent.name'] });
    expect(await count(id)).toBe(before);

    const canned = await agentA.agent
      .post('/api/canned-responses')
      .set('X-CSRF-Token', agentA.csrf)
      .send({ title: 'Hallo', text: 'Hallo {{contact.first_name|du}}, {{agent.name}} hier. {{contact.name}}', shortcut: '/hallo' })
      .expect(201);
    // Typed with its "/" in the admin form: stored without, as the composer looks it up.
    expect(canned.body.shortcut).toBe('hallo');
    const rendered = await agentA.agent
      .post(`/api/canned-responses/${canned.body.id}/render`)
      .set('X-CSRF-Token', agentA.csrf)
      .send({ threadId: id })
      .expect(200);
    // The contact has no name: the fallback fills {{contact.first_name|du}}; {{contact.name}} has none and stays.
    expect(rendered.body.text).toBe(`Hallo du, ${anna.name} hier. {{contact.name}}`);
    const again = await agentA.agent.post(`/api/threads/${id}/replies`).set('X-CSRF-Token', agentA.csrf).send({ text: rendered.body.text }).expect(400);
    expect(again.body.variables).toEqual(['contact.name']);
    expect(await count(id)).toBe(before);

    const edited = await agentA.agent
      .patch(`/api/canned-responses/${canned.body.id}`)
      .set('X-CSRF-Token', agentA.csrf)
      .send({ text: 'Hallo {{contact.first_name|du}}!', shortcut: '/hallo2' })
      .expect(200);
    expect(edited.body).toMatchObject({ shortcut: 'hallo2', text: 'Hallo {{contact.first_name|du}}!' });
    await agentA.agent.post('/api/canned-responses').set('X-CSRF-Token', agentA.csrf).send({ title: 'Bad', text: 'x', shortcut: '/no spaces' }).expect(400);
    await agentA.agent.delete(`/api/canned-responses/${canned.body.id}`).set('X-CSRF-Token', agentA.csrf).expect(204);
  });

  it('answers the comment chosen, else the newest customer comment', async () => {
    const id = await threadId('two');
    const chosen = await agentA.agent
      .post(`/api/threads/${id}/replies`)
      .set('X-CSRF-Token', agentA.csrf)
      .send({ text: 'Hallo Ethan!', parentExternalId: 'c-t-1' })
      .expect(202);
    expect(chosen.body.message.parentExternalId).toBe('c-t-1');
    const newest = await agentA.agent.post(`/api/threads/${id}/replies`).set('X-CSRF-Token', agentA.csrf).send({ text: 'Hallo Anna!' }).expect(202);
    expect(newest.body.message.parentExternalId).toBe('c-t-2');
    await agentA.agent
      .post(`/api/threads/${id}/replies`)
      .set('X-CSRF-Token', agentA.csrf)
      .send({ text: 'Hallo?', parentExternalId: 'c-elsewhere' })
      .expect(400);
  });

  it('answers 409 when a colleague replied since the agent looked, not for the agent’s own reply', async () => {
    const id = await threadId('nameless');
    const seen = (await agentA.agent.get(`/api/threads/${id}`).expect(200)).body.lastMessageId;
    // Anna's own reply is no news to Anna.
    await agentA.agent
      .post(`/api/threads/${id}/replies`)
      .set('X-CSRF-Token', agentA.csrf)
      .send({ text: 'Einen Moment bitte.', lastSeenMessageId: seen })
      .expect(202);
    const ownSeen = seen;
    await agentA.agent
      .post(`/api/threads/${id}/replies`)
      .set('X-CSRF-Token', agentA.csrf)
      .send({ text: 'Ich schaue nach.', lastSeenMessageId: ownSeen })
      .expect(202);

    const benSeen = (await agentB.agent.get(`/api/threads/${id}`).expect(200)).body.lastMessageId;
    await agentA.agent.post(`/api/threads/${id}/replies`).set('X-CSRF-Token', agentA.csrf).send({ text: 'Es ist unterwegs.' }).expect(202);
    const before = await count(id);
    const conflict = await agentB.agent
      .post(`/api/threads/${id}/replies`)
      .set('X-CSRF-Token', agentB.csrf)
      .send({ text: 'Das Paket kommt morgen.', lastSeenMessageId: benSeen })
      .expect(409);
    expect(conflict.body.newerMessages).toEqual([
      expect.objectContaining({ text: 'Es ist unterwegs.', author: expect.objectContaining({ type: 'user', id: anna.id }) }),
    ]);
    expect(await count(id)).toBe(before);
    await agentB.agent
      .post(`/api/threads/${id}/replies`)
      .set('X-CSRF-Token', agentB.csrf)
      .send({ text: 'Das Paket kommt morgen.', lastSeenMessageId: benSeen, confirmNewer: true })
      .expect(202);
  });

  it('lists a contact’s threads with the profile link (GET /api/contacts/:id/threads)', async () => {
    await store.ingest(channel.id, [
      comment({
        threadKey: 'two-later',
        externalId: 'c-t-3',
        author: { externalId: 'fan-two', name: 'Fan two' },
        text: 'Noch etwas',
        createdAt: '2026-11-23T08:00:00Z',
      }),
    ]);
    const detail = (await agentA.agent.get(`/api/threads/${await threadId('two')}`).expect(200)).body;
    const history = await agentA.agent.get(`/api/contacts/${detail.contact.id}/threads`).expect(200);
    expect(history.body.contact).toMatchObject({ id: detail.contact.id, network: 'facebook', name: 'Fan two', profileUrl: null });
    // Newest activity first: "two" has the agents' replies of today.
    expect(history.body.threads.map((t: { id: string }) => t.id)).toEqual([await threadId('two'), await threadId('two-later')]);
    await agentA.agent.get('/api/contacts/999999/threads').expect(404);
  });

  it('gives a failed delivery’s reason as a code the UI words (deliveryErrorCode)', async () => {
    const id = await threadId('two');
    const sent = await agentA.agent.post(`/api/threads/${id}/replies`).set('X-CSRF-Token', agentA.csrf).send({ text: 'Noch da?' }).expect(202);
    const reasons: Array<[string, string]> = [
      ['AUTH_REVOKED: (#190) The user has not authorized application 123.', 'AUTH_REVOKED'],
      ['CHANNEL_DISCONNECTED: the channel is needs reauth; reconnect it, then retry', 'CHANNEL_DISCONNECTED'],
      ['RATE_LIMITED: (#4) Application request limit reached (gave up after 5 attempts)', 'RATE_LIMITED'],
      ['delivery stopped: the database was away', 'UNKNOWN'],
    ];
    for (const [error, code] of reasons) {
      await db.dataSource.query(`UPDATE message SET delivery = 'failed', delivery_error = $2 WHERE id = $1`, [sent.body.message.id, error]);
      const page = await agentA.agent.get(`/api/threads/${id}/messages`).expect(200);
      const item = page.body.items.find((m: { id: string }) => m.id === sent.body.message.id);
      expect(item).toMatchObject({ delivery: 'failed', deliveryError: error, deliveryErrorCode: code });
    }
  });
});
