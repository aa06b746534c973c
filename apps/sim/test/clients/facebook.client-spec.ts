import { DEMO_FACEBOOK_APP, DEMO_FACEBOOK_PAGE, type RunningSim, type TruthItem } from '../../src';
import { routeGraphToSim, sdk, type Cursor, type GraphObject } from './facebook-sdk';
import { clientSim, getJson, postJson, received } from './support';

/**
 * facebook-nodejs-business-sdk's Graph objects (Page, PagePost, Comment, UnifiedThread) against
 * the sim. The SDK hard-wires https://graph.facebook.com and calls through axios: a request
 * interceptor swaps the host for the sim's Facebook origin, the only change.
 */
describe('facebook-nodejs-business-sdk objects against the sim', () => {
  let sim: RunningSim;
  let truth: TruthItem[];
  let unroute: () => void;

  beforeAll(async () => {
    sim = await clientSim(false);
    truth = (await postJson(`${sim.url}/_sim/generate`, { count: 600, network: 'facebook' })).body.items;
    unroute = routeGraphToSim(sim);
    sdk.FacebookAdsApi.init(DEMO_FACEBOOK_PAGE.pageAccessToken);
  });
  afterAll(async () => {
    unroute();
    await sim.close();
  });

  const all = async (first: Cursor): Promise<GraphObject[]> => {
    const out = [...first];
    let cursor = first;
    while (cursor.hasNext()) {
      cursor = await cursor.next();
      out.push(...cursor);
    }
    return out;
  };

  it("reads the page, its feed with the sync's nested fields, and every comment of a post with attachments", async () => {
    const page = await new sdk.Page(DEMO_FACEBOOK_PAGE.id).get(['id', 'name', 'username']);
    expect(page).toMatchObject({ id: DEMO_FACEBOOK_PAGE.id, name: DEMO_FACEBOOK_PAGE.name });
    const feed = await all(
      await new sdk.Page(DEMO_FACEBOOK_PAGE.id).getFeed(
        [
          'id',
          'message',
          'created_time',
          'permalink_url',
          'from',
          'shares',
          'reactions.summary(true).limit(0)',
          'comments.filter(stream).summary(true).limit(0)',
        ],
        { limit: 5 },
      ),
    );
    const posts = truth.filter((t) => t.kind === 'post');
    expect(feed.map((p) => p.id).sort()).toEqual(posts.map((p) => p.externalId).sort());
    expect(feed[0]).toMatchObject({
      message: expect.any(String),
      comments: { summary: { total_count: expect.any(Number) } },
      reactions: { summary: { total_count: expect.any(Number) } },
    });

    const post = posts.find((p) => truth.filter((t) => t.postExternalId === p.externalId).length > 10)!;
    const comments = await all(
      await new sdk.PagePost(post.externalId).getComments(['id', 'message', 'created_time', 'from', 'parent{id}', 'permalink_url', 'attachment'], {
        filter: 'stream',
        limit: 10,
      }),
    );
    const expected = truth.filter((t) => t.postExternalId === post.externalId);
    expect(comments.map((c) => c.id)).toEqual(expected.map((t) => t.externalId));
    expect(comments[0]).toMatchObject({ message: expected[0].text, from: { id: expected[0].author!.externalId } });

    // Photo comments carry `attachment` in the real shape (comment-single-with-attachment.json).
    const everyComment = (
      await Promise.all(posts.map(async (p) => all(await new sdk.PagePost(p.externalId).getComments(['id', 'attachment'], { filter: 'stream', limit: 100 }))))
    ).flat();
    const photo = everyComment.find((c) => c.attachment);
    expect(photo?.attachment).toMatchObject({
      type: 'photo',
      media: { image: { src: expect.stringMatching(/^https:\/\/scontent/), width: expect.any(Number), height: expect.any(Number) } },
      target: { id: expect.any(String) },
    });
  });

  it('reads Messenger conversations and their messages with attachments', async () => {
    const conversations = await all(
      await new sdk.Page(DEMO_FACEBOOK_PAGE.id).getConversations(['id', 'updated_time', 'unread_count', 'participants'], { platform: 'messenger', limit: 25 }),
    );
    expect(conversations.length).toBe(new Set(truth.filter((t) => t.kind === 'message').map((t) => t.threadExternalId)).size);
    const messages = (
      await Promise.all(
        conversations.map(async (c) =>
          all(await new sdk.UnifiedThread(c.id).getMessages(['id', 'created_time', 'from', 'to', 'message', 'attachments'], { limit: 25 })),
        ),
      )
    ).flat();
    expect(messages.map((m) => m.id).sort()).toEqual(
      truth
        .filter((t) => t.kind === 'message')
        .map((t) => t.externalId)
        .sort(),
    );
    const withImage = messages.find((m) => m.attachments);
    expect(withImage?.attachments).toMatchObject({
      data: [{ mime_type: 'image/jpeg', image_data: { url: expect.stringMatching(/^https:\/\//), width: expect.any(Number) } }],
    });
  });

  it('replies, sends a message, likes, hides and deletes as the product does', async () => {
    const comment = truth.find((t) => t.kind === 'comment' && !t.fromAccount && t.parentExternalId === null)!;
    const reply = await new sdk.Comment(comment.externalId).createComment([], { message: 'Danke für dein Feedback!' });
    expect(reply.id).toMatch(/^\d+_\d+$/);
    const customer = truth.find((t) => t.kind === 'message' && !t.fromAccount)!;
    const sent = await new sdk.Page(DEMO_FACEBOOK_PAGE.id).createMessage([], {
      recipient: { id: customer.author!.externalId },
      message: { text: 'Hallo!' },
      messaging_type: 'RESPONSE',
    });
    expect(sent).toMatchObject({ recipient_id: customer.author!.externalId, message_id: expect.any(String) });
    const other = truth.filter((t) => t.kind === 'comment' && !t.fromAccount)[1];
    await new sdk.Comment(other.externalId).createLike([], {});
    expect(await new sdk.Comment(other.externalId).get(['user_likes'])).toMatchObject({ user_likes: true });
    await new sdk.Comment(other.externalId).deleteLikes({});
    await new sdk.Comment(other.externalId).update([], { is_hidden: true });
    expect(await new sdk.Comment(other.externalId).get(['is_hidden', 'user_likes'])).toMatchObject({ is_hidden: true, user_likes: false });
    await new sdk.Comment(reply.id).delete([]);
    const gone = await getJson(`${sim.origins.facebook}/v24.0/${reply.id}?access_token=${DEMO_FACEBOOK_PAGE.pageAccessToken}`);
    expect(gone.status).toBe(400);
    const kinds = (await received(sim, 'facebook')).map((r) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(['comment_reply', 'private_message']));
  });

  it('exchanges tokens through api.call and surfaces Graph errors as FacebookRequestError', async () => {
    const api = sdk.FacebookAdsApi.init(DEMO_FACEBOOK_PAGE.pageAccessToken);
    const bad = await api
      .call('GET', ['oauth', 'access_token'], {
        grant_type: 'fb_exchange_token',
        client_id: DEMO_FACEBOOK_APP.appId,
        client_secret: 'wrong',
        fb_exchange_token: 'x',
      })
      .catch((e: unknown) => e);
    expect(bad).toMatchObject({ name: 'FacebookRequestError', status: 400 });
    const badField = await new sdk.Comment(truth.find((t) => t.kind === 'comment')!.externalId).get(['no_such_field']).catch((e: unknown) => e);
    expect(badField).toMatchObject({ name: 'FacebookRequestError', status: 400 });
  });
});
