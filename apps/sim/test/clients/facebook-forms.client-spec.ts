import { DEMO_FACEBOOK_APP, DEMO_FACEBOOK_PAGE, type RunningSim, type TruthItem } from '../../src';
import { fixture, shapeMismatches } from '../support';
import { routeGraphToSim, sdk, type Api } from './facebook-sdk';
import { clientSim, getJson, postJson, received } from './support';

interface BatchResponse {
  code: number;
  headers: Array<{ name: string; value: string }>;
  body: string;
}

/**
 * Graph forms around the product's calls, through facebook-nodejs-business-sdk with only the host
 * changed (see facebook.client-spec.ts): single nodes, the page's posts edges, replies of a
 * comment, a reply with an image, editing a reply, reactions, debug_token and a batch request.
 */
describe('facebook-nodejs-business-sdk: more Graph forms against the sim', () => {
  let sim: RunningSim;
  let truth: TruthItem[];
  let unroute: () => void;
  let api: Api;

  beforeAll(async () => {
    sim = await clientSim(false);
    truth = (await postJson(`${sim.url}/_sim/generate`, { count: 400, network: 'facebook' })).body.items;
    unroute = routeGraphToSim(sim);
    api = sdk.FacebookAdsApi.init(DEMO_FACEBOOK_PAGE.pageAccessToken);
  });
  afterAll(async () => {
    unroute();
    await sim.close();
  });

  const posts = () => truth.filter((t) => t.kind === 'post');
  const customerComments = () => truth.filter((t) => t.kind === 'comment' && !t.fromAccount);

  it('reads one post, and the page through its posts and published_posts edges', async () => {
    const first = posts()[0];
    const post = await new sdk.PagePost(first.externalId).get(['id', 'message', 'created_time', 'permalink_url', 'from']);
    expect(post).toMatchObject({ id: first.externalId, message: first.text, from: { id: DEMO_FACEBOOK_PAGE.id } });
    for (const edge of ['getPosts', 'getPublishedPosts'] as const) {
      const page = await new sdk.Page(DEMO_FACEBOOK_PAGE.id)[edge](['id', 'message'], { limit: 100 });
      expect(page.map((p) => p.id).sort()).toEqual(
        posts()
          .map((p) => p.externalId)
          .sort(),
      );
    }
  });

  it("accepts the documented post and comment fields a page's integration asks for, omitting those a text post has no value for", async () => {
    const first = posts()[0];
    const post = await new sdk.PagePost(first.externalId).get([
      'id',
      'message',
      'full_picture',
      'attachments{media,type,url}',
      'message_tags',
      'status_type',
      'is_popular',
      'promotable_id',
      'place',
      'story_tags',
      'updated_time',
    ]);
    expect(post).toMatchObject({
      id: first.externalId,
      message: first.text,
      status_type: 'mobile_status_update',
      is_popular: false,
      promotable_id: first.externalId,
    });
    expect(
      Object.keys(post).filter((k) => ['full_picture', 'attachments', 'message_tags', 'place', 'story_tags'].includes(k) && post[k] !== undefined),
    ).toEqual([]);
    const comment = customerComments()[0];
    const read = await new sdk.Comment(comment.externalId).get(['id', 'message', 'reactions.summary(true)', 'likes.summary(true)', 'application']);
    expect(read).toMatchObject({ message: comment.text, reactions: { summary: { total_count: expect.any(Number) } }, likes: { data: [] } });
  });

  it('reads the replies of a comment and the reactions of a post', async () => {
    const reply = customerComments().find((t) => t.parentExternalId !== null)!;
    const replies = await new sdk.Comment(reply.parentExternalId!).getComments(['id', 'message', 'from', 'parent{id}'], { limit: 100 });
    expect(replies.map((r) => r.id)).toContain(reply.externalId);
    expect(replies.find((r) => r.id === reply.externalId)).toMatchObject({ message: reply.text, parent: { id: reply.parentExternalId } });
    // The sim counts a post's reactions without naming who reacted: the summary carries the count.
    const reactions = await new sdk.PagePost(posts()[0].externalId).getReactions(['id', 'name', 'type'], { summary: 'total_count' });
    expect(reactions.summary).toEqual({ total_count: expect.any(Number), viewer_reaction: 'NONE' });
    // A comment the page liked names the page among its reactions.
    const liked = new sdk.Comment(reply.externalId);
    await liked.createLike([], {});
    const onComment = await liked.getReactions(['id', 'name', 'type'], { summary: 'total_count' });
    expect([...onComment]).toEqual([expect.objectContaining({ id: DEMO_FACEBOOK_PAGE.id, type: 'LIKE' })]);
    expect(onComment.summary).toMatchObject({ total_count: 1, viewer_reaction: 'LIKE' });
  });

  it('replies with an image (attachment_url), edits the reply, and reads both back', async () => {
    const comment = customerComments().find((t) => t.parentExternalId === null)!;
    const image = 'https://example.org/bild.jpg';
    const reply = await new sdk.Comment(comment.externalId).createComment([], { message: 'Siehe Bild', attachment_url: image });
    const back = await new sdk.Comment(reply.id).get(['message', 'attachment', 'parent{id}']);
    // Graph keeps the image as a photo of its own (comment-single-with-attachment.json's shape), not the URL it was given.
    expect(back).toMatchObject({
      message: 'Siehe Bild',
      parent: { id: comment.externalId },
      attachment: { type: 'photo', media: { image: { src: expect.stringMatching(/^https:\/\/scontent/) } }, target: { id: expect.any(String) } },
    });
    const fields = ['created_time', 'can_like', 'from', 'message', 'attachment', 'like_count', 'permalink_url', 'id', 'comment_count', 'can_comment'];
    expect(shapeMismatches(fixture('comment-single-with-attachment.json'), await new sdk.Comment(reply.id).get(fields))).toEqual([]);
    await new sdk.Comment(reply.id).update([], { message: 'Siehe Bild (korrigiert)' });
    expect(await new sdk.Comment(reply.id).get(['message'])).toMatchObject({ message: 'Siehe Bild (korrigiert)' });
    expect((await received(sim, 'facebook')).map((r) => r.text)).toContain('Siehe Bild');
  });

  it('finds the conversation with one person by user_id', async () => {
    const inbound = truth.find((t) => t.kind === 'message' && !t.fromAccount)!;
    const found = await new sdk.Page(DEMO_FACEBOOK_PAGE.id).getConversations(['id', 'participants'], {
      platform: 'MESSENGER',
      user_id: inbound.author!.externalId,
    });
    expect(found.map((c) => c.id)).toEqual([inbound.threadExternalId]);
    expect(found[0].participants).toMatchObject({ data: expect.arrayContaining([expect.objectContaining({ id: inbound.author!.externalId })]) });
  });

  it('answers a comment privately in Messenger (recipient.comment_id), once', async () => {
    const newest = [...customerComments()].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    const page = new sdk.Page(DEMO_FACEBOOK_PAGE.id);
    const sent = await page.createMessage([], { recipient: { comment_id: newest.externalId }, message: { text: 'Wir schreiben dir privat.' } });
    expect(sent).toMatchObject({ recipient_id: newest.author!.externalId, message_id: expect.any(String) });
    const comment = await new sdk.Comment(newest.externalId).get(['can_reply_privately', 'private_reply_conversation']);
    expect(comment).toMatchObject({ can_reply_privately: false, private_reply_conversation: { id: expect.any(String) } });
    const again = await page.createMessage([], { recipient: { comment_id: newest.externalId }, message: { text: 'Noch einmal' } }).catch((e: unknown) => e);
    expect(again).toMatchObject({ name: 'FacebookRequestError', status: 400, response: { code: 10900 } });
    expect((await received(sim, 'facebook')).filter((r) => r.kind === 'private_message').map((r) => r.text)).toContain('Wir schreiben dir privat.');
  });

  it('inspects the page token with debug_token', async () => {
    const info = (await api.call('GET', ['debug_token'], {
      input_token: DEMO_FACEBOOK_PAGE.pageAccessToken,
      access_token: `${DEMO_FACEBOOK_APP.appId}|${DEMO_FACEBOOK_APP.appSecret}`,
    })) as { data: Record<string, unknown> };
    expect(info.data).toMatchObject({
      app_id: DEMO_FACEBOOK_APP.appId,
      type: 'PAGE',
      is_valid: true,
      profile_id: DEMO_FACEBOOK_PAGE.id,
      scopes: expect.any(Array),
    });
    // With the app token (the SDK's api.call puts its own token in; a plain request does not).
    const appToken = encodeURIComponent(`${DEMO_FACEBOOK_APP.appId}|${DEMO_FACEBOOK_APP.appSecret}`);
    const unknown = await getJson(`${sim.origins.facebook}/v24.0/debug_token?input_token=nope&access_token=${appToken}`);
    expect(unknown.status).toBe(200);
    expect(unknown.body.data).toMatchObject({ is_valid: false, error: { code: 190 } });
  });

  it('runs a batch request: each call answered in order with its own status', async () => {
    const [a, b] = customerComments();
    const answers = (await api.call('POST', [], {
      batch: [
        { method: 'GET', relative_url: `${a.externalId}?fields=id,message` },
        { method: 'GET', relative_url: `${b.externalId}?fields=id,message` },
        { method: 'GET', relative_url: '999999999999?fields=id' },
      ],
    })) as BatchResponse[];
    expect(answers.map((r) => r.code)).toEqual([200, 200, 400]);
    expect(JSON.parse(answers[0].body)).toEqual({ id: a.externalId, message: a.text });
    expect(JSON.parse(answers[1].body)).toEqual({ id: b.externalId, message: b.text });
    expect(JSON.parse(answers[2].body)).toMatchObject({ error: { type: 'GraphMethodException' } });
    expect(answers[0].headers).toEqual(expect.arrayContaining([{ name: 'Content-Type', value: expect.stringContaining('application/json') }]));
  });
});
