import { login, makeLoginUser, waitFor, type Session } from './support';
import { ModerationRig, type MessageRef } from './moderation-rig';

interface Item {
  id: string;
  threadId: string;
  actions: string[];
  privateReply: { messageId: string; threadId: string } | null;
  delivery: string | null;
  externalId: string | null;
  text: string;
}

/**
 * Private replies to Instagram comments (docs/instagram.md): POST /api/messages/:id/private-reply
 * stores the direct message in the thread with the comment's author (dm:<IGSID>), the outbound
 * worker sends it to the sim exactly once — a double click included — and every case Instagram
 * refuses (a second one, older than 7 days, hidden, not a customer's comment) is refused before
 * anything is stored. Beside it: the admins' HUMAN_AGENT setting and the thread's reply window.
 */
describe('Instagram private replies and the HUMAN_AGENT setting (API → outbound queue → worker → sim)', () => {
  let rig: ModerationRig;
  let admin: Session;
  let comments: MessageRef[];

  beforeAll(async () => {
    rig = await ModerationRig.start({ network: 'instagram', seed: 27, items: 150, knownAuthorsOnly: true });
    admin = await login(rig.app, (await makeLoginUser(rig.db.dataSource, rig.workspace, 'admin')).email);
    // Customers' top-level comments under the account's own media, with a known author, written in the last few days.
    comments = await rig.pick(
      `NOT m.is_from_account AND m.external_id = t.thread_key AND t.channel = 'comment' AND m.author_contact_id IS NOT NULL
       AND m.created_at > now() - interval '5 days'`,
      6,
    );
    expect(comments).toHaveLength(6);
  }, 90_000);
  afterAll(async () => {
    await rig?.close();
  });

  const send = (s: Session, id: string, text: unknown) => s.agent.post(`/api/messages/${id}/private-reply`).set('x-csrf-token', s.csrf).send({ text });
  const item = async (m: { id: string; threadId: string }): Promise<Item> => {
    const page = await rig.agent.agent.get(`/api/threads/${m.threadId}/messages?limit=200`).expect(200);
    return (page.body.items as Item[]).find((i) => i.id === m.id)!;
  };
  const privateCalls = async (commentExternalId: string) =>
    (await rig.received()).filter((r) => r.kind === 'private_message' && r.targetId === commentExternalId);
  const storedReplies = async (commentId: string) =>
    rig.db.dataSource.query<Array<{ id: string; delivery: string; thread_key: string }>>(
      `SELECT m.id::text, m.delivery, t.thread_key FROM message m JOIN thread t ON t.id = m.thread_id WHERE m.private_reply_to = $1`,
      [commentId],
    );

  it('offers private_reply on a customer comment, sends a double-clicked one exactly once, into the author’s direct thread', async () => {
    const c = comments[0];
    expect((await item(c)).actions).toContain('private_reply');
    const text = `Wir schreiben Ihnen privat: ${Date.now()}`;
    // A double click: two requests at once with the same text.
    const [a, b] = await Promise.all([send(rig.agent, c.id, text), send(rig.agent, c.id, text)]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(b.body.reply.id).toBe(a.body.reply.id);
    expect(a.body.comment).toMatchObject({ id: c.id, privateReply: { messageId: a.body.reply.id, threadId: a.body.reply.threadId } });
    expect(a.body.comment.actions).not.toContain('private_reply');
    expect(a.body.reply).toMatchObject({ direction: 'outbound', text, parentExternalId: c.externalId });
    expect(a.body.reply.threadId).not.toBe(c.threadId);

    const delivered = await waitFor(async () => {
      const [row] = await storedReplies(c.id);
      return row?.delivery === 'sent' ? row : undefined;
    }, 20_000);
    const [{ author }] = await rig.db.dataSource.query<Array<{ author: string }>>(
      `SELECT ac.external_id AS author FROM message m JOIN contact ac ON ac.id = m.author_contact_id WHERE m.id = $1`,
      [c.id],
    );
    expect(delivered.thread_key).toBe(`dm:${author}`);
    expect(await storedReplies(c.id)).toHaveLength(1);
    const calls = await privateCalls(c.externalId);
    expect(calls.map((r) => [r.kind, r.text])).toEqual([['private_message', text]]);
    expect((await item({ id: a.body.reply.id, threadId: a.body.reply.threadId })).externalId).toBe(calls[0].externalId);

    // Audited once, by the agent, on the direct thread.
    const audit = await rig.db.dataSource.query<Array<{ action: string; actor: string }>>(
      `SELECT action, actor_user_id::text AS actor FROM audit_event WHERE action = 'message.private_reply' AND target_id = $1`,
      [a.body.reply.threadId],
    );
    expect(audit).toEqual([{ action: 'message.private_reply', actor: rig.agent.user.id }]);

    // A second private reply to the same comment (another text): refused, nothing stored or sent.
    const again = await send(rig.agent, c.id, 'Noch etwas').expect(409);
    expect(again.body.code).toBe('PRIVATE_REPLY_SENT');
    expect(await storedReplies(c.id)).toHaveLength(1);
    expect(await privateCalls(c.externalId)).toHaveLength(1);
  });

  it('refuses older than 7 days, hidden, a private message and the account’s own reply — with the reason, changing nothing', async () => {
    const [old, hidden] = [comments[1], comments[2]];
    await rig.db.dataSource.query(`UPDATE message SET created_at = now() - interval '8 days' WHERE id = $1`, [old.id]);
    await rig.db.dataSource.query(`UPDATE message SET hidden = true WHERE id = $1`, [hidden.id]);
    expect((await item(old)).actions).not.toContain('private_reply');
    expect((await item(hidden)).actions).not.toContain('private_reply');
    expect((await send(rig.agent, old.id, 'Hallo').expect(409)).body.code).toBe('PRIVATE_REPLY_EXPIRED');
    expect((await send(rig.agent, hidden.id, 'Hallo').expect(409)).body.code).toBe('PRIVATE_REPLY_HIDDEN');

    // The private reply of the first test is a direct message itself; the account's own comment is no customer's.
    const [reply] = await storedReplies(comments[0].id);
    expect((await send(rig.agent, reply.id, 'Hallo').expect(409)).body.code).toBe('ACTION_NOT_ALLOWED');
    const [own] = await rig.pick(`m.is_from_account AND t.channel = 'comment'`, 1);
    if (own) expect((await send(rig.agent, own.id, 'Hallo').expect(409)).body.code).toBe('ACTION_NOT_ALLOWED');

    // Bad input: 400, nothing stored.
    const fresh = comments[3];
    await send(rig.agent, fresh.id, '   ').expect(400);
    await send(rig.agent, fresh.id, 42).expect(400);
    await send(rig.agent, fresh.id, 'ü'.repeat(600)).expect(400);
    await send(rig.agent, fresh.id, 'Hallo {{contact.name}}').expect(400);
    await send(rig.agent, '999999999', 'Hallo').expect(404);
    for (const c of [old, hidden, fresh]) {
      expect(await storedReplies(c.id)).toEqual([]);
      expect(await privateCalls(c.externalId)).toEqual([]);
    }
    // Without the CSRF token nothing happens either.
    await rig.agent.agent.post(`/api/messages/${fresh.id}/private-reply`).send({ text: 'Hallo' }).expect(403);
    expect(await storedReplies(fresh.id)).toEqual([]);
  });

  it('HUMAN_AGENT: admins record it (CSRF, audited), others cannot; the thread’s reply window follows it', async () => {
    // A direct thread whose customer wrote 30 hours ago: closed at 24 hours, open with the approval (7 days).
    const [dm] = await rig.db.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO thread (workspace_id, channel_account_id, network, thread_key, channel, last_message_at, last_inbound_at)
       VALUES ($1, $2, 'instagram', 'dm:window-test', 'direct', now() - interval '30 hours', now() - interval '30 hours') RETURNING id::text`,
      [rig.workspace.id, rig.channel.id],
    );
    const windowOf = async () => (await rig.agent.agent.get(`/api/threads/${dm.id}`).expect(200)).body.replyWindow;
    expect(await windowOf()).toMatchObject({ hours: 24, humanAgent: false, closed: true });
    expect((await admin.agent.get('/api/settings').expect(200)).body.humanAgentTagApproved).toBe(false);

    await rig.agent.agent.put('/api/settings/human-agent-tag').set('x-csrf-token', rig.agent.csrf).send({ approved: true }).expect(403);
    await admin.agent.put('/api/settings/human-agent-tag').send({ approved: true }).expect(403);
    await admin.agent.put('/api/settings/human-agent-tag').set('x-csrf-token', admin.csrf).send({ approved: 'yes' }).expect(400);
    await admin.agent.put('/api/settings/human-agent-tag').set('x-csrf-token', admin.csrf).send({}).expect(400);
    expect((await admin.agent.get('/api/settings').expect(200)).body.humanAgentTagApproved).toBe(false);

    const on = await admin.agent.put('/api/settings/human-agent-tag').set('x-csrf-token', admin.csrf).send({ approved: true }).expect(200);
    expect(on.body.humanAgentTagApproved).toBe(true);
    expect(await windowOf()).toMatchObject({ hours: 168, humanAgent: true, closed: false });
    await admin.agent.put('/api/settings/human-agent-tag').set('x-csrf-token', admin.csrf).send({ approved: false }).expect(200);
    expect(await windowOf()).toMatchObject({ hours: 24, humanAgent: false, closed: true });
    const audit = await rig.db.dataSource.query<Array<{ data: { approved: boolean; was: boolean } }>>(
      `SELECT data FROM audit_event WHERE action = 'settings.human_agent_tag' AND workspace_id = $1 ORDER BY id`,
      [rig.workspace.id],
    );
    expect(audit.map((a) => [a.data.approved, a.data.was])).toEqual([
      [true, false],
      [false, true],
    ]);
    // Comment threads have no window.
    expect((await rig.agent.agent.get(`/api/threads/${comments[0].threadId}`).expect(200)).body.replyWindow).toBeNull();
  });
});
