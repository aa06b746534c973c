import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { IngestStore } from '@resonance/worker';
import { createApi } from '../src';
import { comment, login, makeLoginUser, type Session } from './support';

/** Keyset pages cover every row once, and a page costs the same few queries whatever its size. */
describe('inbox pages', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let agent: Session;
  let threadId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApi(testConfig(), db.url);
    await app.init();
    const ws = await makeWorkspace(db.dataSource);
    const channels = [await makeChannel(db.dataSource, ws), await makeChannel(db.dataSource, ws, { network: 'youtube' })];
    const store = new IngestStore(db.dataSource);
    const at = Date.parse('2026-11-20T00:00:00Z');
    for (const [c, channel] of channels.entries()) {
      // 60 threads per channel, several sharing a timestamp (the keyset must still order them).
      await store.ingest(
        channel.id,
        Array.from({ length: 60 }, (_, i) =>
          comment({
            network: channel.network,
            threadKey: `t${c}-${i}`,
            text: `thread ${c}-${i}`,
            createdAt: new Date(at + Math.floor(i / 3) * 60_000).toISOString(),
          }),
        ),
      );
    }
    await store.ingest(
      channels[0].id,
      Array.from({ length: 120 }, (_, i) => comment({ threadKey: 'long', text: `message ${i}`, createdAt: new Date(at + (i % 40) * 1000).toISOString() })),
    );
    [{ id: threadId }] = await db.dataSource.query(`SELECT id::text FROM thread WHERE thread_key = 'long'`);
    agent = await login(app, (await makeLoginUser(db.dataSource, ws, 'agent')).email);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  /**
   * The SQL statements the app sends while `run` runs: every statement is one pg Client.query, whether
   * TypeORM sends it (sessions, transactions) or sqlClient (the typed queries, on the pool or a transaction's connection).
   */
  async function countQueries(run: () => Promise<unknown>): Promise<string[]> {
    const spy = jest.spyOn(Client.prototype, 'query');
    try {
      await run();
      return spy.mock.calls.map((call) => statementText(call[0]));
    } finally {
      spy.mockRestore();
    }
  }

  /**
   * The statements of a request other than the session lookup, which the api may answer from its
   * 5 s session cache (session.service.ts) while its listener is connected: at most one of those.
   */
  function pageStatements(queries: string[]): string[] {
    const page = queries.filter((q) => !q.includes('FROM session s JOIN users u'));
    expect(queries.length - page.length).toBeLessThanOrEqual(1);
    return page;
  }

  function statementText(query: unknown): string {
    if (typeof query === 'string') return query;
    if (typeof query === 'object' && query !== null && 'text' in query && typeof query.text === 'string') return query.text;
    return '(not a statement text)';
  }

  it('pages through 121 threads with filters, each once, in one statement per page', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      let body: { items: Array<{ id: string; contact: unknown; channel: unknown }>; nextCursor: string | null } | undefined;
      const queries = await countQueries(async () => {
        const res = await agent.agent
          .get('/api/threads')
          .query({ status: 'open', limit: 50, ...(cursor ? { cursor } : {}) })
          .expect(200);
        body = res.body;
      });
      // One for the page with its channels, contacts and assignees (and one to resolve the session
      // unless the api had it cached).
      expect(pageStatements(queries)).toHaveLength(1);
      seen.push(...body!.items.map((t) => t.id));
      expect(body!.items.every((t) => t.contact && t.channel)).toBe(true);
      cursor = body!.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(121);
    expect(new Set(seen).size).toBe(121);

    const youtube = await agent.agent.get('/api/threads').query({ network: 'youtube', limit: 100 }).expect(200);
    expect(youtube.body.items).toHaveLength(60);
  });

  it("pages through a thread's messages oldest first, each once, in one statement per page", async () => {
    const seen: Array<{ id: string; createdAt: string }> = [];
    let cursor: string | null = null;
    do {
      let body: { items: Array<{ id: string; createdAt: string }>; nextCursor: string | null } | undefined;
      const queries = await countQueries(async () => {
        body = (
          await agent.agent
            .get(`/api/threads/${threadId}/messages`)
            .query({ limit: 50, ...(cursor ? { cursor } : {}) })
            .expect(200)
        ).body;
      });
      expect(pageStatements(queries)).toHaveLength(1);
      seen.push(...body!.items);
      cursor = body!.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(120);
    expect(new Set(seen.map((m) => m.id)).size).toBe(120);
    const order = seen.map((m) => `${m.createdAt}#${m.id.padStart(10, '0')}`);
    expect(order).toEqual([...order].sort());
  });

  it('plans the inbox page on the keyset index', async () => {
    await db.dataSource.query(`ANALYZE thread`);
    const [{ workspace_id }] = await db.dataSource.query(`SELECT workspace_id FROM thread LIMIT 1`);
    const runner = db.dataSource.createQueryRunner();
    try {
      await runner.query(`SET enable_seqscan = off`);
      const plan = (await runner.query(
        `EXPLAIN SELECT * FROM thread t WHERE t.workspace_id = $1 AND t.status = 'open' ORDER BY t.last_message_at DESC, t.id DESC LIMIT 51`,
        [workspace_id],
      )) as Array<{ 'QUERY PLAN': string }>;
      const text = plan.map((r) => r['QUERY PLAN']).join('\n');
      // Either keyset index serves the page in order (on a small table the planner may prefer the
      // unfiltered one and check status per row); what must never happen is a sort of all threads.
      expect(text).toMatch(/Index Scan using thread_inbox(_all)?_idx/);
      expect(text).not.toMatch(/Sort/);
    } finally {
      await runner.release();
    }
  });
});
