import { DEMO_XING_CONSUMER } from '@resonance/sim';
import { ModerationRig, type MessageRef } from './moderation-rig';

/**
 * Moderation on XING (docs/moderation.md): the partner API lets the company delete its own comments
 * and nothing else on comments. Its own comment is deleted once at the sim; members' comments offer
 * nothing, the message says XING allows no moderation of them, and every request is refused.
 */
describe('moderation on XING (API → outbound queue → worker → sim)', () => {
  let rig: ModerationRig;
  let replies: MessageRef[];
  let own: MessageRef;

  beforeAll(async () => {
    rig = await ModerationRig.start({
      network: 'xing',
      seed: 13,
      items: 120,
      knownAuthorsOnly: true,
      settings: { XING_CONSUMER_KEY: DEMO_XING_CONSUMER.consumerKey, XING_CONSUMER_SECRET: DEMO_XING_CONSUMER.consumerSecret, XING_CALLS_PER_MINUTE: '100000' },
    });
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

  it("offers the company's own comment delete only; members' comments nothing, with the plain word that XING allows none", async () => {
    expect(await item(own)).toMatchObject({ actions: ['delete'], moderationUnavailable: true });
    expect(await item(replies[0])).toMatchObject({ actions: [], moderationUnavailable: true });
  });

  it("deletes the company's own comment once at XING; shown deleted here, nothing offered any more", async () => {
    await act(own.id, 'delete').expect(202);
    expect(await settled(own.id)).toMatchObject({ action: 'delete', state: 'done', error: null });
    expect(await receivedFor(own.externalId)).toEqual(['comment_delete']);
    expect(await item(own)).toMatchObject({ deleted: true, actions: [] });
  });

  it("refuses every action on a member's comment with a clear reason; nothing reaches XING", async () => {
    const before = (await received()).length;
    for (const action of ['like', 'hide', 'delete']) {
      expect((await act(replies[0].id, action).expect(409)).body).toMatchObject({
        code: 'ACTION_NOT_ALLOWED',
        message: expect.stringMatching(/^xing does not allow/),
      });
    }
    expect((await received()).length).toBe(before);
  });
});
