import type { RuleInput } from '@resonance/contracts';
import { IngestStore, queueRuleWork } from '@resonance/worker';
import { ModerationRig } from './moderation-rig';
import { login, makeLoginUser, waitFor, type Session } from './support';

const SEED = 2501;

/**
 * Rules that moderate and route (docs/rules.md), ground truth at the sim: rules run in the ingest in
 * their order and stop where a matching rule says so; a suggestion accepted reaches the network
 * exactly once and counts for its rule; an automatic hide reaches the network exactly once, is in
 * the audit log with its rule and under "Hidden by rules", and its undo reaches the network.
 */
describe('rules (ingest → suggestion/automatic action → outbound worker → sim)', () => {
  let rig: ModerationRig;
  let admin: Session;
  let store: IngestStore;
  let serial = 0;

  beforeAll(async () => {
    console.log(`rules.int-spec seed ${SEED}`);
    rig = await ModerationRig.start({ network: 'facebook', seed: SEED, items: 20 });
    admin = await login(rig.app, (await makeLoginUser(rig.db.dataSource, rig.workspace, 'admin')).email);
    store = new IngestStore(rig.db.dataSource, { rulesRecheckMs: 0, onRuleWork: (work) => queueRuleWork(rig.queue, work) });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await rig?.close();
  });

  const post = (path: string, body?: object) => admin.agent.post(path).set('x-csrf-token', admin.csrf).send(body);
  const put = (path: string, body: object) => admin.agent.put(path).set('x-csrf-token', admin.csrf).send(body);
  const rule = (over: Partial<RuleInput>): RuleInput => ({ name: 'r', enabled: true, mode: 'auto', stopAfter: false, conditions: [], actions: [], ...over });

  /** A new comment at the sim, stored as a sync stores it, with our text and (by default) an author never seen before. */
  async function arrive(text: string, authorId = `new-author-${SEED}-${++serial}`): Promise<{ id: string; threadId: string; externalId: string }> {
    const record = rig.nextSimComment(text, authorId);
    await store.ingest(rig.channel.id, [record]);
    const [m] = await rig.pick(`m.external_id = '${record.externalId}'`, 1);
    return m;
  }
  const thread = async (id: string) =>
    (await rig.agent.agent.get(`/api/threads/${id}`).expect(200)).body as { priority: number; tags: string[]; status: string };
  const activity = async (threadId: string) => (await rig.agent.agent.get(`/api/threads/${threadId}/rule-activity`).expect(200)).body;
  const rules = async () =>
    (await admin.agent.get('/api/rules').expect(200)).body.items as Array<{
      id: string;
      name: string;
      matchedCount: number;
      suggestedCount: number;
      acceptedCount: number;
    }>;
  const removeAll = async () => {
    for (const r of await rules()) await admin.agent.delete(`/api/rules/${r.id}`).set('x-csrf-token', admin.csrf).expect(204);
  };

  it('refuses rules that are not well-formed, unsafe or reply where automated replies are not allowed, in words and with a code', async () => {
    const unsafe = await post('/api/rules', rule({ conditions: [{ type: 'regex', pattern: '(a+)+$' }], actions: [{ type: 'hide' }] })).expect(400);
    expect(unsafe.body).toMatchObject({ code: 'RULE_REGEX_UNSAFE', path: 'conditions.0.pattern' });
    const reply = await post('/api/rules', rule({ actions: [{ type: 'reply', cannedResponseId: '00000000-0000-4000-8000-000000000001' }] })).expect(400);
    expect(reply.body.code).toBe('RULE_REPLY_NOT_ALLOWED');
    const strange = await post('/api/rules', rule({ conditions: [{ type: 'sentiment' } as never], actions: [{ type: 'hide' }] })).expect(400);
    expect(strange.body).toMatchObject({ code: 'RULE_INVALID', path: 'conditions.0' });
    await rig.agent.agent
      .post('/api/rules')
      .set('x-csrf-token', rig.agent.csrf)
      .send(rule({ actions: [{ type: 'hide' }] }))
      .expect(403);
  });

  it('evaluates rules in their order and stops after a matching rule that says so', async () => {
    const links = (
      await post('/api/rules', rule({ name: 'links', stopAfter: true, conditions: [{ type: 'link' }], actions: [{ type: 'tags', tags: ['link'] }] })).expect(
        201,
      )
    ).body;
    const urgent = (
      await post(
        '/api/rules',
        rule({ name: 'urgent', conditions: [{ type: 'keywords', words: ['dringend', 'urgent'] }], actions: [{ type: 'priority', priority: 3 }] }),
      ).expect(201)
    ).body;
    const a = await arrive('Dringend: siehe www.example.com');
    expect(await thread(a.threadId)).toMatchObject({ tags: expect.arrayContaining(['link']) });
    expect((await thread(a.threadId)).priority).not.toBe(3);
    const b = await arrive('URGENT, bitte antworten');
    expect((await thread(b.threadId)).priority).toBe(3);
    // Reversed: "urgent" first, and it does not stop, so both apply.
    await put('/api/rules/order', { ids: [urgent.id, links.id] }).expect(200);
    const c = await arrive('dringend www.example.org');
    expect(await thread(c.threadId)).toMatchObject({ priority: 3, tags: expect.arrayContaining(['link']) });
    const counts = await rules();
    expect(counts.find((r) => r.name === 'links')!.matchedCount).toBe(2);
    expect(counts.find((r) => r.name === 'urgent')!.matchedCount).toBe(2);
    // Undo of an automatic priority restores what it replaced.
    const run = (await activity(c.threadId)).runs.find((r: { action: { type: string } }) => r.action.type === 'priority');
    await post(`/api/rule-runs/${run.id}/undo`).expect(200);
    expect((await thread(c.threadId)).priority).not.toBe(3);
    await removeAll();
  }, 60_000);

  it('suggest mode: the suggestion waits for a person; accepting hides the comment at the network exactly once', async () => {
    const created = (
      await post(
        '/api/rules',
        rule({ name: 'links from first-time commenters', mode: 'suggest', conditions: [{ type: 'link' }, { type: 'firstTime' }], actions: [{ type: 'hide' }] }),
      ).expect(201)
    ).body;
    const known = `known-${SEED}`;
    await arrive('first words, no link', known);
    const notFirst = await arrive('now with https://spam.example/x', known);
    expect((await activity(notFirst.threadId)).suggestions.filter((s: { messageId: string }) => s.messageId === notFirst.id)).toEqual([]);

    const m = await arrive('Gewinnspiel! https://spam.example/win');
    const [suggestion] = (await activity(m.threadId)).suggestions.filter((s: { messageId: string }) => s.messageId === m.id);
    expect(suggestion).toMatchObject({ ruleName: 'links from first-time commenters', action: { type: 'hide' }, state: 'pending' });
    await new Promise((r) => setTimeout(r, 500));
    expect(await rig.receivedFor(m.externalId)).toEqual([]);

    await post(`/api/rule-suggestions/${suggestion.id}/accept`).expect(200);
    await post(`/api/rule-suggestions/${suggestion.id}/accept`).expect(200);
    expect((await rig.settled(m.id)).state).toBe('done');
    expect(await rig.receivedFor(m.externalId)).toEqual(['comment_hide']);
    expect((await rig.item(m)).hidden).toBe(true);
    const counted = (await rules()).find((r) => r.id === created.id)!;
    expect(counted).toMatchObject({ matchedCount: 1, suggestedCount: 1, acceptedCount: 1 });
  }, 60_000);

  it('auto mode: the next match is hidden at the network exactly once without anyone, audited with its rule, listed, and undone', async () => {
    const [current] = await rules();
    await put(
      `/api/rules/${current.id}`,
      rule({ name: current.name, mode: 'auto', conditions: [{ type: 'link' }, { type: 'firstTime' }], actions: [{ type: 'hide' }] }),
    ).expect(200);
    const m = await arrive('cheap followers at bestdeal.shop');
    expect((await rig.settled(m.id)).state).toBe('done');
    expect(await rig.receivedFor(m.externalId)).toEqual(['comment_hide']);

    const audit = await waitFor(async () => {
      const res = await admin.agent.get(`/api/audit-events?action=rule.hide&targetId=${m.threadId}`).expect(200);
      return res.body.items[0];
    });
    expect(audit.data).toMatchObject({ ruleId: current.id, ruleName: current.name, messageId: m.id });
    expect(audit.actor).toBeNull();

    const hidden = (await rig.agent.agent.get('/api/rules/hidden').expect(200)).body.items as Array<{ messageId: string; runId: string; ruleName: string }>;
    const listed = hidden.find((h) => h.messageId === m.id);
    expect(listed).toMatchObject({ ruleName: current.name });

    await rig.agent.agent.post(`/api/rule-runs/${listed!.runId}/undo`).set('x-csrf-token', rig.agent.csrf).expect(200);
    expect((await rig.settled(m.id)).state).toBe('done');
    expect(await rig.receivedFor(m.externalId)).toEqual(['comment_hide', 'comment_unhide']);
    expect((await rig.item(m)).hidden).toBe(false);
    const after = (await rig.agent.agent.get('/api/rules/hidden').expect(200)).body.items as Array<{ messageId: string }>;
    expect(after.some((h) => h.messageId === m.id)).toBe(false);
    const run = (await activity(m.threadId)).runs.find((r: { messageId: string }) => r.messageId === m.id);
    expect(run).toMatchObject({ undoable: false, undoneBy: { name: expect.any(String) } });
  }, 60_000);

  it('a delete cannot be undone, and says so', async () => {
    await removeAll();
    await post('/api/rules', rule({ name: 'scam', conditions: [{ type: 'keywords', words: ['crypto doubler'] }], actions: [{ type: 'delete' }] })).expect(201);
    const m = await arrive('Try the Crypto  Doubler now');
    expect((await rig.settled(m.id)).state).toBe('done');
    expect(await rig.receivedFor(m.externalId)).toEqual(['comment_delete']);
    const run = (await activity(m.threadId)).runs[0];
    expect(run.undoable).toBe(false);
    const refused = await post(`/api/rule-runs/${run.id}/undo`).expect(409);
    expect(refused.body.code).toBe('RULE_UNDO_IMPOSSIBLE');
  }, 60_000);

  it('routes and replies on its own: a canned reply reaches the network once, round-robin assignment, mark handled and its undo', async () => {
    await removeAll();
    const canned = (await post('/api/canned-responses', { title: 'Thanks', text: 'Danke für Ihre Nachricht!' }).expect(201)).body;
    const created = await post(
      '/api/rules',
      rule({
        name: 'thank and route',
        conditions: [
          { type: 'network', networks: ['facebook'] },
          { type: 'kind', kinds: ['comment'] },
          { type: 'keywords', words: ['danke schön'] },
        ],
        actions: [{ type: 'reply', cannedResponseId: canned.id }, { type: 'assignRoundRobin' }, { type: 'markHandled' }],
      }),
    ).expect(201);
    expect(created.body.actions).toHaveLength(3);
    const m = await arrive('Danke   schön für alles');
    const replies = await waitFor(async () => {
      const calls = (await rig.received()).filter((r) => r.kind === 'comment_reply' && r.targetId === m.externalId);
      return calls.length ? calls : undefined;
    }, 15_000);
    expect(replies).toHaveLength(1);
    const after = (await rig.agent.agent.get(`/api/threads/${m.threadId}`).expect(200)).body;
    expect(after.status).toBe('closed');
    expect(after.assignee).not.toBeNull();
    const { runs } = await activity(m.threadId);
    expect(runs.map((r: { action: { type: string }; undoable: boolean }) => [r.action.type, r.undoable])).toEqual([
      ['reply', false],
      ['assignRoundRobin', true],
      ['markHandled', true],
    ]);
    await post(`/api/rule-runs/${runs[2].id}/undo`).expect(200);
    expect((await thread(m.threadId)).status).toBe('open');
    expect((await post(`/api/rule-runs/${runs[0].id}/undo`).expect(409)).body.code).toBe('RULE_UNDO_IMPOSSIBLE');
  }, 60_000);
});
