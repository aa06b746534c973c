import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { IngestStore, purgeExpiredMessages } from '@resonance/worker';
import { createApi } from '../src';
import { comment, login, makeLoginUser, type Session } from './support';

const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();

/** Retention (messages older than the workspace's setting are deleted) and erasure of a contact (GDPR). */
describe('data care', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let admin: Session;
  let agent: Session;
  let otherWorkspaceChannel: string;
  let channelId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApi(testConfig(), db.url);
    await app.init();
    const workspace = await makeWorkspace(db.dataSource);
    const other = await makeWorkspace(db.dataSource);
    channelId = (await makeChannel(db.dataSource, workspace)).id;
    otherWorkspaceChannel = (await makeChannel(db.dataSource, other)).id;
    admin = await login(app, (await makeLoginUser(db.dataSource, workspace, 'admin')).email);
    agent = await login(app, (await makeLoginUser(db.dataSource, workspace, 'agent')).email);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const count = async (sql: string, params: unknown[] = []) => Number((await db.dataSource.query(sql, params))[0].n);

  it('deletes messages older than the retention setting, and threads left empty, only in that workspace', async () => {
    const store = new IngestStore(db.dataSource);
    await store.ingest(channelId, [
      comment({ threadKey: 'old', externalId: 'old-1', text: 'old', createdAt: daysAgo(40) }),
      comment({ threadKey: 'mixed', externalId: 'mixed-1', text: 'old part', createdAt: daysAgo(35) }),
      comment({ threadKey: 'mixed', externalId: 'mixed-2', text: 'new part', createdAt: daysAgo(2) }),
    ]);
    await store.ingest(otherWorkspaceChannel, [comment({ threadKey: 'elsewhere', externalId: 'else-1', text: 'old elsewhere', createdAt: daysAgo(40) })]);

    await agent.agent.put('/api/data-care/retention').set('X-CSRF-Token', agent.csrf).send({ retentionDays: 30 }).expect(403);
    await admin.agent.put('/api/data-care/retention').set('X-CSRF-Token', admin.csrf).send({ retentionDays: 0 }).expect(400);
    await admin.agent.put('/api/data-care/retention').set('X-CSRF-Token', admin.csrf).send({ retentionDays: 30 }).expect(200, { retentionDays: 30 });
    expect((await admin.agent.get('/api/data-care/retention').expect(200)).body).toEqual({ retentionDays: 30 });

    expect(await purgeExpiredMessages(db.dataSource)).toEqual({ messages: 2, threads: 1 });
    const left = (await db.dataSource.query(`SELECT external_id FROM message ORDER BY external_id`)).map((r: { external_id: string }) => r.external_id);
    expect(left).toEqual(['else-1', 'mixed-2']);
    expect(await count(`SELECT count(*) AS n FROM thread WHERE thread_key = 'old'`)).toBe(0);
    // Nothing more to do on a second run; null turns retention off.
    expect(await purgeExpiredMessages(db.dataSource)).toEqual({ messages: 0, threads: 0 });
    await admin.agent.put('/api/data-care/retention').set('X-CSRF-Token', admin.csrf).send({ retentionDays: null }).expect(200, { retentionDays: null });
  });

  it("erases a contact's conversations and messages on request, and nobody else's", async () => {
    const store = new IngestStore(db.dataSource);
    await store.ingest(channelId, [
      comment({ threadKey: 'eva', externalId: 'eva-1', text: 'Meine Adresse ist …', author: { externalId: 'eva', name: 'Eva' } }),
      comment({ threadKey: 'eva', externalId: 'eva-2', text: 'und meine Nummer', author: { externalId: 'eva', name: 'Eva' }, parentExternalId: 'eva-1' }),
      comment({ threadKey: 'bob', externalId: 'bob-1', text: 'Frage', author: { externalId: 'bob', name: 'Bob' } }),
      comment({ threadKey: 'bob', externalId: 'bob-eva', text: 'Eva here too', author: { externalId: 'eva', name: 'Eva' }, parentExternalId: 'bob-1' }),
    ]);
    const [{ id: eva }] = await db.dataSource.query(`SELECT id::text FROM contact WHERE external_id = 'eva' AND channel_account_id = $1`, [channelId]);
    const [evaThread] = await db.dataSource.query(`SELECT id::text FROM thread WHERE thread_key = 'eva'`);
    await admin.agent.post(`/api/threads/${evaThread.id}/notes`).set('X-CSRF-Token', admin.csrf).send({ text: 'called Eva back' }).expect(201);

    await agent.agent.delete(`/api/contacts/${eva}`).set('X-CSRF-Token', agent.csrf).expect(403);
    const erased = await admin.agent.delete(`/api/contacts/${eva}`).set('X-CSRF-Token', admin.csrf).expect(200);
    expect(erased.body).toEqual({ threads: 1, messages: 1 });
    expect(await count(`SELECT count(*) AS n FROM message WHERE external_id IN ('eva-1', 'eva-2', 'bob-eva')`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM contact WHERE id = $1`, [eva])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM note WHERE thread_id = $1`, [evaThread.id])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM message WHERE external_id = 'bob-1'`)).toBe(1);
    // The audit keeps that it happened, with counts only.
    const [audit] = await db.dataSource.query(`SELECT data FROM audit_event WHERE action = 'contact.erase'`);
    expect(audit.data).toEqual({ threads: 1, messages: 1 });
    expect(JSON.stringify(audit)).not.toContain('Eva');
    await admin.agent.delete(`/api/contacts/${eva}`).set('X-CSRF-Token', admin.csrf).expect(404);
  });
});
