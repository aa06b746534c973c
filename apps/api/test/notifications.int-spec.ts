import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import type { NotificationItem, NotificationList, NotificationSettings } from '@resonance/contracts';
import type { User } from '@resonance/db';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { IngestStore } from '@resonance/worker';
import { createApi } from '../src';
import { subscribe } from './event-stream';
import { comment, login, makeLoginUser, waitFor, type Session } from './support';

/** The part of an event these tests read. */
interface NotificationEventData {
  userId?: string;
  notification?: NotificationItem;
}

/**
 * Notes with @mentions and the notifications of the api and the database (issue 24, team): mentioned,
 * assigned, channel needs reconnecting; settings; read state; the live event to its recipient only.
 * The SLA warning and the e-mails are the worker's (apps/worker/test/notifications.int-spec.ts).
 */
describe('notes with mentions and notifications', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let baseUrl: string;
  let authorUser: User;
  let colleagueUser: User;
  let adminUser: User;
  let author: Session;
  let colleague: Session;
  let admin: Session;
  let threadId: string;
  let channelId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApi(testConfig(), db.url);
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer() as { address(): AddressInfo }).address().port}`;
    const ws = await makeWorkspace(db.dataSource);
    const channel = await makeChannel(db.dataSource, ws, { externalId: 'page-notify' });
    channelId = channel.id;
    authorUser = await makeLoginUser(db.dataSource, ws, 'agent');
    colleagueUser = await makeLoginUser(db.dataSource, ws, 'agent');
    adminUser = await makeLoginUser(db.dataSource, ws, 'admin');
    [author, colleague, admin] = [await login(app, authorUser.email), await login(app, colleagueUser.email), await login(app, adminUser.email)];
    await new IngestStore(db.dataSource).ingest(channel.id, [
      comment({ threadKey: 'm', externalId: 'c-m-1', text: 'Wo bleibt mein Paket?', author: { externalId: 'fan-m', name: 'Mia Kunde' } }),
    ]);
    [{ id: threadId }] = await db.dataSource.query(`SELECT id::text FROM thread WHERE thread_key = 'm'`);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const mention = (u: User) => `<@${u.id}>`;
  const addNote = (s: Session, text: string) => s.agent.post(`/api/threads/${threadId}/notes`).set('X-CSRF-Token', s.csrf).send({ text });
  const bell = async (s: Session): Promise<NotificationList> => (await s.agent.get('/api/notifications').expect(200)).body;
  const ofKind = async (s: Session, kind: string) => (await bell(s)).items.filter((n) => n.kind === kind);

  it('stores mentions as user ids, names them, and notifies each mentioned colleague (not the author) once, live to that colleague only', async () => {
    const colleagueStream = await subscribe<NotificationEventData>(baseUrl, colleague.cookie);
    const authorStream = await subscribe<NotificationEventData>(baseUrl, author.cookie);
    try {
      await waitFor(() => colleagueStream.events.find((e) => e.event === 'ready'));
      await waitFor(() => authorStream.events.find((e) => e.event === 'ready'));
      const unknown = '00000000-0000-4000-8000-000000000000';
      const text = `${mention(colleagueUser)} please call her back, ${mention(authorUser)} and <@${unknown}> know`;
      const created = await addNote(author, text).expect(201);
      expect(created.body).toMatchObject({
        text,
        mentions: [
          { id: colleagueUser.id, name: colleagueUser.name },
          { id: authorUser.id, name: authorUser.name },
        ],
        editedAt: null,
      });

      const live = await waitFor(() => colleagueStream.events.find((e) => e.event === 'notification.created'));
      expect(live.data.userId).toBe(colleagueUser.id);
      expect(live.data.notification).toMatchObject({
        kind: 'mentioned',
        actor: { id: authorUser.id, name: authorUser.name },
        thread: { id: threadId, contactName: 'Mia Kunde', network: 'facebook', preview: 'Wo bleibt mein Paket?' },
        readAt: null,
      });
      const list = await bell(colleague);
      expect(list.unread).toBe(1);
      expect(list.items).toEqual([live.data.notification]);
      expect(await ofKind(author, 'mentioned')).toEqual([]);
      await new Promise((r) => setTimeout(r, 300));
      expect(authorStream.events.filter((e) => e.event === 'notification.created')).toEqual([]);
    } finally {
      colleagueStream.close();
      authorStream.close();
    }
  });

  it('lets only the author edit a note (shown as edited, audited); a newly mentioned colleague is notified, one mentioned before is not again', async () => {
    const note = (await addNote(author, `${mention(colleagueUser)} fyi`).expect(201)).body;
    const before = (await ofKind(colleague, 'mentioned')).length;
    await colleague.agent.patch(`/api/notes/${note.id}`).set('X-CSRF-Token', colleague.csrf).send({ text: 'hijacked' }).expect(403);
    await admin.agent.patch(`/api/notes/${note.id}`).set('X-CSRF-Token', admin.csrf).send({ text: 'not even admins' }).expect(403);
    await author.agent.patch(`/api/notes/${note.id}`).set('X-CSRF-Token', author.csrf).send({ text: ' ' }).expect(400);
    const edited = await author.agent
      .patch(`/api/notes/${note.id}`)
      .set('X-CSRF-Token', author.csrf)
      .send({ text: `${mention(colleagueUser)} ${mention(adminUser)} fyi, updated` })
      .expect(200);
    expect(edited.body.editedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(edited.body.mentions.map((m: { id: string }) => m.id)).toEqual([colleagueUser.id, adminUser.id]);
    expect((await ofKind(colleague, 'mentioned')).length).toBe(before);
    expect(await ofKind(admin, 'mentioned')).toHaveLength(1);
    const listed = (await author.agent.get(`/api/threads/${threadId}/notes`).expect(200)).body.find((n: { id: string }) => n.id === note.id);
    expect(listed).toEqual(edited.body);
    const [audit] = await db.dataSource.query(
      `SELECT actor_user_id, data->>'noteId' AS note FROM audit_event WHERE action = 'note.update' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toEqual({ actor_user_id: authorUser.id, note: note.id });
  });

  it('notifies an assignee assigned by someone else, once per assignment, and not someone who assigns themselves', async () => {
    const assign = (s: Session, assigneeId: string | null) =>
      s.agent.patch(`/api/threads/${threadId}`).set('X-CSRF-Token', s.csrf).send({ assigneeId }).expect(200);
    await assign(colleague, colleagueUser.id);
    expect(await ofKind(colleague, 'assigned')).toEqual([]);
    await assign(admin, authorUser.id);
    const [assigned] = await ofKind(author, 'assigned');
    expect(assigned).toMatchObject({ kind: 'assigned', actor: { id: adminUser.id }, thread: { id: threadId } });
    await assign(admin, authorUser.id); // no change: no event
    expect(await ofKind(author, 'assigned')).toHaveLength(1);
    await assign(admin, null);
    await assign(admin, authorUser.id); // a new assignment: a new notification
    expect(await ofKind(author, 'assigned')).toHaveLength(2);
  });

  it('notifies the active admins once when a channel comes to need reconnecting, whoever set the status', async () => {
    const setStatus = (status: string) => db.dataSource.query(`UPDATE channel_account SET status = $2 WHERE id = $1`, [channelId, status]);
    await setStatus('needs_reauth');
    await setStatus('needs_reauth');
    const [reauth, ...more] = await ofKind(admin, 'channel_reauth');
    expect(more).toEqual([]);
    expect(reauth).toMatchObject({ channel: { id: channelId, network: 'facebook' }, actor: null, thread: null });
    expect(await ofKind(author, 'channel_reauth')).toEqual([]);
    await setStatus('connected');
    await setStatus('needs_reauth');
    expect(await ofKind(admin, 'channel_reauth')).toHaveLength(2);
  });

  it('marks one or all read, for their own recipient only', async () => {
    const before = await bell(admin);
    expect(before.unread).toBeGreaterThanOrEqual(2);
    const first = before.items[0];
    await author.agent.post(`/api/notifications/${first.id}/read`).set('X-CSRF-Token', author.csrf).expect(204);
    expect((await bell(admin)).unread).toBe(before.unread);
    await admin.agent.post(`/api/notifications/${first.id}/read`).set('X-CSRF-Token', admin.csrf).expect(204);
    const after = await bell(admin);
    expect(after.unread).toBe(before.unread - 1);
    expect(after.items.find((n) => n.id === first.id)?.readAt).toMatch(/^\d{4}-/);
    await admin.agent.post('/api/notifications/read-all').set('X-CSRF-Token', admin.csrf).expect(204);
    expect((await bell(admin)).unread).toBe(0);
  });

  it('keeps per-user settings per kind: in-app off hides it from the bell (its e-mail still due), both off gives nothing', async () => {
    const settings = async (s: Session): Promise<NotificationSettings> => (await s.agent.get('/api/notifications/settings').expect(200)).body;
    expect(await settings(colleague)).toEqual({
      emailAvailable: false,
      language: 'en',
      kinds: {
        assigned: { inApp: true, email: true },
        mentioned: { inApp: true, email: true },
        sla_warning: { inApp: true, email: true },
        channel_reauth: { inApp: true, email: true },
      },
    });
    const put = (body: object) => colleague.agent.put('/api/notifications/settings').set('X-CSRF-Token', colleague.csrf).send(body);
    await put({ kinds: { mentioned: { inApp: 'yes', email: true } } }).expect(400);
    await put({ kinds: { unknown: { inApp: true, email: true } } }).expect(400);
    await put({ language: 'fr' }).expect(400);
    const saved = (await put({ language: 'de', kinds: { mentioned: { inApp: false, email: true } } }).expect(200)).body;
    expect(saved).toMatchObject({ language: 'de', kinds: { mentioned: { inApp: false, email: true }, assigned: { inApp: true, email: true } } });

    const bellBefore = (await ofKind(colleague, 'mentioned')).length;
    const note = (await addNote(author, `${mention(colleagueUser)} quiet please`).expect(201)).body;
    expect((await ofKind(colleague, 'mentioned')).length).toBe(bellBefore);
    const rows = await db.dataSource.query(`SELECT in_app, email_state FROM notification WHERE dedupe_key = $1`, [`mentioned:${note.id}`]);
    expect(rows).toEqual([{ in_app: false, email_state: 'pending' }]);

    await put({ kinds: { mentioned: { inApp: false, email: false } } }).expect(200);
    const silent = (await addNote(author, `${mention(colleagueUser)} silent`).expect(201)).body;
    expect(await db.dataSource.query(`SELECT 1 FROM notification WHERE dedupe_key = $1`, [`mentioned:${silent.id}`])).toEqual([]);
    expect((await settings(colleague)).language).toBe('de');
  });

  it('deletes notes by their author or an admin (audited as by an admin)', async () => {
    const note = (await addNote(colleague, 'admin removes this')).body;
    await admin.agent.delete(`/api/notes/${note.id}`).set('X-CSRF-Token', admin.csrf).expect(204);
    const [audit] = await db.dataSource.query(`SELECT data->>'byAdmin' AS "byAdmin" FROM audit_event WHERE action = 'note.delete' ORDER BY id DESC LIMIT 1`);
    expect(audit).toEqual({ byAdmin: 'true' });
  });
});
