import { DEMO_FACEBOOK_PAGE, type RunningSim, type TruthItem } from '../../src';
import { routeGraphToSim, sdk, type Api, type Cursor, type GraphObject } from './facebook-sdk';
import { clientSim, getJson, postJson, received } from './support';

/**
 * Photo and video posts, scheduled posts, the publish extras (targeting, feed_targeting, place,
 * tags, backdated_time) and Send API templates and quick replies, through
 * facebook-nodejs-business-sdk with only the host changed. The SDK sends its params as JSON; the
 * multipart `source` upload is in facebook-media.int-spec.ts (plain fetch).
 */
describe('facebook-nodejs-business-sdk: photo and video posts, publish extras and Send API templates against the sim', () => {
  let sim: RunningSim;
  let truth: TruthItem[];
  let unroute: () => void;
  let api: Api;

  beforeAll(async () => {
    sim = await clientSim(false);
    truth = (await postJson(`${sim.url}/_sim/generate`, { count: 200, network: 'facebook' })).body.items;
    unroute = routeGraphToSim(sim);
    api = sdk.FacebookAdsApi.init(DEMO_FACEBOOK_PAGE.pageAccessToken);
  });
  afterAll(async () => {
    unroute();
    await sim.close();
  });

  const page = () => new sdk.Page(DEMO_FACEBOOK_PAGE.id);
  const ids = (cursor: Cursor) => cursor.map((x: GraphObject) => x.id);
  const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;
  const fails = (p: Promise<unknown>) => p.catch((e: unknown) => e);
  // The SDK's AdVideo has no reader of its own: a Video node is read with the SDK's generic call.
  const getVideo = async (id: string, fields: string[]) => (await api.call('GET', [id], { fields: fields.join(',') })) as GraphObject;

  it('publishes a photo by url: {id, post_id}, the post first in the feed with an attachment of type photo', async () => {
    const created = await page().createPhoto([], { url: 'https://example.com/winterjacke.jpg', caption: 'Die neue Winterjacke' });
    expect(created).toMatchObject({ id: expect.stringMatching(/^\d+$/), post_id: expect.stringMatching(new RegExp(`^${DEMO_FACEBOOK_PAGE.id}_\\d+$`)) });
    const feed = await page().getFeed(['id', 'message', 'status_type', 'attachments', 'full_picture'], { limit: 5 });
    expect(feed[0]).toMatchObject({
      id: created.post_id,
      message: 'Die neue Winterjacke',
      status_type: 'added_photos',
      full_picture: expect.stringMatching(/^https:\/\/scontent/),
      attachments: { data: [{ type: 'photo', target: { id: created.id }, media: { image: { src: expect.stringMatching(/^https:\/\//), width: 960 } } }] },
    });
    const photo = await new sdk.Photo(created.id).get(['id', 'name', 'images', 'page_story_id', 'link']);
    expect(photo).toMatchObject({ id: created.id, name: 'Die neue Winterjacke', page_story_id: created.post_id, images: [{ width: 960, height: 720 }, {}] });
    expect(ids(await page().getPhotos(['id'], { type: 'uploaded' }))).toContain(created.id);
    // The default type is profile: the page's profile pictures, of which the sim has none.
    expect(ids(await page().getPhotos(['id']))).toEqual([]);
    const missing = await fails(page().createPhoto([], { caption: 'ohne Bild' }));
    expect(missing).toMatchObject({ status: 400, response: { code: 324 } });
  });

  it('makes a multi-photo post from unpublished photos (attached_media): an album attachment with each photo', async () => {
    const a = await page().createPhoto([], { url: 'https://example.com/a.jpg', published: false });
    const b = await page().createPhoto([], { url: 'https://example.com/b.jpg', published: false });
    expect(a.post_id).toBeUndefined();
    const post = await page().createFeed([], { message: 'Zwei Farben', attached_media: [{ media_fbid: a.id }, { media_fbid: b.id }] });
    const read = await new sdk.PagePost(post.id).get(['status_type', 'attachments']);
    expect(read).toMatchObject({
      status_type: 'added_photos',
      attachments: {
        data: [
          {
            type: 'album',
            subattachments: {
              data: [
                { type: 'photo', target: { id: a.id } },
                { type: 'photo', target: { id: b.id } },
              ],
            },
          },
        ],
      },
    });
    // A photo can be in one post only.
    expect(await fails(page().createFeed([], { attached_media: [{ media_fbid: a.id }] }))).toMatchObject({ status: 400, response: { code: 100 } });
  });

  it('publishes a video by file_url: {id}, ready at once, in the feed as video_inline, listed by /videos', async () => {
    const created = await page().createVideo([], { file_url: 'https://example.com/clip.mp4', title: 'Anprobe', description: 'So sitzt die Jacke' });
    expect(created).toMatchObject({ id: expect.stringMatching(/^\d+$/) });
    expect((created as GraphObject & { _data: object })._data).toEqual({ id: created.id });
    const video = await getVideo(created.id, ['id', 'title', 'description', 'source', 'status', 'published', 'post_id', 'permalink_url']);
    expect(video).toMatchObject({
      title: 'Anprobe',
      description: 'So sitzt die Jacke',
      source: expect.stringMatching(/^https:\/\/video/),
      status: { video_status: 'ready' },
      published: true,
      permalink_url: `/${DEMO_FACEBOOK_PAGE.id}/videos/${created.id}/`,
    });
    const post = await new sdk.PagePost(video.post_id as string).get(['message', 'status_type', 'attachments']);
    expect(post).toMatchObject({
      message: 'So sitzt die Jacke',
      status_type: 'added_video',
      attachments: { data: [{ type: 'video_inline', title: 'Anprobe', target: { id: created.id }, media: { source: video.source } }] },
    });
    expect(ids(await page().getVideos(['id']))[0]).toBe(created.id);
  });

  it('lists scheduled photo, video and text posts in /scheduled_posts and keeps them out of the feed', async () => {
    const photo = await page().createPhoto([], { url: 'https://example.com/later.jpg', published: false, scheduled_publish_time: inAnHour() });
    const video = await page().createVideo([], { file_url: 'https://example.com/later.mp4', published: false, scheduled_publish_time: inAnHour() });
    const text = await page().createFeed([], { message: 'Bald', published: false, scheduled_publish_time: inAnHour() });
    const draft = await page().createFeed([], { message: 'Entwurf', published: false });
    const videoPost = await getVideo(video.id, ['post_id', 'published', 'scheduled_publish_time']);
    expect(videoPost).toMatchObject({ published: false, scheduled_publish_time: expect.any(Number) });
    const scheduled = await page().getScheduledPosts(['id', 'scheduled_publish_time', 'is_published']);
    expect(ids(scheduled)).toEqual(expect.arrayContaining([photo.post_id, videoPost.post_id, text.id]));
    expect(ids(scheduled)).not.toContain(draft.id);
    expect(scheduled[0]).toMatchObject({ is_published: false, scheduled_publish_time: expect.any(Number) });
    const feed = ids(await page().getFeed(['id'], { limit: 100 }));
    expect(feed).not.toEqual(expect.arrayContaining([photo.post_id]));
    expect(feed).not.toContain(text.id);
    // Published before its time: the video reads as published and leaves /scheduled_posts.
    await new sdk.PagePost(videoPost.post_id as string).update([], { is_published: true });
    expect(await getVideo(video.id, ['published'])).toMatchObject({ published: true });
    expect(ids(await page().getScheduledPosts(['id']))).not.toContain(videoPost.post_id);
  });

  it('stores targeting, feed_targeting, place, tags and backdated_time and returns them as Post fields', async () => {
    const person = truth.find((t) => t.kind === 'comment' && !t.fromAccount)!.author!;
    const backdated = Math.floor(Date.now() / 1000) - 30 * 86_400;
    const created = await page().createFeed([], {
      message: 'Im Flagship Store',
      targeting: { geo_locations: { countries: ['DE', 'AT'] }, age_min: 18 },
      feed_targeting: { age_min: 21, genders: [2] },
      place: '108123456789012',
      tags: person.externalId,
      backdated_time: backdated,
      backdated_time_granularity: 'day',
    });
    const post = await new sdk.PagePost(created.id).get(['targeting', 'feed_targeting', 'place', 'to', 'backdated_time']);
    expect(post).toMatchObject({
      targeting: { geo_locations: { countries: ['DE', 'AT'] }, age_min: 18 },
      feed_targeting: { age_min: 21, genders: [2] },
      place: { id: '108123456789012', name: 'Resonance Demo Shop Flagship Store', location: { city: 'Berlin', country: 'Germany' } },
      to: { data: [{ id: person.externalId, name: person.name }] },
      backdated_time: new Date(backdated * 1000).toISOString().replace('.000Z', '+0000'),
    });
    // A text post without them omits the fields, as Graph omits what a post does not have.
    const plain = await page().createFeed([], { message: 'schlicht' });
    const bare = await new sdk.PagePost(plain.id).get(['targeting', 'place', 'backdated_time']);
    expect([bare.targeting, bare.place, bare.backdated_time]).toEqual([undefined, undefined, undefined]);
    const refused = [
      page().createFeed([], { message: 'x', place: '999' }),
      page().createFeed([], { message: 'x', tags: person.externalId }),
      page().createFeed([], { message: 'x', targeting: { geo_locations: { countries: ['Germany'] } } }),
      page().createFeed([], { message: 'x', targeting: { age_min: 10 } }),
      page().createFeed([], { message: 'x', backdated_time: Math.floor(Date.now() / 1000) + 86_400 }),
      page().createFeed([], { message: 'x', published: false, backdated_time: backdated }),
    ];
    for (const r of await Promise.all(refused.map(fails))) expect(r).toMatchObject({ status: 400, response: { code: 100 } });
  });

  it('reads back a generic template, a button template and quick replies sent through the Send API', async () => {
    const customer = truth.find((t) => t.kind === 'message' && !t.fromAccount)!;
    const psid = customer.author!.externalId;
    const generic = await page().createMessage([], {
      recipient: { id: psid },
      messaging_type: 'RESPONSE',
      message: {
        attachment: {
          type: 'template',
          payload: {
            template_type: 'generic',
            elements: [
              {
                title: 'Winterjacke',
                subtitle: '129 €',
                image_url: 'https://example.com/jacke.jpg',
                buttons: [{ type: 'web_url', url: 'https://example.com/jacke', title: 'Ansehen' }],
              },
              { title: 'Mütze', subtitle: '19 €' },
            ],
          },
        },
        metadata: 'campaign-7',
      },
    });
    const button = await page().createMessage([], {
      recipient: { id: psid },
      message: {
        attachment: {
          type: 'template',
          payload: { template_type: 'button', text: 'Wie können wir helfen?', buttons: [{ type: 'postback', title: 'Rückgabe', payload: 'RETURN' }] },
        },
      },
    });
    const quick = await page().createMessage([], {
      recipient: { id: psid },
      message: {
        text: 'Welche Größe?',
        quick_replies: [
          { content_type: 'text', title: 'M', payload: 'SIZE_M' },
          { content_type: 'text', title: 'L', payload: 'SIZE_L' },
        ],
      },
    });
    const messages = await new sdk.UnifiedThread(customer.threadExternalId!).getMessages(['id', 'message', 'attachments'], { limit: 10 });
    const byId = (id: unknown) => messages.find((m: GraphObject) => m.id === id);
    expect(byId(generic.message_id)).toMatchObject({
      message: '',
      attachments: {
        data: [
          {
            generic_template: {
              title: 'Winterjacke',
              subtitle: '129 €',
              media_url: 'https://example.com/jacke.jpg',
              cta: { title: 'Ansehen', type: 'web_url', url: 'https://example.com/jacke' },
            },
          },
          { generic_template: { title: 'Mütze', subtitle: '19 €' } },
        ],
      },
    });
    expect(byId(button.message_id)).toMatchObject({
      message: 'Wie können wir helfen?',
      attachments: { data: [{ generic_template: { title: 'Wie können wir helfen?', cta: { title: 'Rückgabe', type: 'postback' } } }] },
    });
    expect(byId(quick.message_id)).toMatchObject({ message: 'Welche Größe?' });
    expect(byId(quick.message_id)?.attachments).toBeUndefined();
    // The customer taps "L": their message carries the title as text.
    const tapped = await postJson(`${sim.url}/_sim/facebook/quick-reply`, { psid, index: 1 });
    expect(tapped.body).toMatchObject({ text: 'L', payload: 'SIZE_L' });
    const after = await new sdk.UnifiedThread(customer.threadExternalId!).getMessages(['id', 'message', 'from'], { limit: 1 });
    expect(after[0]).toMatchObject({ id: tapped.body.mid, message: 'L', from: { id: psid } });
    const bad = await fails(
      page().createMessage([], { recipient: { id: psid }, message: { text: 'x', quick_replies: [{ content_type: 'text', title: 'ohne payload' }] } }),
    );
    expect(bad).toMatchObject({ status: 400, response: { code: 100 } });
    expect((await received(sim, 'facebook')).filter((r) => r.kind === 'private_message').length).toBeGreaterThanOrEqual(3);
    expect(
      (await getJson(`${sim.origins.facebook}/v24.0/${String(generic.message_id)}?fields=attachments&access_token=${DEMO_FACEBOOK_PAGE.pageAccessToken}`))
        .status,
    ).toBe(200);
  });
});
