import { login, makeLoginUser, waitFor } from './support';
import { ModerationRig } from './moderation-rig';

/**
 * YouTube's held-for-review comments (docs/moderation.md): the sync reads them
 * (commentThreads.list moderationStatus=heldForReview), the inbox lists them under "Held for
 * review", publishing one reaches YouTube exactly once and it leaves the view; a later sync, which
 * lists it as published, keeps it so.
 */
describe('YouTube held for review (sim → sync → inbox view → publish at the sim once)', () => {
  let rig: ModerationRig;

  beforeAll(async () => {
    rig = await ModerationRig.start({ network: 'youtube', seed: 13, items: 60 });
  }, 60_000);
  afterAll(() => rig?.close());

  it('syncs a held comment into the view; publish reaches YouTube once, the view empties, the next sync keeps it published', async () => {
    // A new comment on the channel that YouTube holds for review.
    const fresh = rig.sim.traffic.generate(40, 'youtube');
    const held = fresh.find((t) => t.kind === 'comment' && t.parentExternalId === null && !t.fromAccount && t.postExternalId !== null)!;
    expect(held).toBeDefined();
    const hold = await fetch(`${rig.sim.url}/_sim/youtube/hold`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ commentId: held.externalId }),
    });
    expect(hold.status).toBe(200);

    const admin = await login(rig.app, (await makeLoginUser(rig.db.dataSource, rig.workspace, 'admin')).email);
    await admin.agent.post(`/api/channels/${rig.channel.id}/sync`).set('x-csrf-token', admin.csrf).expect(202);
    const view = () => rig.agent.agent.get('/api/threads?heldForReview=true').expect(200);
    const listed = await waitFor(async () => {
      const items = (await view()).body.items as Array<{ id: string }>;
      return items.length ? items : undefined;
    }, 30_000);
    expect(listed).toHaveLength(1);
    const [message] = await rig.pick(`m.external_id = '${held.externalId}'`, 1);
    expect(message.threadId).toBe(listed[0].id);
    expect(await rig.item(message)).toMatchObject({ hidden: true, heldForReview: true, actions: ['unhide', 'hide', 'ban'] });

    await rig.act(message.id, 'unhide').expect(202);
    expect(await rig.settled(message.id)).toMatchObject({ action: 'unhide', state: 'done', error: null });
    const calls = (await rig.received()).filter((r) => r.targetId === held.externalId);
    expect(calls.map((c) => [c.kind, c.body])).toEqual([['comment_unhide', expect.objectContaining({ moderationStatus: 'published' })]]);
    expect(await rig.item(message)).toMatchObject({ hidden: false, heldForReview: false, actions: ['hide', 'ban'] });
    expect((await view()).body.items).toEqual([]);

    // The next sync lists it as published (the comments walk): nothing changes, nothing more reaches YouTube.
    await waitFor(async () => {
      const res = await admin.agent.post(`/api/channels/${rig.channel.id}/sync`).set('x-csrf-token', admin.csrf);
      return res.status === 202 ? true : undefined;
    }, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await rig.item(message)).toMatchObject({ hidden: false, heldForReview: false });
    expect((await rig.received()).filter((r) => r.targetId === held.externalId)).toHaveLength(1);
  }, 90_000);
});
