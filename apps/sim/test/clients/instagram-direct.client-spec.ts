import { DEMO_FACEBOOK_PAGE, DEMO_INSTAGRAM_ACCOUNT, type RunningSim, type TruthItem } from '../../src';
import { routeGraphToSim, sdk, type GraphObject } from './facebook-sdk';
import { clientSim, getJson, postJson, received } from './support';

const HOUR = 3600_000;

/**
 * Instagram Direct, stories and media settings through facebook-nodejs-business-sdk (Instagram API
 * with Facebook Login, the page token, only the host changed): Send API replies with attachments
 * (image, audio by an uploaded attachment_id, several images, the heart sticker, a shared post) read
 * back through the conversation; the HUMAN_AGENT tag refused until the app is approved; stories
 * (`/stories`, media_product_type, gone after 24 h) and a customer's story reply; comment_enabled.
 */
describe('facebook-nodejs-business-sdk: Instagram Direct forms, stories, comment_enabled against the sim', () => {
  let sim: RunningSim;
  let unroute: () => void;
  let truth: TruthItem[];
  const page = () => new sdk.Page(DEMO_FACEBOOK_PAGE.id);
  const ig = () => new sdk.IGUser(DEMO_INSTAGRAM_ACCOUNT.id);

  beforeAll(async () => {
    sim = await clientSim(false);
    truth = (await postJson(`${sim.url}/_sim/generate`, { count: 160, network: 'instagram' })).body.items;
    unroute = routeGraphToSim(sim);
    sdk.FacebookAdsApi.init(DEMO_FACEBOOK_PAGE.pageAccessToken);
  });
  afterAll(async () => {
    unroute();
    await sim.close();
  });

  /** The newest customer who wrote (inside the 24-hour window) and their conversation's messages, newest first. */
  const lastCustomer = () => {
    const inbound = truth.filter((t) => t.kind === 'message' && !t.fromAccount);
    const last = inbound[inbound.length - 1];
    return { igsid: last.author!.externalId, conversation: last.threadExternalId! };
  };
  const messages = async (conversation: string): Promise<GraphObject[]> =>
    Array.from(await new sdk.UnifiedThread(conversation).getMessages(['id', 'from', 'message', 'attachments', 'shares', 'story', 'sticker'], { limit: 10 }));

  it('sends an image, an uploaded audio, several images, the heart sticker and a shared post; each reads back in the conversation', async () => {
    const { igsid, conversation } = lastCustomer();
    const to = { id: igsid };
    const image = await page().createMessage([], {
      recipient: to,
      message: { attachment: { type: 'image', payload: { url: 'https://example.com/jacke.jpg' } } },
    });
    expect(image).toMatchObject({ recipient_id: igsid, message_id: expect.stringMatching(/^aWdfZAG1/) });
    const upload = await page().createMessageAttachment([], {
      platform: 'instagram',
      message: { attachment: { type: 'audio', payload: { url: 'https://example.com/gruss.m4a', is_reusable: true } } },
    });
    expect(upload).toMatchObject({ attachment_id: expect.stringMatching(/^\d+$/) });
    const audio = await page().createMessage([], {
      recipient: to,
      message: { attachment: { type: 'audio', payload: { attachment_id: upload.attachment_id } } },
    });
    const two = await page().createMessage([], {
      recipient: to,
      message: { attachments: [1, 2].map((n) => ({ type: 'image', payload: { url: `https://example.com/${n}.jpg` } })) },
    });
    const heart = await page().createMessage([], { recipient: to, message: { attachment: { type: 'like_heart' } } });
    const post = truth.find((t) => t.kind === 'post')!;
    const share = await page().createMessage([], { recipient: to, message: { attachment: { type: 'MEDIA_SHARE', payload: { id: post.externalId } } } });

    const read = new Map((await messages(conversation)).map((m) => [m.id, m]));
    const own = { from: { id: DEMO_INSTAGRAM_ACCOUNT.id, username: DEMO_INSTAGRAM_ACCOUNT.username } };
    expect(read.get(String(image.message_id))).toMatchObject({
      ...own,
      attachments: { data: [{ image_data: { url: expect.stringMatching(/^https:\/\/lookaside\.fbsbx\.com\//) } }] },
    });
    expect(read.get(String(audio.message_id))).toMatchObject({
      attachments: { data: [{ mime_type: 'audio/mpeg', file_url: expect.stringMatching(/^https:\/\//) }] },
    });
    expect((read.get(String(two.message_id))!.attachments as { data: unknown[] }).data).toHaveLength(2);
    expect(read.get(String(heart.message_id))).toMatchObject({
      sticker: expect.stringContaining('like_heart'),
      attachments: { data: [{ image_data: { render_as_sticker: true } }] },
    });
    expect(read.get(String(share.message_id))).toMatchObject({ shares: { data: [{ link: `https://www.instagram.com/p/${post.externalId}/` }] } });
    const sent = (await received(sim, 'instagram')).filter((r) => r.kind === 'private_message').map((r) => r.externalId);
    expect(sent).toEqual([image, audio, two, heart, share].map((m) => m.message_id));

    const bad = await page()
      .createMessage([], { recipient: to, message: { text: 'Hallo', attachment: { type: 'image', payload: { url: 'https://example.com/x.jpg' } } } })
      .catch((e: unknown) => e);
    expect(bad).toMatchObject({ status: 400, response: { code: 100 } });
  });

  it('HUMAN_AGENT: refused (#10) until the app is approved, then allowed 7 days after the customer’s last message', async () => {
    const { igsid } = lastCustomer();
    await postJson(`${sim.url}/_sim/clock`, { advanceMs: 30 * HOUR });
    const tagged = { recipient: { id: igsid }, message: { text: 'Wir sind noch für dich da.' }, messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' };
    const refused = await page()
      .createMessage([], tagged)
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 400, response: { code: 10, message: expect.stringContaining('HUMAN_AGENT') } });
    await postJson(`${sim.url}/_sim/instagram/app`, { humanAgentApproved: true });
    expect(await page().createMessage([], tagged)).toMatchObject({ recipient_id: igsid });
    const untagged = await page()
      .createMessage([], { recipient: { id: igsid }, message: { text: 'ohne Tag' } })
      .catch((e: unknown) => e);
    expect(untagged).toMatchObject({ status: 400, response: { code: 10, error_subcode: 2018278 } });
  });

  it('stories: /stories lists the last 24 hours as STORY media; a customer’s reply to one reads back as story.reply_to; expired ones are gone', async () => {
    const story = (await postJson(`${sim.url}/_sim/instagram/story`, { caption: 'Neu im Laden' })).body.story;
    const old = (await postJson(`${sim.url}/_sim/instagram/story`, { ageHours: 25 })).body.story;
    const listed = Array.from(await ig().getStories(['id', 'media_type', 'media_product_type']));
    expect(listed).toEqual([expect.objectContaining({ id: story.id, media_type: 'IMAGE', media_product_type: 'STORY' })]);
    const media = Array.from(await ig().getMedia(['id'], { limit: 100 })).map((m) => m.id);
    expect(media).not.toContain(story.id);
    const expired = await new sdk.IGMedia(old.id).get(['id']).catch((e: unknown) => e);
    expect(expired).toMatchObject({ status: 400, response: { code: 100 } });

    const { igsid, conversation } = lastCustomer();
    const reply = (await postJson(`${sim.url}/_sim/instagram/messaging`, { kind: 'story_reply', customer: igsid, text: 'Gibt es die in M?' })).body;
    expect(reply.story).toBe(story.id);
    const read = (await messages(conversation)).find((m) => m.id === reply.item.externalId);
    expect(read).toMatchObject({ message: 'Gibt es die in M?', story: { reply_to: { id: story.id, link: expect.stringMatching(/^https:\/\//) } } });

    // A published story (media_type STORIES) is one too, and not in the feed.
    const container = await ig().createMedia([], { image_url: 'https://example.com/story.jpg', media_type: 'STORIES' });
    const published = await ig().createMediaPublish([], { creation_id: container.id });
    expect(await new sdk.IGMedia(published.id).get(['media_product_type'])).toMatchObject({ media_product_type: 'STORY' });
  });

  it('comment_enabled=false turns comments off (is_comment_enabled false, replies refused); true turns them on again', async () => {
    const comment = truth.find(
      (t) =>
        t.kind === 'comment' &&
        !t.fromAccount &&
        t.parentExternalId === null &&
        !t.text.startsWith('@') &&
        !sim.instagram.state.store.comment(t.externalId)?.hidden,
    )!;
    const media = new sdk.IGMedia(comment.postExternalId!);
    expect(await media.update([], { comment_enabled: false })).toMatchObject({ success: true });
    expect(await media.get(['is_comment_enabled', 'media_product_type'])).toMatchObject({
      is_comment_enabled: false,
      media_product_type: expect.stringMatching(/^(FEED|REELS)$/),
    });
    const token = `access_token=${DEMO_FACEBOOK_PAGE.pageAccessToken}`;
    const refused = await postJson(`${sim.origins.facebook}/v24.0/${comment.externalId}/replies?${token}`, { message: 'Danke!' });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 100, message: expect.stringContaining('disabled') });
    await media.update([], { comment_enabled: true });
    expect((await postJson(`${sim.origins.facebook}/v24.0/${comment.externalId}/replies?${token}`, { message: 'Danke!' })).status).toBe(200);
    expect((await getJson(`${sim.origins.facebook}/v24.0/${comment.postExternalId}?fields=is_comment_enabled&${token}`)).body.is_comment_enabled).toBe(true);
  });
});
