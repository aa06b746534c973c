import { ReadRouter } from '@resonance/db';
import type { INestApplication } from '@nestjs/common';
import type { LiveEvent } from '@resonance/contracts';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { IngestStore } from '@resonance/worker';
import { createApi } from '../src';
import type { AuthUser } from '../src/auth/auth.types';
import { CannedResponsesService } from '../src/canned-responses/canned-responses.service';
import { ChannelsService } from '../src/channels/channels.service';
import { EventBus } from '../src/events/event-bus';
import { MessagesService } from '../src/messages/messages.service';
import { NotesService } from '../src/notes/notes.service';
import { channelsHealthReport } from '../src/reports/intents.report';
import { parseReportQuery } from '../src/reports/report-query';
import { ReportsRepository } from '../src/reports/reports.repository';
import { ThreadsService } from '../src/threads/threads.service';
import { comment, login, makeLoginUser, type Session } from './support';

/** What the contract calls an IsoDateTime: a string that is its own Date's toISOString(). */
function expectIso(value: unknown): void {
  expect(typeof value).toBe('string');
  expect(new Date(value as string).toISOString()).toBe(value);
}

/**
 * The wire contract (libs/contracts wire/*) holds in the api itself, not only after JSON.stringify:
 * the services hand out ISO strings where the database gives Date, so what the api publishes on
 * the event bus, returns to other services and serialises are one shape.
 */
describe('wire contract', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let admin: Session;
  let user: AuthUser;
  let threadId: string;
  let channelId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApi(testConfig(), db.url);
    await app.init();
    const ws = await makeWorkspace(db.dataSource);
    const channel = await makeChannel(db.dataSource, ws, {
      lastSyncedAt: new Date('2026-12-01T10:00:00.123Z'),
      rateBudget: { state: { usedPercent: 40, readAt: 1 } },
    });
    channelId = channel.id;
    await makeChannel(db.dataSource, ws, { network: 'youtube' });
    await new IngestStore(db.dataSource).ingest(channel.id, [comment({ threadKey: 'wire', text: 'hello' }), comment({ threadKey: 'wire', text: 'again' })]);
    [{ id: threadId }] = await db.dataSource.query(`SELECT id::text FROM thread WHERE thread_key = 'wire'`);
    const row = await makeLoginUser(db.dataSource, ws, 'admin');
    admin = await login(app, row.email);
    user = { id: row.id, workspaceId: ws.id, email: row.email, name: row.name, role: 'admin', sessionId: 'unused', csrfToken: 'unused' };
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('threads: list, detail and update give ISO strings, and the thread.updated event carries the same', async () => {
    const threads = app.get(ThreadsService);
    const page = await threads.list(user, {});
    const item = page.items.find((t) => t.id === threadId)!;
    for (const v of [item.lastMessageAt, item.createdAt, item.lastInboundAt, item.firstInboundAt, item.waitingSince]) expectIso(v);
    expect(item.firstResponseAt).toBeNull();
    expect(item).not.toHaveProperty('_cursorAt');

    const detail = await threads.get(user, threadId);
    expectIso(detail.lastMessageAt);
    expect(detail).not.toHaveProperty('_cursorAt');
    expect(detail.lastMessageId).toMatch(/^\d+$/);

    const publish = jest.spyOn(app.get(EventBus), 'publish');
    try {
      const updated = await threads.update(user, threadId, { status: 'pending' });
      expectIso(updated.createdAt);
      const event = publish.mock.calls.map((call) => call[1]).find((e): e is Extract<LiveEvent, { type: 'thread.updated' }> => e.type === 'thread.updated');
      expectIso(event?.thread.lastMessageAt);
    } finally {
      publish.mockRestore();
    }
  });

  it('messages: a page of a thread gives createdAt as an ISO string', async () => {
    const page = await app.get(MessagesService).threadPage(user.workspaceId, threadId, {});
    expect(page.items).toHaveLength(2);
    for (const m of page.items) {
      expectIso(m.createdAt);
      expect(m).not.toHaveProperty('_cursorAt');
    }
  });

  it('notes: created and listed with ISO createdAt; the note.created event carries the whole NoteItem', async () => {
    const notes = app.get(NotesService);
    const publish = jest.spyOn(app.get(EventBus), 'publish');
    try {
      const note = await notes.create(user, threadId, 'internal');
      expectIso(note.createdAt);
      const event = publish.mock.calls.map((call) => call[1]).find((e): e is Extract<LiveEvent, { type: 'note.created' }> => e.type === 'note.created');
      expect(event?.note).toEqual(note);
      expect(event?.note.threadId).toBe(threadId);
    } finally {
      publish.mockRestore();
    }
    const [listed] = await notes.list(user, threadId);
    expectIso(listed.createdAt);
  });

  it('canned responses: updatedAt as an ISO string', async () => {
    const canned = await app.get(CannedResponsesService).create(user, { title: 'Hi', text: 'Hello {{contact.name}}' });
    expectIso(canned.updatedAt);
  });

  it('channels: ISO timestamps, the access note, and the share of the rate budget used (GET /api/channels)', async () => {
    const [first] = (await app.get(ChannelsService).list(user)).filter((c) => c.id === channelId);
    expectIso(first.createdAt);
    expect(first.lastSyncedAt).toBe('2026-12-01T10:00:00.123Z');
    const res = await admin.agent.get('/api/channels').expect(200);
    const byNetwork = new Map((res.body as Array<{ network: string; budgetUsed: number | null; access: string | null }>).map((c) => [c.network, c]));
    expect(byNetwork.get('facebook')?.budgetUsed).toBe(0.4);
    // No budget read yet: null, never NaN or a 500.
    expect(byNetwork.get('youtube')?.budgetUsed).toBeNull();
    expect(byNetwork.get('youtube')?.access).toBeNull();
  });

  it('channels-health report: last sync as an ISO string', async () => {
    const p = parseReportQuery({ period: '7d' }, '2026-12-07', ['none']);
    const report = await channelsHealthReport(new ReportsRepository(db.dataSource, new ReadRouter(db.dataSource)), user.workspaceId, p);
    const row = report.rows.find((r) => r.channel === channelId)!;
    expect(row.last_synced_at).toBe('2026-12-01T10:00:00.123Z');
    expect(row.last_error_at).toBeNull();
    if (row.next_sync_at !== null) expectIso(row.next_sync_at);
  });
});
