import type { MessageRecord, RuleInput } from '@resonance/contracts';
import { IngestStore, queueRuleWork } from '@resonance/worker';
import { ModerationRig } from './moderation-rig';
import { login, makeLoginUser, waitFor, type Session } from './support';

const SEED = 2502;

interface ThreadView {
  priority: number;
  tags: string[];
  status: string;
  assignee: { id: string } | null;
}
interface AuditItem {
  id: string;
  action: string;
  targetType: string;
  targetId: string | null;
  actor: { id: string } | null;
  createdAt: string;
  data: Record<string, unknown>;
}
interface Run {
  id: string;
  messageId: string;
  action: { type: string };
  undoable: boolean;
}

/**
 * The automatic actions of rules (docs/rules.md) through the ingest, each with its undo: a like
 * reaches the sim exactly once — also when the same comment is stored again by a later sync — and
 * its undo unlikes once; assign, round-robin, priority, tags and mark handled change the thread in
 * the ingest's transaction, are audited with their rule, and their undo restores exactly what
 * each replaced (a person's changes in between stay).
 */
describe('rules: automatic like, assign, round-robin, priority, tags and handled through the ingest, and their undo', () => {
  let rig: ModerationRig;
  let admin: Session;
  let store: IngestStore;
  let serial = 0;

  beforeAll(async () => {
    console.log(`rule-actions.int-spec seed ${SEED}`);
    rig = await ModerationRig.start({ network: 'facebook', seed: SEED, items: 20 });
    admin = await login(rig.app, (await makeLoginUser(rig.db.dataSource, rig.workspace, 'admin')).email);
    store = new IngestStore(rig.db.dataSource, { rulesRecheckMs: 0, onRuleWork: (work) => queueRuleWork(rig.queue, work) });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await rig?.close();
  });

  const post = (path: string, body?: object) => admin.agent.post(path).set('x-csrf-token', admin.csrf).send(body);
  const patch = (path: string, body: object) => admin.agent.patch(path).set('x-csrf-token', admin.csrf).send(body);
  const rule = (over: Partial<RuleInput>): RuleInput => ({ name: 'r', enabled: true, mode: 'auto', stopAfter: false, conditions: [], actions: [], ...over });
  const undo = (runId: string) => rig.agent.agent.post(`/api/rule-runs/${runId}/undo`).set('x-csrf-token', rig.agent.csrf).expect(200);
  const thread = async (id: string) => (await rig.agent.agent.get(`/api/threads/${id}`).expect(200)).body as ThreadView;
  const runsOf = async (m: { id: string; threadId: string }) =>
    ((await rig.agent.agent.get(`/api/threads/${m.threadId}/rule-activity`).expect(200)).body.runs as Run[]).filter((r) => r.messageId === m.id);
  const audit = async (action: string, targetId: string) =>
    (await admin.agent.get(`/api/audit-events?action=${action}&targetId=${targetId}`).expect(200)).body.items as Array<{
      data: Record<string, unknown>;
      actor: { id: string } | null;
    }>;
  const removeAll = async () => {
    for (const r of (await admin.agent.get('/api/rules').expect(200)).body.items as Array<{ id: string }>)
      await admin.agent.delete(`/api/rules/${r.id}`).set('x-csrf-token', admin.csrf).expect(204);
  };

  /**
   * A new top-level comment of the sim under one of the account's posts (so each opens a thread of
   * its own), stored as a sync stores it, with our text; the record is returned to store it again.
   */
  async function arrive(text: string): Promise<{ id: string; threadId: string; externalId: string; record: MessageRecord }> {
    const authorId = `author-${SEED}-${++serial}`;
    const record = rig.nextSimComment(text, authorId, { topLevel: true, tries: 200 });
    await store.ingest(rig.channel.id, [record]);
    const [m] = await rig.pick(`m.external_id = '${record.externalId}'`, 1);
    return { ...m, record };
  }

  it('like: reaches the sim exactly once, not again when the comment is stored again; undo unlikes it once', async () => {
    const created = (
      await post(
        '/api/rules',
        rule({ name: 'like praise', conditions: [{ type: 'keywords', words: ['danke', 'thank you'] }], actions: [{ type: 'like' }] }),
      ).expect(201)
    ).body as { id: string };
    const m = await arrive('Super schneller Versand, danke!');
    expect((await rig.settled(m.id)).state).toBe('done');
    expect(await rig.receivedFor(m.externalId)).toEqual(['comment_like']);
    expect((await rig.item(m)).liked).toBe(true);

    // A second sync stores the same comment again: no second evaluation, no second call.
    await store.ingest(rig.channel.id, [m.record]);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await rig.receivedFor(m.externalId)).toEqual(['comment_like']);
    const runs = await runsOf(m);
    expect(runs.map((r) => [r.action.type, r.undoable])).toEqual([['like', true]]);
    const [audited] = await waitFor(async () => {
      const items = await audit('rule.like', m.threadId);
      return items.length ? items : undefined;
    });
    expect(audited).toMatchObject({ actor: null, data: { ruleId: created.id, ruleName: 'like praise', messageId: m.id } });

    await undo(runs[0].id);
    expect((await rig.settled(m.id)).state).toBe('done');
    expect(await rig.receivedFor(m.externalId)).toEqual(['comment_like', 'comment_unlike']);
    expect((await rig.item(m)).liked).toBe(false);
    // A second undo (a double click) changes nothing and calls nothing.
    await undo(runs[0].id);
    await new Promise((r) => setTimeout(r, 500));
    expect(await rig.receivedFor(m.externalId)).toEqual(['comment_like', 'comment_unlike']);
    expect(await audit('rule.undo', m.threadId)).toHaveLength(1);
    await removeAll();
  }, 90_000);

  it('assign, priority, tags and mark handled: set in the ingest, audited with the rule, each undone to what it replaced', async () => {
    const agentId = rig.agent.user.id;
    const created = (
      await post(
        '/api/rules',
        rule({
          name: 'VIP triage',
          conditions: [{ type: 'keywords', words: ['Garantie', 'warranty'] }],
          actions: [
            { type: 'assign', userId: agentId },
            { type: 'priority', priority: 3 },
            { type: 'tags', tags: ['garantie', 'vip'] },
            { type: 'markHandled' },
          ],
        }),
      ).expect(201)
    ).body as { id: string };
    const m = await arrive('Die Naht am Rucksack ist schon aufgegangen. Garantie?');
    const before = await thread(m.threadId);
    expect(before).toMatchObject({ assignee: { id: agentId }, priority: 3, status: 'closed', tags: expect.arrayContaining(['garantie', 'vip']) });
    // Nothing of these goes to the network.
    expect(await rig.receivedFor(m.externalId)).toEqual([]);
    const runs = await runsOf(m);
    expect(runs.map((r) => [r.action.type, r.undoable])).toEqual([
      ['assign', true],
      ['priority', true],
      ['tags', true],
      ['markHandled', true],
    ]);
    for (const type of ['assign', 'priority', 'tags', 'markHandled'])
      expect(await audit(`rule.${type}`, m.threadId)).toEqual([
        expect.objectContaining({ actor: null, data: expect.objectContaining({ ruleId: created.id }) }),
      ]);

    // A person adds a tag of their own in between: undoing the rule's tags keeps it.
    await patch(`/api/threads/${m.threadId}`, { tags: [...before.tags, 'rueckruf'] }).expect(200);
    const byType = (type: string) => runs.find((r) => r.action.type === type)!.id;
    await undo(byType('priority'));
    expect(await thread(m.threadId)).toMatchObject({ priority: 0, status: 'closed', assignee: { id: agentId } });
    await undo(byType('tags'));
    const untagged = await thread(m.threadId);
    expect(untagged.tags).toContain('rueckruf');
    expect(untagged.tags).not.toContain('garantie');
    expect(untagged.tags).not.toContain('vip');
    await undo(byType('assign'));
    expect((await thread(m.threadId)).assignee).toBeNull();
    await undo(byType('markHandled'));
    expect(await thread(m.threadId)).toMatchObject({ status: 'open', priority: 0, assignee: null, tags: expect.arrayContaining(['rueckruf']) });
    expect(await audit('rule.undo', m.threadId)).toHaveLength(4);
    expect((await runsOf(m)).every((r) => !r.undoable)).toBe(true);
    await removeAll();
  }, 90_000);

  it('round-robin: each match takes the next active agent or admin in turn; undo gives the thread back to no one', async () => {
    await post('/api/rules', rule({ name: 'in turn', conditions: [{ type: 'keywords', words: ['turnus'] }], actions: [{ type: 'assignRoundRobin' }] })).expect(
      201,
    );
    const team = (
      await rig.db.dataSource.query<Array<{ id: string }>>(
        `SELECT id FROM users WHERE workspace_id = $1 AND active AND role IN ('admin', 'agent') ORDER BY id`,
        [rig.workspace.id],
      )
    ).map((u) => u.id);
    expect(team.length).toBeGreaterThanOrEqual(2);
    const messages = [];
    for (let i = 0; i < team.length + 1; i++) messages.push(await arrive(`Turnus ${i}: wer kümmert sich?`));
    const assignees = [];
    for (const m of messages) assignees.push((await thread(m.threadId)).assignee?.id);
    // One full turn over the team, then the first again.
    expect(assignees).toEqual([...team.map((_, i) => team[i % team.length]), team[0]]);
    const [run] = await runsOf(messages[0]);
    expect(run.action.type).toBe('assignRoundRobin');
    await undo(run.id);
    expect((await thread(messages[0].threadId)).assignee).toBeNull();
    await removeAll();
  }, 90_000);

  it('round-robin in concurrent ingests: a write of the workspace does not wait for another one to commit, and each still takes its own turn', async () => {
    // Before rules25b the turn (and the rule's match count) was an UPDATE of the rule row in the
    // ingest's transaction: the second write below waited for the first one's commit, which here
    // never comes until the second has finished: the test timed out.
    await post('/api/rules', rule({ name: 'in turn', conditions: [{ type: 'keywords', words: ['reihum'] }], actions: [{ type: 'assignRoundRobin' }] })).expect(
      201,
    );
    const team = (
      await rig.db.dataSource.query<Array<{ id: string }>>(
        `SELECT id FROM users WHERE workspace_id = $1 AND active AND role IN ('admin', 'agent') ORDER BY id`,
        [rig.workspace.id],
      )
    ).map((u) => u.id);
    const first = rig.nextSimComment('Reihum 1: wer antwortet?', `author-${SEED}-${++serial}`, { topLevel: true, tries: 200 });
    const second = rig.nextSimComment('Reihum 2: wer antwortet?', `author-${SEED}-${++serial}`, { topLevel: true, tries: 200 });
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstInTransaction: () => void = () => undefined;
    const firstWrote = new Promise<void>((resolve) => (firstInTransaction = resolve));
    // The first write stays open (its rules applied, its turn taken) until the second has committed.
    const firstIngest = store.ingest(rig.channel.id, [first], {
      inTransaction: async () => {
        firstInTransaction();
        await held;
      },
    });
    try {
      await firstWrote;
      const secondDone = store.ingest(rig.channel.id, [second]).then(() => 'done' as const);
      const waited = new Promise<'waiting'>((resolve) => setTimeout(() => resolve('waiting'), 10_000).unref());
      expect(await Promise.race([secondDone, waited])).toBe('done');
    } finally {
      release();
      await firstIngest;
    }
    const [firstStored] = await rig.pick(`m.external_id = '${first.externalId}'`, 1);
    const [secondStored] = await rig.pick(`m.external_id = '${second.externalId}'`, 1);
    // Turn 0 to the first write (it took its turn first), turn 1 to the second; the counts after both commits.
    expect((await thread(firstStored.threadId)).assignee?.id).toBe(team[0]);
    expect((await thread(secondStored.threadId)).assignee?.id).toBe(team[1 % team.length]);
    const [counted] = ((await admin.agent.get('/api/rules').expect(200)).body.items as Array<{ name: string; matchedCount: number }>).filter(
      (r) => r.name === 'in turn',
    );
    expect(counted.matchedCount).toBe(2);
    await removeAll();
  }, 90_000);

  it('the inbox lists the threads of what rules hid until the hide is undone; a saved view keeps that and the spam and held filters', async () => {
    await post('/api/rules', rule({ name: 'hide links', conditions: [{ type: 'link' }], actions: [{ type: 'hide' }] })).expect(201);
    const m = await arrive('Gewinnspiel! https://win.example/now');
    const other = await arrive('Wie lange dauert der Versand?');
    const listed = async () =>
      ((await rig.agent.agent.get('/api/threads?hiddenByRules=true&limit=50').expect(200)).body.items as Array<{ id: string }>).map((t) => t.id);
    expect(await listed()).toEqual([m.threadId]);
    expect(other.threadId).not.toBe(m.threadId);
    await rig.agent.agent.get('/api/threads?hiddenByRules=maybe').expect(400);

    const views = rig.agent.agent;
    const saved = await views
      .post('/api/saved-views')
      .set('x-csrf-token', rig.agent.csrf)
      .send({ name: 'Moderation', filters: { spam: true, heldForReview: true, hiddenByRules: true }, sort: 'newest' })
      .expect(201);
    expect(saved.body.filters).toEqual({ spam: true, heldForReview: true, hiddenByRules: true });
    const reopened = ((await views.get('/api/saved-views').expect(200)).body as Array<{ id: string; filters: object }>).find((v) => v.id === saved.body.id);
    expect(reopened?.filters).toEqual({ spam: true, heldForReview: true, hiddenByRules: true });
    const refused = await views
      .post('/api/saved-views')
      .set('x-csrf-token', rig.agent.csrf)
      .send({ name: 'Bad', filters: { hiddenByRules: 'yes' }, sort: 'newest' })
      .expect(400);
    expect(JSON.stringify(refused.body)).toContain('hiddenByRules');
    expect(((await views.get('/api/saved-views').expect(200)).body as Array<{ name: string }>).map((v) => v.name)).toEqual(['Moderation']);

    const [run] = await runsOf(m);
    await undo(run.id);
    expect(await listed()).toEqual([]);
    await removeAll();
  }, 90_000);

  it('the audit log reads rule runs as rule.<action> events among the others: paged without gaps or repeats, filtered as events', async () => {
    // The tests above left rule runs (rule.like, rule.assign, …) and audit events (rule.create, rule.undo, …).
    const all = (await admin.agent.get('/api/audit-events?limit=200').expect(200)).body as { items: AuditItem[]; nextCursor: string | null };
    expect(all.nextCursor).toBeNull();
    const runs = await rig.db.dataSource.query<Array<{ id: string }>>(`SELECT id::text FROM rule_run WHERE workspace_id = $1`, [rig.workspace.id]);
    const fromRuns = all.items.filter((i) => i.actor === null && i.action.startsWith('rule.') && typeof i.data.ruleRunId === 'string');
    expect(fromRuns.map((i) => i.data.ruleRunId).sort()).toEqual(runs.map((r) => r.id).sort());
    expect(fromRuns.every((i) => i.targetType === 'thread' && i.id === i.data.ruleRunId)).toBe(true);
    expect(all.items.some((i) => i.action === 'rule.create' && i.actor !== null)).toBe(true);
    // No run is also an audit_event any more (the ingest writes none).
    expect(
      await rig.db.dataSource.query(`SELECT id FROM audit_event WHERE workspace_id = $1 AND actor_user_id IS NULL AND data ? 'ruleRunId'`, [rig.workspace.id]),
    ).toEqual([]);

    const paged: AuditItem[] = [];
    let cursor: string | null = null;
    do {
      const page = (await admin.agent.get(`/api/audit-events?limit=3${cursor ? `&cursor=${cursor}` : ''}`).expect(200)).body as {
        items: AuditItem[];
        nextCursor: string | null;
      };
      paged.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged.map((i) => `${i.action}:${i.id}`)).toEqual(all.items.map((i) => `${i.action}:${i.id}`));
    const times = paged.map((i) => i.createdAt);
    expect([...times].sort().reverse()).toEqual(times);

    // Filters: a person's events hold no run; a thread's hold its runs; another target type none.
    const mine = (await admin.agent.get(`/api/audit-events?limit=200&actorUserId=${admin.user.id}`).expect(200)).body.items as AuditItem[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((i) => i.actor?.id === admin.user.id)).toBe(true);
    const [first] = fromRuns;
    const ofThread = (await admin.agent.get(`/api/audit-events?limit=200&targetId=${first.targetId}`).expect(200)).body.items as AuditItem[];
    expect(ofThread.some((i) => i.data.ruleRunId === first.data.ruleRunId)).toBe(true);
    expect(ofThread.every((i) => i.targetId === first.targetId)).toBe(true);
    expect(
      ((await admin.agent.get('/api/audit-events?limit=200&targetType=session').expect(200)).body.items as AuditItem[]).every(
        (i) => i.targetType === 'session',
      ),
    ).toBe(true);
    await admin.agent.get('/api/audit-events?targetId=not-a-thread').expect(200);
  }, 60_000);
});
