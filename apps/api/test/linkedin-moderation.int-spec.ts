import { DEMO_ACCOUNTS } from '@resonance/sim';
import { ModerationRig, type MessageRef } from './moderation-rig';

const demoLi = DEMO_ACCOUNTS.find((a) => a.network === 'linkedin')!;

/**
 * Moderation on LinkedIn (docs/moderation.md), ground truth at the sim: the organization reacts
 * (LIKE) to members' comments and takes the reaction back, deletes comments on its posts and its
 * own comments; there is no hide. Each call reaches the sim once; a retry after a crash asks first.
 */
describe('moderation on LinkedIn (API → outbound queue → worker → sim)', () => {
  let rig: ModerationRig;
  let replies: MessageRef[];
  let own: MessageRef;

  beforeAll(async () => {
    rig = await ModerationRig.start({ network: 'linkedin', seed: 11, items: 200, knownAuthorsOnly: true });
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
  const liGet = (path: string) =>
    fetch(`${rig.sim.url}/linkedin${path}`, {
      headers: {
        authorization: `Bearer ${demoLi.credentials.accessToken}`,
        'linkedin-version': rig.config.LINKEDIN_VERSION,
        'x-restli-protocol-version': '2.0.0',
      },
    });

  it("offers what LinkedIn allows now: members' comments like and delete, the organization's own delete; no hide", async () => {
    expect(await item(replies[0])).toMatchObject({ actions: ['like', 'delete'], moderationUnavailable: false });
    expect(await item(own)).toMatchObject({ actions: ['delete'] });
  });

  it('like (a LIKE reaction as the organization) and unlike: once each at LinkedIn, readable there, liked and handled here', async () => {
    const r = replies[0];
    await act(r.id, 'like').expect(202);
    expect(await settled(r.id)).toMatchObject({ action: 'like', state: 'done', error: null });
    const key = `/rest/reactions/(actor:${encodeURIComponent(demoLi.externalId)},entity:${encodeURIComponent(r.externalId)})`;
    expect((await liGet(key)).status).toBe(200);
    expect(await item(r)).toMatchObject({ liked: true, handledAction: 'like', actions: ['unlike', 'delete'] });
    await act(r.id, 'unlike').expect(202);
    expect(await settled(r.id)).toMatchObject({ action: 'unlike', state: 'done' });
    expect((await liGet(key)).status).toBe(404);
    expect(await receivedFor(r.externalId)).toEqual(['comment_like', 'comment_unlike']);
  });

  it("delete of a member's comment on the organization's post and of its own comment: once each, gone from LinkedIn's reads", async () => {
    for (const m of [replies[1], own]) {
      await act(m.id, 'delete').expect(202);
      expect(await settled(m.id)).toMatchObject({ action: 'delete', state: 'done' });
      expect(await receivedFor(m.externalId)).toEqual(['comment_delete']);
      const [, object, id] = /^urn:li:comment:\((.+),([^,)]+)\)$/.exec(m.externalId)!;
      expect((await liGet(`/rest/socialActions/${encodeURIComponent(object)}/comments/${id}`)).status).toBe(404);
      expect(await item(m)).toMatchObject({ deleted: true, actions: [] });
    }
  });

  it('hide is refused with a clear reason (LinkedIn has none); nothing reaches LinkedIn', async () => {
    const before = (await received()).length;
    expect((await act(replies[2].id, 'hide').expect(409)).body).toMatchObject({
      code: 'ACTION_NOT_ALLOWED',
      message: expect.stringMatching(/^linkedin does not allow hide/),
    });
    expect((await received()).length).toBe(before);
  });
});
