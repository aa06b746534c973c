import { DEMO_FACEBOOK_APP, DEMO_FACEBOOK_PAGE, type RunningSim } from '../../src';
import { routeGraphToSim, sdk } from './facebook-sdk';
import { clientSim, getJson, postJson, received, redirectOf } from './support';

/**
 * The Pages API's post writes through facebook-nodejs-business-sdk with only the host changed:
 * publishing to the page's feed (text, link, unpublished, scheduled), editing and publishing a
 * post, deleting it, and what a token without pages_manage_posts is told.
 */
describe('facebook-nodejs-business-sdk: page posts published, edited and deleted against the sim', () => {
  let sim: RunningSim;
  let unroute: () => void;

  beforeAll(async () => {
    sim = await clientSim(false);
    await postJson(`${sim.url}/_sim/generate`, { count: 60, network: 'facebook' });
    unroute = routeGraphToSim(sim);
    sdk.FacebookAdsApi.init(DEMO_FACEBOOK_PAGE.pageAccessToken);
  });
  afterAll(async () => {
    unroute();
    await sim.close();
  });

  const page = () => new sdk.Page(DEMO_FACEBOOK_PAGE.id);
  const feedIds = async () => (await page().getFeed(['id'], { limit: 100 })).map((p) => p.id);

  it('publishes a text post to the feed, answering "{page-id}_{post-id}", first in the feed and readable by id', async () => {
    const created = await page().createFeed([], { message: 'Neu im Sortiment: Winterjacken' });
    expect(created.id).toMatch(new RegExp(`^${DEMO_FACEBOOK_PAGE.id}_\\d+$`));
    expect((await feedIds())[0]).toBe(created.id);
    const post = await new sdk.PagePost(created.id).get(['id', 'message', 'is_published', 'status_type', 'from']);
    expect(post).toMatchObject({
      id: created.id,
      message: 'Neu im Sortiment: Winterjacken',
      is_published: true,
      status_type: 'mobile_status_update',
      from: { id: DEMO_FACEBOOK_PAGE.id },
    });
    expect((await received(sim, 'facebook')).filter((r) => r.kind === 'post_publish').map((r) => r.externalId)).toContain(created.id);
  });

  it('publishes a link post, shared as an attachment of type share', async () => {
    const created = await page().createFeed([], { message: 'Unser Blog', link: 'https://example.com/blog/winter' });
    const post = await new sdk.PagePost(created.id).get(['id', 'status_type', 'attachments']);
    expect(post).toMatchObject({ status_type: 'shared_story', attachments: { data: [{ type: 'share', url: 'https://example.com/blog/winter' }] } });
  });

  it('keeps an unpublished and a scheduled post out of the feed until they are published', async () => {
    const hidden = await page().createFeed([], { message: 'Entwurf', published: false });
    const inAnHour = Math.floor(Date.now() / 1000) + 3600;
    const scheduled = await page().createFeed([], { message: 'Später', published: false, scheduled_publish_time: inAnHour });
    expect(await feedIds()).not.toEqual(expect.arrayContaining([hidden.id]));
    expect(await feedIds()).not.toContain(scheduled.id);
    expect(await new sdk.PagePost(scheduled.id).get(['is_published', 'scheduled_publish_time'])).toMatchObject({
      is_published: false,
      scheduled_publish_time: inAnHour,
    });
    expect(await new sdk.PagePost(hidden.id).update([], { is_published: true })).toMatchObject({ success: true });
    expect(await feedIds()).toContain(hidden.id);
    // A scheduled time must be 10 minutes to 30 days ahead, and only on an unpublished post.
    const tooSoon = await page()
      .createFeed([], { message: 'x', published: false, scheduled_publish_time: Math.floor(Date.now() / 1000) + 60 })
      .catch((e: unknown) => e);
    expect(tooSoon).toMatchObject({ status: 400, response: { code: 100 } });
  });

  it('edits the message of a post and deletes it, its comments with it', async () => {
    const created = await page().createFeed([], { message: 'Erste Fassung' });
    await postJson(`${sim.origins.facebook}/v24.0/${created.id}/comments?access_token=${DEMO_FACEBOOK_PAGE.pageAccessToken}`, { message: 'Ein Kommentar' });
    expect(await new sdk.PagePost(created.id).update([], { message: 'Zweite Fassung' })).toMatchObject({ success: true });
    expect(await new sdk.PagePost(created.id).get(['message'])).toMatchObject({ message: 'Zweite Fassung' });
    const comments = await new sdk.PagePost(created.id).getComments(['id']);
    expect(comments).toHaveLength(1);
    expect(await new sdk.PagePost(created.id).delete([])).toMatchObject({ success: true });
    expect(await feedIds()).not.toContain(created.id);
    const gone = await getJson(`${sim.origins.facebook}/v24.0/${created.id}?access_token=${DEMO_FACEBOOK_PAGE.pageAccessToken}`);
    expect(gone.body.error).toMatchObject({ code: 100, error_subcode: 33 });
    const comment = await getJson(`${sim.origins.facebook}/v24.0/${comments[0].id}?access_token=${DEMO_FACEBOOK_PAGE.pageAccessToken}`);
    expect(comment.body.error).toMatchObject({ code: 100 });
    expect((await received(sim, 'facebook')).filter((r) => r.targetId === created.id && r.kind.startsWith('post_')).map((r) => r.kind)).toEqual([
      'post_publish',
      'post_edit',
      'post_delete',
    ]);
  });

  it('refuses an empty post, and a user token (pages_manage_posts as the page is needed) without changing the feed', async () => {
    const before = await feedIds();
    const empty = await page()
      .createFeed([], { message: '' })
      .catch((e: unknown) => e);
    expect(empty).toMatchObject({ status: 400, response: { code: 100, message: '(#100) Missing message or attachment' } });
    // The admin's user token (Facebook Login), which may read the page but not post as it.
    const redirectUri = 'https://app.example/callback';
    const dialog = await redirectOf(
      `${sim.origins.facebook}/v24.0/dialog/oauth?client_id=${DEMO_FACEBOOK_APP.appId}&redirect_uri=${encodeURIComponent(redirectUri)}`,
    );
    const code = new URL(dialog.location!).searchParams.get('code')!;
    const exchange = new URLSearchParams({ client_id: DEMO_FACEBOOK_APP.appId, client_secret: DEMO_FACEBOOK_APP.appSecret, redirect_uri: redirectUri, code });
    const userToken = (await getJson(`${sim.origins.facebook}/v24.0/oauth/access_token?${exchange.toString()}`)).body.access_token as string;
    sdk.FacebookAdsApi.init(userToken);
    try {
      const asUser = await page()
        .createFeed([], { message: 'als Person' })
        .catch((e: unknown) => e);
      expect(asUser).toMatchObject({ status: 403, response: { code: 200 } });
    } finally {
      sdk.FacebookAdsApi.init(DEMO_FACEBOOK_PAGE.pageAccessToken);
    }
    expect(await feedIds()).toEqual(before);
  });
});
