import { createTestDatabase, makeChannel, makeUser, makeWorkspace, type TestDatabase } from '@resonance/testing';
import { IngestStore } from '@resonance/worker';
import { listThreads, listThreadsOldestWaiting, type IListThreadsParams } from '../src/threads/threads.queries';
import { comment } from './support';

/**
 * The inbox list (threads.sql ListThreads) writes its optional filters as `(:x IS NULL OR …)`.
 * That costs nothing only because pg sends the statement unnamed, so PostgreSQL plans it with the
 * values and folds each predicate: away when its parameter is NULL, into a plain index condition
 * otherwise. This checks the plans the api gets, the same way (a parameterised, unnamed statement
 * through the app's driver). Sequential scans are switched off: on a table this small the planner
 * would read it whole whatever the indexes, and the point is which index conditions it can use.
 */
describe('inbox list plans (optional filters fold away)', () => {
  let db: TestDatabase;
  let workspaceId: string;
  let agentId: string;
  let channelId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const ws = await makeWorkspace(db.dataSource);
    workspaceId = ws.id;
    const channel = await makeChannel(db.dataSource, ws, { externalId: 'page-plan' });
    channelId = channel.id;
    agentId = (await makeUser(db.dataSource, ws, { role: 'agent' })).id;
    await new IngestStore(db.dataSource).ingest(
      channel.id,
      Array.from({ length: 30 }, (_, i) =>
        comment({ threadKey: `p${i}`, externalId: `c-p-${i}`, text: `question ${i}`, createdAt: `2026-11-22T08:${String(i).padStart(2, '0')}:00Z` }),
      ),
    );
    await db.dataSource.query(`ANALYZE thread`);
  });
  afterAll(async () => {
    await db?.drop();
  });

  /** EXPLAIN of ListThreads as the api sends it, with these filters (the rest NULL). */
  async function planOf(filters: Partial<IListThreadsParams>, statement = listThreads): Promise<string> {
    let sent: { sql: string; bindings: unknown[] } | undefined;
    await statement.run(
      { workspaceId, unassigned: false, needsReply: false, spam: false, heldForReview: false, hiddenByRules: false, limit: 51, ...filters },
      {
        query: (sql, bindings) => {
          sent = { sql, bindings };
          return Promise.resolve({ rows: [], rowCount: 0 });
        },
      },
    );
    if (!sent) throw new Error('ListThreads sent nothing');
    const runner = db.dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      await runner.query('SET LOCAL enable_seqscan = off');
      const rows: Array<{ 'QUERY PLAN': string }> = await runner.query(`EXPLAIN (COSTS off) ${sent.sql}`, sent.bindings);
      await runner.rollbackTransaction();
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    } finally {
      await runner.release();
    }
  }

  /** Nothing of an optional predicate is left: no `IS NULL`, no OR, no parameter (the values are constants). */
  const folded = (plan: string) => expect(plan).not.toMatch(/IS NULL|\bOR\b|\$\d/);
  const threadIndexScan = /Index Scan using thread_inbox_\w+ on thread t\b/;

  it('without filters: every optional predicate is gone, the page is read in order from an inbox index', async () => {
    const plan = await planOf({});
    folded(plan);
    expect(plan).toMatch(threadIndexScan);
    expect(plan).not.toMatch(/status =|network =|assignee_id =/);
  });

  it('status, network, assignee, channel: each a plain condition on the inbox index scan', async () => {
    const plan = await planOf({ status: 'open', networks: ['facebook'], assigneeId: agentId, channelIds: [channelId] });
    folded(plan);
    expect(plan).toMatch(threadIndexScan);
    expect(plan).toContain("status = 'open'::text");
    expect(plan).toContain("network = ANY ('{facebook}'::text[])");
    expect(plan).toContain(`assignee_id = '${agentId}'::uuid`);
    expect(plan).toContain(`channel_account_id = ANY ('{${channelId}}'::uuid[])`);
  });

  it('oldest waiting first: read in order from a waiting index, with and without a status, the cursor its keyset condition', async () => {
    const noSort = /\bSort\b/;
    const withStatus = await planOf({ status: 'open' }, listThreadsOldestWaiting);
    folded(withStatus);
    // Every thread here is open, so the planner may read the unfiltered index and check the status
    // per row; what must never happen is a sort of all the workspace's threads.
    expect(withStatus).toMatch(/Index Scan using thread_inbox_waiting_(all_)?idx on thread t\b/);
    expect(withStatus).not.toMatch(noSort);
    const all = await planOf({}, listThreadsOldestWaiting);
    folded(all);
    expect(all).toMatch(/Index Scan using thread_inbox_waiting_(all_)?idx on thread t\b/);
    expect(all).not.toMatch(noSort);
    const page2 = await planOf({ status: 'open', cursorAt: '2026-11-22T08:15:00.000000Z', cursorId: '1000000' }, listThreadsOldestWaiting);
    folded(page2);
    expect(page2).toMatch(
      /Index Cond: .*ROW\(COALESCE\(waiting_since, .*\), id\) > ROW\('2026-11-22 08:15:00\+00'::timestamp with time zone, '1000000'::bigint\)/,
    );
  });

  it('needs reply: waiting and not closed, on the scan, nothing else left over', async () => {
    const plan = await planOf({ needsReply: true }, listThreadsOldestWaiting);
    expect(plan).not.toMatch(/\bOR\b|\$\d/);
    expect(plan).toContain('waiting_since IS NOT NULL');
    expect(plan).toContain("status <> 'closed'::text");
  });

  it('unassigned: assignee_id IS NULL stays, as the one condition it is', async () => {
    const plan = await planOf({ unassigned: true, status: 'open' });
    expect(plan).not.toMatch(/\bOR\b|\$\d/);
    expect(plan).toContain('assignee_id IS NULL');
  });

  it('the cursor of page 2 becomes the keyset condition of the index scan', async () => {
    const plan = await planOf({ status: 'open', cursorAt: '2026-11-22T08:15:00.000000Z', cursorId: '1000000' });
    folded(plan);
    expect(plan).toMatch(/Index Cond: .*ROW\(last_message_at, id\) < ROW\('2026-11-22 08:15:00\+00'::timestamp with time zone, '1000000'::bigint\)/);
  });

  it("intent: a per-thread probe of the thread's messages, never a hash of the whole message table", async () => {
    const plan = await planOf({ intent: 'complaint_support', status: 'open' });
    folded(plan);
    expect(plan).toContain("intent = 'complaint_support'::text");
    expect(plan).toMatch(/SubPlan \d+\s+->\s+Limit\s+->\s+Index Scan using message_thread_idx on message m\s+Index Cond: \(thread_id = t.id\)/);
    expect(plan).not.toMatch(/hashed SubPlan|Seq Scan on message/);
  });
});
