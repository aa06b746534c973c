import { DEMO_FACEBOOK_PAGE, DEMO_INSTAGRAM_ACCOUNT, type RunningSim } from '../../src';
import { routeGraphToSim, sdk } from './facebook-sdk';
import { clientSim, getJson, postJson, received } from './support';

/**
 * Instagram content publishing through facebook-nodejs-business-sdk (Instagram API with Facebook
 * Login, the page token, only the host changed): a container, its status, media_publish, the
 * publishing limit, a carousel, and the same on graph.instagram.com with the Instagram token.
 */
describe('facebook-nodejs-business-sdk: Instagram content publishing against the sim', () => {
  let sim: RunningSim;
  let unroute: () => void;
  const ig = () => new sdk.IGUser(DEMO_INSTAGRAM_ACCOUNT.id);

  beforeAll(async () => {
    sim = await clientSim(false);
    await postJson(`${sim.url}/_sim/generate`, { count: 30, network: 'instagram' });
    unroute = routeGraphToSim(sim);
    sdk.FacebookAdsApi.init(DEMO_FACEBOOK_PAGE.pageAccessToken);
  });
  afterAll(async () => {
    unroute();
    await sim.close();
  });

  it('creates an image container (FINISHED), publishes it once, and the media is first in the account’s media', async () => {
    const container = await ig().createMedia([], { image_url: 'https://example.com/jacke.jpg', caption: 'Die neue Winterjacke' });
    expect(container.id).toMatch(/^\d{17}$/);
    const status = await new sdk.IGMedia(container.id).get(['status_code', 'status']);
    expect(status).toMatchObject({ id: container.id, status_code: 'FINISHED' });
    const limitBefore = await ig().getContentPublishingLimit(['quota_usage', 'config']);
    expect(limitBefore[0]).toMatchObject({ quota_usage: 0, config: { quota_total: 100, quota_duration: 86400 } });
    const published = await ig().createMediaPublish([], { creation_id: container.id });
    expect(published.id).toMatch(/^\d+$/);
    const media = await ig().getMedia(['id', 'caption', 'media_type'], { limit: 5 });
    expect(media[0]).toMatchObject({ id: published.id, caption: 'Die neue Winterjacke', media_type: 'IMAGE' });
    expect(await new sdk.IGMedia(container.id).get(['status_code'])).toMatchObject({ status_code: 'PUBLISHED' });
    expect((await ig().getContentPublishingLimit(['quota_usage']))[0]).toMatchObject({ quota_usage: 1 });
    const again = await ig()
      .createMediaPublish([], { creation_id: container.id })
      .catch((e: unknown) => e);
    expect(again).toMatchObject({ status: 400, response: { code: 100 } });
    expect((await received(sim, 'instagram')).filter((r) => r.kind === 'post_publish').map((r) => r.externalId)).toEqual([published.id]);
  });

  it('publishes a carousel of two item containers as an album with children', async () => {
    const items = [];
    for (const n of [1, 2]) items.push(await ig().createMedia([], { image_url: `https://example.com/${n}.jpg`, is_carousel_item: true }));
    const album = await ig().createMedia([], { media_type: 'CAROUSEL', children: items.map((i) => i.id).join(','), caption: 'Zwei Farben' });
    const published = await ig().createMediaPublish([], { creation_id: album.id });
    const read = await new sdk.IGMedia(published.id).get(['media_type', 'caption', 'children']);
    expect(read).toMatchObject({ media_type: 'CAROUSEL_ALBUM', caption: 'Zwei Farben' });
    expect((read.children as { data: unknown[] }).data).toHaveLength(2);
    const single = await ig()
      .createMedia([], { media_type: 'CAROUSEL', children: items[0].id })
      .catch((e: unknown) => e);
    expect(single).toMatchObject({ status: 400 });
  });

  it('works the same on graph.instagram.com with the Instagram token, and refuses a container without a URL', async () => {
    const base = `${sim.origins.instagram}/v24.0/${DEMO_INSTAGRAM_ACCOUNT.id}`;
    const token = `access_token=${DEMO_INSTAGRAM_ACCOUNT.accessToken}`;
    const container = await postJson(`${base}/media?${token}`, { video_url: 'https://example.com/clip.mp4', media_type: 'REELS', caption: 'Kurz' });
    expect(container.body.id).toMatch(/^\d{17}$/);
    const published = await postJson(`${base}/media_publish?${token}`, { creation_id: container.body.id });
    const read = await getJson(`${sim.origins.instagram}/v24.0/${published.body.id}?fields=media_type,caption&${token}`);
    expect(read.body).toMatchObject({ media_type: 'VIDEO', caption: 'Kurz' });
    const bad = await postJson(`${base}/media?${token}`, { caption: 'ohne Bild' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 100, type: 'IGApiException' });
  });
});
