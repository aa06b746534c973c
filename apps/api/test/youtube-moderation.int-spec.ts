import { DEMO_ACCOUNTS } from '@resonance/sim';
import { ModerationRig, type MessageRef } from './moderation-rig';

const demoYt = DEMO_ACCOUNTS.find((a) => a.network === 'youtube')!;

/**
 * Moderation on YouTube (docs/moderation.md), ground truth at the sim: others' comments can be
 * hidden (setModerationStatus rejected), shown again (published) or hidden with their author
 * banned; the channel's own comments deleted; no like (the API has none). Each reaches the sim once.
 */
describe('moderation on YouTube (API → outbound queue → worker → sim)', () => {
  let rig: ModerationRig;
  let replies: MessageRef[];
  let own: MessageRef;

  beforeAll(async () => {
    rig = await ModerationRig.start({ network: 'youtube', seed: 9, items: 200 });
    replies = await rig.pick(`NOT m.is_from_account`, 3);
    [own] = await rig.pick(`m.is_from_account`, 1);
    expect(replies).toHaveLength(3);
    expect(own).toBeDefined();
  }, 60_000);
  afterAll(() => rig?.close());

  const act = (id: string, action: string) => rig.act(id, action);
  const received = () => rig.received();
  const receivedFor = (externalId: string) => rig.receivedFor(externalId);
  const item = (m: MessageRef) => rig.item(m);
  const settled = (id: string) => rig.settled(id);
  const ytList = async (id: string) =>
    (await (
      await fetch(`${rig.sim.url}/youtube/youtube/v3/comments?part=snippet&id=${id}`, {
        headers: { authorization: `Bearer ${demoYt.credentials.accessToken}` },
      })
    ).json()) as { items: unknown[] };

  it("offers what YouTube allows now: others' comments hide and ban, the channel's own delete; no like", async () => {
    expect(await item(replies[0])).toMatchObject({ actions: ['hide', 'ban'], moderationUnavailable: false });
    expect(await item(own)).toMatchObject({ actions: ['delete'] });
  });

  it('hide (rejected) and unhide (published): once each at YouTube, hidden and handled, then shown again', async () => {
    const r = replies[0];
    await act(r.id, 'hide').expect(202);
    expect(await settled(r.id)).toMatchObject({ action: 'hide', state: 'done', error: null });
    expect(await item(r)).toMatchObject({ hidden: true, handledAction: 'hide', actions: ['unhide', 'ban'] });
    await act(r.id, 'unhide').expect(202);
    expect(await settled(r.id)).toMatchObject({ action: 'unhide', state: 'done' });
    expect(await receivedFor(r.externalId)).toEqual(['comment_hide', 'comment_unhide']);
    const calls = (await received()).filter((i) => i.targetId === r.externalId).map((i) => i.body);
    expect(calls).toEqual([expect.objectContaining({ moderationStatus: 'rejected' }), expect.objectContaining({ moderationStatus: 'published' })]);
    expect(await item(r)).toMatchObject({ hidden: false, handledAction: null });
  });

  it('ban: rejected with banAuthor once at YouTube; hidden and handled as a hide', async () => {
    const r = replies[1];
    await act(r.id, 'ban').expect(202);
    expect(await settled(r.id)).toMatchObject({ action: 'ban', state: 'done' });
    const calls = (await received()).filter((i) => i.targetId === r.externalId);
    expect(calls.map((i) => i.kind)).toEqual(['comment_ban']);
    expect(calls[0].body).toMatchObject({ moderationStatus: 'rejected', banAuthor: 'true' });
    expect(await item(r)).toMatchObject({ hidden: true, handledAction: 'hide' });
  });

  it("delete of the channel's own comment: once at YouTube, gone from its reads; a like is refused (nothing reaches YouTube)", async () => {
    await act(own.id, 'delete').expect(202);
    expect(await settled(own.id)).toMatchObject({ action: 'delete', state: 'done' });
    expect(await receivedFor(own.externalId)).toEqual(['comment_delete']);
    expect((await ytList(own.externalId)).items).toEqual([]);
    expect(await item(own)).toMatchObject({ deleted: true, actions: [] });
    const before = (await received()).length;
    expect((await act(replies[2].id, 'like').expect(409)).body).toMatchObject({
      code: 'ACTION_NOT_ALLOWED',
      message: expect.stringMatching(/^youtube does not allow like/),
    });
    expect((await act(replies[2].id, 'delete').expect(409)).body).toMatchObject({ code: 'ACTION_NOT_ALLOWED' });
    expect((await received()).length).toBe(before);
  });
});
