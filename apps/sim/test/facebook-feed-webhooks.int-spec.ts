import { DEMO_FACEBOOK_APP, DEMO_FACEBOOK_PAGE, type RunningSim, type TruthItem } from '../src';
import { type JsonBody, getJson, postJson, testSim, webhookReceiver } from './support';

/**
 * `feed` webhook changes beyond new comments: reactions (item reaction, from the people the
 * generator has react and from the page's own likes) and the page's posts published, edited and
 * removed through the API.
 */
describe('Facebook feed webhooks for reactions and page posts', () => {
  let sim: RunningSim;
  let receiver: Awaited<ReturnType<typeof webhookReceiver>>;

  beforeEach(async () => {
    receiver = await webhookReceiver({ verifyToken: DEMO_FACEBOOK_APP.verifyToken });
    sim = await testSim({ SIM_WEBHOOK_URL: receiver.url });
  });
  afterEach(async () => {
    await sim.close();
    await receiver.close();
  });

  const changes = (): JsonBody[] =>
    receiver.received
      .filter((r) => r.method === 'POST')
      .flatMap((r) => JSON.parse(r.raw.toString('utf8')).entry as JsonBody[])
      .flatMap((e) => e.changes ?? [])
      .map((c: JsonBody) => c.value);
  const token = DEMO_FACEBOOK_PAGE.pageAccessToken;

  it("announce each generated reaction (item reaction, lower-case type, the comment's id when on a comment), after the comment it came with", async () => {
    const truth: TruthItem[] = (await postJson(`${sim.url}/_sim/generate`, { count: 300, network: 'facebook' })).body.items;
    await sim.context.webhooks.idle();
    const all = changes();
    const reactions = all.filter((v) => v.item === 'reaction');
    const expected = truth.filter((t) => t.reaction && (t.reaction.on === 'post' || t.parentExternalId !== null));
    expect(expected.length).toBeGreaterThan(10);
    expect(reactions).toHaveLength(expected.length);
    for (const t of expected) {
      const onComment = t.reaction!.on !== 'post';
      const found = reactions.find(
        (v) => v.from.id === t.author!.externalId && v.post_id === t.postExternalId && (onComment ? v.comment_id === t.parentExternalId : !v.comment_id),
      );
      expect(found).toMatchObject({
        verb: 'add',
        reaction_type: expect.stringMatching(/^(like|love|care|haha|wow|sad|angry)$/),
        created_time: expect.any(Number),
      });
    }
    // What the webhook says is what the reactions edge lists.
    const first = reactions.find((v) => !v.comment_id)!;
    const listed = await getJson(`${sim.origins.facebook}/v24.0/${first.post_id}/reactions?access_token=${token}&limit=100`);
    expect(listed.body.data).toContainEqual(expect.objectContaining({ id: first.from.id, type: first.reaction_type.toUpperCase() }));
    for (const r of reactions.filter((v) => v.comment_id)) {
      expect(all.findIndex((v) => v.item === 'comment' && v.comment_id === r.comment_id)).toBeLessThan(all.indexOf(r));
    }
  });

  it("announce the page's like of a comment and its taking it back as reactions from the page", async () => {
    const truth: TruthItem[] = (await postJson(`${sim.url}/_sim/generate`, { count: 60, network: 'facebook' })).body.items;
    await sim.context.webhooks.idle();
    const comment = truth.find((t) => t.kind === 'comment' && !t.fromAccount)!;
    await postJson(`${sim.origins.facebook}/v24.0/${comment.externalId}/likes?access_token=${token}`, {});
    await getJson(`${sim.origins.facebook}/v24.0/${comment.externalId}/likes?access_token=${token}&method=delete`, { method: 'POST' });
    await sim.context.webhooks.idle();
    const page = changes().filter((v) => v.item === 'reaction' && v.from.id === DEMO_FACEBOOK_PAGE.id);
    expect(page.map((v) => [v.verb, v.comment_id, v.reaction_type])).toEqual([
      ['add', comment.externalId, 'like'],
      ['remove', comment.externalId, 'like'],
    ]);
  });

  it('announce a post published, edited and removed through the API', async () => {
    const created = await postJson(`${sim.origins.facebook}/v24.0/${DEMO_FACEBOOK_PAGE.id}/feed?access_token=${token}`, { message: 'Frisch' });
    const id = created.body.id as string;
    await postJson(`${sim.origins.facebook}/v24.0/${id}?access_token=${token}`, { message: 'Frischer' });
    await getJson(`${sim.origins.facebook}/v24.0/${id}?access_token=${token}`, { method: 'DELETE' });
    await sim.context.webhooks.idle();
    const post = changes().filter((v) => v.post_id === id);
    expect(post.map((v) => [v.item, v.verb, v.message])).toEqual([
      ['status', 'add', 'Frisch'],
      ['status', 'edited', 'Frischer'],
      ['status', 'remove', undefined],
    ]);
    expect(post.every((v) => v.from.id === DEMO_FACEBOOK_PAGE.id)).toBe(true);
  });

  it("announce a visitor's post on the page as a status from the visitor", async () => {
    const visitor = (await postJson(`${sim.url}/_sim/facebook/visitor-post`, { name: 'Jana Kühn', text: 'Habt ihr sonntags offen?' })).body;
    await sim.context.webhooks.idle();
    expect(changes().filter((v) => v.post_id === visitor.id)).toEqual([
      {
        item: 'status',
        verb: 'add',
        post_id: visitor.id,
        published: 1,
        from: { id: visitor.from.id, name: 'Jana Kühn' },
        created_time: expect.any(Number),
        message: 'Habt ihr sonntags offen?',
      },
    ]);
  });
});
