import { ensureOutboundJob } from '@resonance/queue';
import { DEMO_ACCOUNTS } from '@resonance/sim';
import { ModerationRig, type MessageRef } from './moderation-rig';

const demoX = DEMO_ACCOUNTS.find((a) => a.network === 'x')!;

/**
 * Moderation on X (docs/moderation.md), ground truth at the sim: the API offers per tweet what X
 * allows now (hide/unhide only replies in the account's own conversations, like/unlike any tweet,
 * delete only the account's own), each action reaches the sim exactly once, a retry after a crash
 * that had already reached X asks X instead of calling again, and X's refusals arrive as the
 * action's failure reason.
 */
describe('moderation on X (API → outbound queue → worker → sim)', () => {
  let rig: ModerationRig;
  let replies: MessageRef[];
  let mention: MessageRef;
  let own: MessageRef;

  beforeAll(async () => {
    rig = await ModerationRig.start({ network: 'x', seed: 7, items: 200 });
    replies = await rig.pick(`NOT m.is_from_account AND t.post_external_id IS NOT NULL`, 3);
    [mention] = await rig.pick(`NOT m.is_from_account AND t.post_external_id IS NULL`, 1);
    [own] = await rig.pick(`m.is_from_account`, 1);
    expect(replies).toHaveLength(3);
    expect(mention).toBeDefined();
    expect(own).toBeDefined();
  }, 60_000);
  afterAll(() => rig?.close());

  const act = (id: string, action: string) => rig.act(id, action);
  const received = () => rig.received();
  const receivedFor = (externalId: string) => rig.receivedFor(externalId);
  const item = (m: MessageRef) => rig.item(m);
  const settled = (id: string) => rig.settled(id);
  const xApi = (path: string, init: { method: string; body?: unknown }) =>
    fetch(`${rig.sim.url}/x/2/${path}`, {
      method: init.method,
      headers: { authorization: `Bearer ${demoX.credentials.accessToken}`, 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });

  it('offers per tweet what X allows now: a reply in its own conversation like+hide, a mention like only, its own tweet delete', async () => {
    expect(await item(replies[0])).toMatchObject({ actions: ['like', 'hide'], moderationUnavailable: false });
    expect(await item(mention)).toMatchObject({ actions: ['like'] });
    expect(await item(own)).toMatchObject({ actions: ['delete'] });
  });

  it('hide: once at X, hidden and handled here, the wait ends; then unhide is offered, and unhide reaches X once', async () => {
    const r = replies[0];
    await rig.db.dataSource.query(`UPDATE thread SET waiting_since = now() - interval '5 minutes' WHERE id = $1`, [r.threadId]);
    await act(r.id, 'hide').expect(202);
    expect(await settled(r.id)).toMatchObject({ action: 'hide', state: 'done', error: null });
    expect(await receivedFor(r.externalId)).toEqual(['comment_hide']);
    expect(await item(r)).toMatchObject({ hidden: true, handledAction: 'hide', actions: ['like', 'unhide'] });
    const [thread] = await rig.db.dataSource.query<Array<{ waiting: boolean }>>(`SELECT waiting_since IS NOT NULL AS waiting FROM thread WHERE id = $1`, [
      r.threadId,
    ]);
    expect(thread.waiting).toBe(false);
    await act(r.id, 'unhide').expect(202);
    expect(await settled(r.id)).toMatchObject({ action: 'unhide', state: 'done' });
    expect(await receivedFor(r.externalId)).toEqual(['comment_hide', 'comment_unhide']);
    expect(await item(r)).toMatchObject({ hidden: false, handledAction: null, actions: ['like', 'hide'] });
  });

  it('like and unlike a mention: once each at X, shown in its liked_tweets', async () => {
    await act(mention.id, 'like').expect(202);
    expect(await settled(mention.id)).toMatchObject({ action: 'like', state: 'done' });
    const liked = (await (await xApi(`users/${demoX.externalId}/liked_tweets`, { method: 'GET' })).json()) as { data?: Array<{ id: string }> };
    expect(liked.data?.map((t) => t.id)).toContain(mention.externalId);
    expect(await item(mention)).toMatchObject({ liked: true, handledAction: 'like', actions: ['unlike'] });
    await act(mention.id, 'unlike').expect(202);
    expect(await settled(mention.id)).toMatchObject({ action: 'unlike', state: 'done' });
    expect(await receivedFor(mention.externalId)).toEqual(['comment_like', 'comment_unlike']);
  });

  it("delete of the account's own tweet: once at X, gone from its reads, deleted here, nothing offered any more", async () => {
    await act(own.id, 'delete').expect(202);
    expect(await settled(own.id)).toMatchObject({ action: 'delete', state: 'done' });
    expect(await receivedFor(own.externalId)).toEqual(['comment_delete']);
    const lookup = (await (await xApi(`tweets/${own.externalId}`, { method: 'GET' })).json()) as { data?: unknown; errors?: unknown[] };
    expect(lookup.data).toBeUndefined();
    expect(lookup.errors).toHaveLength(1);
    expect(await item(own)).toMatchObject({ deleted: true, actions: [] });
  });

  it("refused with a clear reason where X does not allow it: hiding a mention, deleting a customer's tweet (nothing reaches X)", async () => {
    const before = (await received()).length;
    expect((await act(mention.id, 'hide').expect(409)).body).toMatchObject({ code: 'ACTION_NOT_ALLOWED' });
    expect((await act(replies[1].id, 'delete').expect(409)).body).toMatchObject({ code: 'ACTION_NOT_ALLOWED' });
    expect((await act(replies[1].id, 'ban').expect(409)).body).toMatchObject({
      code: 'ACTION_NOT_ALLOWED',
      message: expect.stringMatching(/^x does not allow ban/),
    });
    expect((await received()).length).toBe(before);
  });

  it('a retry after a crash that had reached X (attempted, not recorded) asks X and does not like again', async () => {
    const r = replies[2];
    // The earlier attempt's call reached X; its worker died before recording the answer.
    expect((await xApi(`users/${demoX.externalId}/likes`, { method: 'POST', body: { tweet_id: r.externalId } })).status).toBe(200);
    const [{ id: actionId }] = await rig.db.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO message_action (workspace_id, message_id, action, requested_by, attempted_at) VALUES ($1, $2, 'like', $3, now()) RETURNING id::text`,
      [rig.workspace.id, r.id, rig.agent.user.id],
    );
    await ensureOutboundJob(rig.queue, { kind: 'moderation', actionId }, () => false);
    expect(await settled(r.id)).toMatchObject({ id: actionId, action: 'like', state: 'done' });
    expect(await receivedFor(r.externalId)).toEqual(['comment_like']);
    expect(await item(r)).toMatchObject({ liked: true, handledAction: 'like' });
  });
});
