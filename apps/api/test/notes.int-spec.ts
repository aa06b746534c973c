import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { IngestStore } from '@resonance/worker';
import type { User } from '@resonance/db';
import { createApi } from '../src';
import { comment, login, makeLoginUser, type Session } from './support';

/** Internal notes through the API (NotesService → NotesRepository → notes.sql), against real PostgreSQL. */
describe('internal notes', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let author: User;
  let agent: Session;
  let otherAgent: Session;
  let admin: Session;
  let threadId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApi(testConfig(), db.url);
    await app.init();
    const ws = await makeWorkspace(db.dataSource);
    const channel = await makeChannel(db.dataSource, ws, { externalId: 'page-notes' });
    author = await makeLoginUser(db.dataSource, ws, 'agent');
    const other = await makeLoginUser(db.dataSource, ws, 'agent');
    const adminUser = await makeLoginUser(db.dataSource, ws, 'admin');
    [agent, otherAgent, admin] = [await login(app, author.email), await login(app, other.email), await login(app, adminUser.email)];
    await new IngestStore(db.dataSource).ingest(channel.id, [
      comment({ threadKey: 'n', externalId: 'c-n-1', text: 'Where is my parcel?', createdAt: '2026-11-22T08:00:00Z' }),
    ]);
    const [row] = await db.dataSource.query(`SELECT id::text AS id FROM thread WHERE thread_key = 'n'`);
    threadId = row.id;
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const add = (s: Session, text: string) => s.agent.post(`/api/threads/${threadId}/notes`).set('X-CSRF-Token', s.csrf).send({ text }).expect(201);
  const list = async () => (await agent.agent.get(`/api/threads/${threadId}/notes`).expect(200)).body as Array<Record<string, unknown>>;

  it('answers a note as {id, threadId, author {id, name}, text, createdAt ISO} when added and when listed', async () => {
    const created = await add(agent, 'Customer is a VIP');
    const expected = {
      id: expect.stringMatching(/^\d+$/),
      threadId,
      author: { id: author.id, name: author.name },
      text: 'Customer is a VIP',
      mentions: [],
      editedAt: null,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    };
    expect(created.body).toEqual(expected);
    expect(await list()).toEqual([{ ...expected, id: created.body.id, createdAt: created.body.createdAt }]);
  });

  it('lets only its author or an admin delete a note, and answers 404 for one that is not there', async () => {
    const note = await add(agent, 'to be deleted');
    await otherAgent.agent.delete(`/api/notes/${note.body.id}`).set('X-CSRF-Token', otherAgent.csrf).expect(403);
    expect((await list()).map((n) => n.id)).toContain(note.body.id);
    await agent.agent.delete(`/api/notes/${note.body.id}`).set('X-CSRF-Token', agent.csrf).expect(204);
    expect((await list()).map((n) => n.id)).not.toContain(note.body.id);
    await agent.agent.delete(`/api/notes/${note.body.id}`).set('X-CSRF-Token', agent.csrf).expect(404);

    const byOther = await add(otherAgent, 'an admin may remove it');
    await admin.agent.delete(`/api/notes/${byOther.body.id}`).set('X-CSRF-Token', admin.csrf).expect(204);
    const [audit] = await db.dataSource.query(
      `SELECT target_id, data->>'noteId' AS note FROM audit_event WHERE action = 'note.delete' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toEqual({ target_id: threadId, note: byOther.body.id });
  });

  it('keeps a note whose author was deleted, with author null', async () => {
    const note = await add(otherAgent, 'left behind');
    await db.dataSource.query(`DELETE FROM users WHERE id = (SELECT author_user_id FROM note WHERE id = $1)`, [note.body.id]);
    expect((await list()).find((n) => n.id === note.body.id)).toMatchObject({ author: null, text: 'left behind' });
  });
});
