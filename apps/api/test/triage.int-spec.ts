import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { IngestStore } from '@resonance/worker';
import { createApi } from '../src';
import { comment, login, makeLoginUser, type Session } from './support';

interface Item {
  id: string;
  network: string;
  status: string;
  waitingSince: string | null;
  lastMessageAt: string;
  assignee: { id: string } | null;
  priority: number;
  tags: string[];
  channel: { id: string };
}

/**
 * Inbox triage through the API (issue 24): the oldest-waiting sort and its keyset pages through
 * ties, the needs-reply view, several networks/channels/any assignee at once, bulk changes (all or
 * nothing, audited) and saved views with their sharing rules, against real PostgreSQL.
 */
describe('inbox triage', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let agent: Session;
  let colleague: Session;
  let analyst: Session;
  let channelIds: string[];
  const at = Date.parse('2026-11-20T08:00:00Z');

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApi(testConfig(), db.url);
    await app.init();
    const ws = await makeWorkspace(db.dataSource);
    const channels = [
      await makeChannel(db.dataSource, ws),
      await makeChannel(db.dataSource, ws, { network: 'youtube' }),
      await makeChannel(db.dataSource, ws, { network: 'x' }),
    ];
    channelIds = channels.map((c) => c.id);
    const store = new IngestStore(db.dataSource);
    for (const [c, channel] of channels.entries()) {
      // 14 threads per channel; waiting times in groups of 3 (ties the keyset must order by id);
      // every 4th thread answered by the account (nobody waits on it).
      await store.ingest(
        channel.id,
        Array.from({ length: 14 }, (_, i) => [
          comment({
            network: channel.network,
            threadKey: `t${c}-${i}`,
            text: `question ${c}-${i}`,
            createdAt: new Date(at + Math.floor(((i * 7) % 14) / 3) * 60_000).toISOString(),
          }),
          ...(i % 4 === 0
            ? [
                comment({
                  network: channel.network,
                  threadKey: `t${c}-${i}`,
                  text: `answer ${c}-${i}`,
                  isFromAccount: true,
                  author: { externalId: 'page', name: 'Page' },
                  createdAt: new Date(at + 3_600_000 + i * 1000).toISOString(),
                }),
              ]
            : []),
        ]).flat(),
      );
    }
    const [me, other, reader] = [
      await makeLoginUser(db.dataSource, ws, 'agent'),
      await makeLoginUser(db.dataSource, ws, 'agent'),
      await makeLoginUser(db.dataSource, ws, 'analyst'),
    ];
    [agent, colleague, analyst] = [await login(app, me.email), await login(app, other.email), await login(app, reader.email)];
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  async function pages(query: Record<string, unknown>, limit = 4): Promise<Item[]> {
    const seen: Item[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: Item[]; nextCursor: string | null } } = await agent.agent
        .get('/api/threads')
        .query({ ...query, limit, ...(cursor ? { cursor } : {}) })
        .expect(200);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return seen;
  }
  const waitingKey = (t: Item) => `${t.waitingSince ?? '9999'}#${t.id.padStart(12, '0')}`;
  const idsWhere = async (sql: string): Promise<string[]> => (await db.dataSource.query<Array<{ id: string }>>(sql)).map((r) => r.id);

  it('sorts oldest waiting first, ties by id, answered threads last, each thread once across pages', async () => {
    const all = await pages({ status: 'open', sort: 'waiting' });
    expect(all).toHaveLength(42);
    expect(new Set(all.map((t) => t.id)).size).toBe(42);
    expect(all.map(waitingKey)).toEqual(all.map(waitingKey).sort());
    const waiting = all.filter((t) => t.waitingSince);
    expect(waiting).toHaveLength(30);
    expect(all.slice(30).every((t) => t.waitingSince === null)).toBe(true);
    // groups of equal waiting times exist, so the pages really went through ties
    expect(new Set(waiting.map((t) => t.waitingSince)).size).toBeLessThan(waiting.length);
    // the default stays newest activity first
    const newest = await pages({ status: 'open' }, 10);
    const key = (t: Item) => `${t.lastMessageAt}#${t.id.padStart(12, '0')}`;
    expect(newest.map(key)).toEqual(newest.map(key).sort().reverse());
  });

  it('"waiting longer than" sorted by waiting time', async () => {
    const rows = await pages({ sort: 'waiting', waitingLongerThanMinutes: 60 }, 5);
    expect(rows).toHaveLength(30);
    expect(rows.map(waitingKey)).toEqual(rows.map(waitingKey).sort());
  });

  it('needs reply: threads the customer waits on, not closed — unlike Open, which also holds answered ones', async () => {
    const needs = await pages({ needsReply: true, sort: 'waiting' }, 50);
    const open = await pages({ status: 'open' }, 50);
    expect(open).toHaveLength(42);
    expect(needs).toHaveLength(30);
    expect(needs.every((t) => t.waitingSince !== null && t.status !== 'closed')).toBe(true);
    const [first] = needs;
    await agent.agent.patch(`/api/threads/${first.id}`).set('X-CSRF-Token', agent.csrf).send({ status: 'closed' }).expect(200);
    const after = await pages({ needsReply: true }, 50);
    expect(after.map((t) => t.id)).not.toContain(first.id);
    expect(after).toHaveLength(29);
    await agent.agent.patch(`/api/threads/${first.id}`).set('X-CSRF-Token', agent.csrf).send({ status: 'open' }).expect(200);
    await agent.agent.get('/api/threads').query({ needsReply: 'maybe' }).expect(400);
    await agent.agent.get('/api/threads').query({ sort: 'sideways' }).expect(400);
  });

  it('several networks and channels at once, and any agent as assignee', async () => {
    const two = await pages({ networks: ['facebook', 'x'] }, 50);
    expect(two).toHaveLength(28);
    expect(new Set(two.map((t) => t.network))).toEqual(new Set(['facebook', 'x']));
    const one = await pages({ networks: 'youtube' }, 50);
    expect(one.every((t) => t.network === 'youtube')).toBe(true);
    const byChannel = await pages({ channels: [channelIds[0], channelIds[1]] }, 50);
    expect(new Set(byChannel.map((t) => t.channel.id))).toEqual(new Set([channelIds[0], channelIds[1]]));
    await agent.agent
      .get('/api/threads')
      .query({ networks: ['facebook', 'myspace'] })
      .expect(400);
    await agent.agent.get('/api/threads').query({ channels: 'not-a-uuid' }).expect(400);

    const [target] = one;
    await agent.agent.post(`/api/threads/${target.id}/assign`).set('X-CSRF-Token', agent.csrf).send({ userId: colleague.user.id }).expect(200);
    const theirs = await pages({ assignee: colleague.user.id }, 50);
    expect(theirs.map((t) => t.id)).toEqual([target.id]);
  });

  it('bulk: one request assigns, sets status, priority and tags on several threads, each change audited', async () => {
    const ids = await idsWhere(`SELECT id::text AS id FROM thread WHERE thread_key IN ('t0-1', 't0-2', 't1-3') ORDER BY id`);
    const bulk = (s: Session, body: Record<string, unknown>) => s.agent.post('/api/threads/bulk').set('X-CSRF-Token', s.csrf).send(body);

    const res = await bulk(agent, { threadIds: ids, assigneeId: colleague.user.id, priority: 2, addTags: ['billing', ' vip '] }).expect(200);
    const threads = res.body.threads as Item[];
    expect(threads.map((t) => t.id).sort()).toEqual(ids);
    expect(threads.every((t) => t.assignee?.id === colleague.user.id && t.priority === 2)).toBe(true);
    expect(threads.every((t) => t.tags.includes('billing') && t.tags.includes('vip'))).toBe(true);
    const audit = await db.dataSource.query(
      `SELECT action, target_id AS "targetId", data->>'bulk' AS bulk FROM audit_event WHERE action LIKE 'thread.%' AND data ? 'bulk' ORDER BY id`,
    );
    expect(audit.filter((a: { action: string }) => a.action === 'thread.assign')).toHaveLength(3);
    expect(audit.filter((a: { action: string }) => a.action === 'thread.priority')).toHaveLength(3);
    expect(audit.every((a: { bulk: string }) => a.bulk === 'true')).toBe(true);
    const [summary] = await db.dataSource.query(`SELECT data FROM audit_event WHERE action = 'thread.bulk' ORDER BY id DESC LIMIT 1`);
    expect(summary.data.threadIds).toEqual(ids);

    await bulk(agent, { threadIds: ids, status: 'pending', removeTags: ['vip'] }).expect(200);
    const after = await pages({ status: 'pending' }, 50);
    expect(after.map((t) => t.id).sort()).toEqual(ids);
    expect(after.every((t) => t.tags.join() === 'billing')).toBe(true);

    // all or nothing: one unknown id, an unassignable user, bad input — nothing changes
    const before = await db.dataSource.query(`SELECT id, status, assignee_id, priority, tags FROM thread ORDER BY id`);
    await bulk(agent, { threadIds: [...ids, '999999999'], status: 'closed' }).expect(404);
    await bulk(agent, { threadIds: ids, assigneeId: analyst.user.id }).expect(400);
    await bulk(agent, { threadIds: ids }).expect(400);
    await bulk(agent, { threadIds: [], status: 'closed' }).expect(400);
    await bulk(agent, { threadIds: ['abc'], status: 'closed' }).expect(400);
    await bulk(agent, { threadIds: ids, priority: 9 }).expect(400);
    await bulk(agent, { threadIds: ids, addTags: Array.from({ length: 20 }, (_, i) => `tag${i}`) }).expect(400); // 21 with billing
    await bulk(analyst, { threadIds: ids, status: 'closed' }).expect(403);
    expect(await db.dataSource.query(`SELECT id, status, assignee_id, priority, tags FROM thread ORDER BY id`)).toEqual(before);
  });

  it("lists the workspace's tags most used first", async () => {
    const res = await agent.agent.get('/api/threads/tags').expect(200);
    expect(res.body[0]).toEqual({ tag: 'billing', uses: 3 });
  });

  describe('saved views', () => {
    const create = (s: Session, body: Record<string, unknown>) => s.agent.post('/api/saved-views').set('X-CSRF-Token', s.csrf).send(body);
    const list = async (s: Session) => (await s.agent.get('/api/saved-views').expect(200)).body as Array<{ id: string; name: string; mine: boolean }>;

    it('keeps name, filters and sort; private to its owner until shared; only the owner renames or deletes it', async () => {
      const filters = { needsReply: true, networks: ['facebook', 'x'], assignee: 'me' };
      const mine = await create(agent, { name: 'Urgent FB+X', filters, sort: 'waiting' }).expect(201);
      expect(mine.body).toMatchObject({ name: 'Urgent FB+X', filters, sort: 'waiting', shared: false, mine: true, owner: { id: agent.user.id } });
      expect((await list(colleague)).map((v) => v.id)).not.toContain(mine.body.id);
      await colleague.agent.patch(`/api/saved-views/${mine.body.id}`).set('X-CSRF-Token', colleague.csrf).send({ name: 'x' }).expect(404);

      await create(agent, { name: 'Urgent FB+X', filters: {}, sort: 'newest' }).expect(409);
      const shared = await agent.agent
        .patch(`/api/saved-views/${mine.body.id}`)
        .set('X-CSRF-Token', agent.csrf)
        .send({ shared: true, name: 'Urgent' })
        .expect(200);
      expect(shared.body).toMatchObject({ name: 'Urgent', shared: true });
      const seen = (await list(colleague)).find((v) => v.id === mine.body.id);
      expect(seen).toMatchObject({ name: 'Urgent', mine: false });
      await colleague.agent.patch(`/api/saved-views/${mine.body.id}`).set('X-CSRF-Token', colleague.csrf).send({ name: 'Mine now' }).expect(403);
      await colleague.agent.delete(`/api/saved-views/${mine.body.id}`).set('X-CSRF-Token', colleague.csrf).expect(403);
      // an analyst reads shared views and keeps their own
      expect((await list(analyst)).map((v) => v.id)).toContain(mine.body.id);
      await create(analyst, { name: 'Reports', filters: { status: 'closed' }, sort: 'newest' }).expect(201);

      await agent.agent.delete(`/api/saved-views/${mine.body.id}`).set('X-CSRF-Token', agent.csrf).expect(204);
      expect((await list(colleague)).map((v) => v.id)).not.toContain(mine.body.id);
      const actions = await db.dataSource.query(`SELECT action FROM audit_event WHERE target_type = 'saved_view' ORDER BY id`);
      expect(actions.map((a: { action: string }) => a.action)).toEqual(['view.create', 'view.update', 'view.create', 'view.delete']);
    });

    it('rejects bad input with a 400 and saves nothing', async () => {
      const count = async () => Number((await db.dataSource.query(`SELECT count(*) AS n FROM saved_view`))[0].n);
      const before = await count();
      await create(agent, { name: '', filters: {}, sort: 'newest' }).expect(400);
      await create(agent, { name: 'x', filters: { networks: ['myspace'] }, sort: 'newest' }).expect(400);
      await create(agent, { name: 'x', filters: { status: 'done' }, sort: 'newest' }).expect(400);
      await create(agent, { name: 'x', filters: 'status=open', sort: 'newest' }).expect(400);
      await create(agent, { name: 'x', filters: {}, sort: 'random' }).expect(400);
      await create(agent, { name: 'x'.repeat(81), filters: {}, sort: 'newest' }).expect(400);
      await agent.agent.patch('/api/saved-views/not-a-uuid').set('X-CSRF-Token', agent.csrf).send({ name: 'y' }).expect(400);
      expect(await count()).toBe(before);
    });
  });
});
