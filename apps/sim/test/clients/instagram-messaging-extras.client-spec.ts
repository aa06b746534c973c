import { DEMO_FACEBOOK_PAGE, DEMO_INSTAGRAM_ACCOUNT, type RunningSim, type TruthItem } from '../../src';
import { routeGraphToSim, sdk, type GraphObject } from './facebook-sdk';
import { clientSim, getJson, postJson } from './support';

/**
 * Instagram through facebook-nodejs-business-sdk (the page token, only the host changed) and
 * graph.instagram.com: Send API templates and quick replies read back, ice breakers and the
 * persistent menu (/messenger_profile, platform instagram), and the publishing parameters beyond
 * URL and caption (user_tags, location_id, collaborators, cover_url, thumb_offset, share_to_feed,
 * audio_name).
 */
describe('facebook-nodejs-business-sdk: Instagram templates, quick replies, Messenger profile and publishing options against the sim', () => {
  let sim: RunningSim;
  let unroute: () => void;
  let truth: TruthItem[];
  const page = () => new sdk.Page(DEMO_FACEBOOK_PAGE.id);
  const ig = () => new sdk.IGUser(DEMO_INSTAGRAM_ACCOUNT.id);
  const fails = (p: Promise<unknown>) => p.catch((e: unknown) => e);
  const igBase = () => `${sim.origins.instagram}/v24.0`;
  const igToken = `access_token=${DEMO_INSTAGRAM_ACCOUNT.accessToken}`;

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

  /** The newest customer who wrote (inside the 24-hour window) and their conversation. */
  const lastCustomer = () => {
    const inbound = truth.filter((t) => t.kind === 'message' && !t.fromAccount);
    const last = inbound[inbound.length - 1];
    return { igsid: last.author!.externalId, conversation: last.threadExternalId! };
  };
  const newest = async (conversation: string, limit = 1): Promise<GraphObject[]> =>
    Array.from(await new sdk.UnifiedThread(conversation).getMessages(['id', 'from', 'message', 'attachments'], { limit }));

  it('sends a generic and a button template; both read back in the conversation as Messenger shows templates', async () => {
    const { igsid, conversation } = lastCustomer();
    const generic = await page().createMessage([], {
      recipient: { id: igsid },
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
            ],
          },
        },
      },
    });
    expect(generic).toMatchObject({ recipient_id: igsid, message_id: expect.any(String) });
    const [read] = await newest(conversation);
    expect(read).toMatchObject({
      id: generic.message_id,
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
        ],
      },
    });
    const button = await page().createMessage([], {
      recipient: { id: igsid },
      message: {
        attachment: {
          type: 'template',
          payload: { template_type: 'button', text: 'Wie können wir helfen?', buttons: [{ type: 'postback', title: 'Beratung', payload: 'AGENT' }] },
        },
      },
    });
    const [buttonRead] = await newest(conversation);
    expect(buttonRead).toMatchObject({
      id: button.message_id,
      message: 'Wie können wir helfen?',
      attachments: { data: [{ generic_template: { cta: { title: 'Beratung' } } }] },
    });
    const refused = [
      { template_type: 'product', elements: [{ id: '123' }] },
      { template_type: 'media', elements: [{ media_type: 'image', url: 'https://example.com/a.jpg' }] },
      { template_type: 'generic', elements: [] },
      { template_type: 'button', text: 'ohne Knöpfe' },
    ].map((payload) => page().createMessage([], { recipient: { id: igsid }, message: { attachment: { type: 'template', payload } } }));
    for (const r of await Promise.all(refused.map(fails))) expect(r).toMatchObject({ status: 400, response: { code: 100 } });
  });

  it('offers quick replies with a text; the customer tapping one writes its title, and its payload comes back', async () => {
    const { igsid, conversation } = lastCustomer();
    const quickReplies = [
      { content_type: 'text', title: 'S', payload: 'SIZE_S' },
      { content_type: 'text', title: 'M', payload: 'SIZE_M' },
    ];
    const sent = await page().createMessage([], { recipient: { id: igsid }, message: { text: 'Welche Größe?', quick_replies: quickReplies } });
    const tapped = (await postJson(`${sim.url}/_sim/instagram/messaging`, { kind: 'quick_reply', customer: igsid, index: 1 })).body;
    expect(tapped).toMatchObject({ payload: 'SIZE_M', item: { kind: 'message', fromAccount: false, text: 'M' } });
    const [reply, offer] = await newest(conversation, 2);
    expect(offer).toMatchObject({ id: sent.message_id, message: 'Welche Größe?' });
    expect(reply).toMatchObject({ id: tapped.item.externalId, message: 'M', from: { id: igsid } });
    const refused = [
      page().createMessage([], { recipient: { id: igsid }, message: { text: 'Mail?', quick_replies: [{ content_type: 'user_email' }] } }),
      page().createMessage([], { recipient: { id: igsid }, message: { text: 'x', quick_replies: [{ content_type: 'text', title: 'ohne payload' }] } }),
      page().createMessage([], {
        recipient: { id: igsid },
        message: { attachment: { type: 'image', payload: { url: 'https://example.com/a.jpg' } }, quick_replies: quickReplies },
      }),
    ];
    for (const r of await Promise.all(refused.map(fails))) expect(r).toMatchObject({ status: 400, response: { code: 100 } });
  });

  it('sets, reads and deletes ice breakers and the persistent menu for Instagram, apart from the page’s Messenger profile', async () => {
    const iceBreakers = [{ locale: 'default', call_to_actions: [{ question: 'Wo ist meine Bestellung?', payload: 'ORDER' }] }];
    const menu = [{ locale: 'default', call_to_actions: [{ type: 'web_url', title: 'Shop', url: 'https://example.com/shop' }] }];
    expect(await page().createMessengerProfile([], { platform: 'instagram', ice_breakers: iceBreakers, persistent_menu: menu })).toMatchObject({
      result: 'success',
    });
    const read = await page().getMessengerProfile(['ice_breakers', 'persistent_menu'], { platform: 'instagram' });
    expect(read[0]).toMatchObject({ ice_breakers: iceBreakers, persistent_menu: menu });
    // The page's own (Messenger) profile is another one.
    expect(Array.from(await page().getMessengerProfile(['ice_breakers']))).toEqual([]);
    // graph.instagram.com with the Instagram token reads the same profile.
    const direct = await getJson(`${igBase()}/me/messenger_profile?fields=ice_breakers&${igToken}`);
    expect(direct.body).toEqual({ data: [{ ice_breakers: iceBreakers }] });
    const deleted = await fetch(`${igBase()}/${DEMO_INSTAGRAM_ACCOUNT.id}/messenger_profile?${igToken}`, {
      method: 'DELETE',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fields: ['ice_breakers'] }),
    });
    expect(await deleted.json()).toEqual({ result: 'success' });
    expect((await page().getMessengerProfile(['ice_breakers', 'persistent_menu'], { platform: 'instagram' }))[0].ice_breakers).toBeUndefined();
    const refused = [
      page().createMessengerProfile([], { platform: 'instagram', persistent_menu: [{ ...menu[0], composer_input_disabled: true }] }),
      page().createMessengerProfile([], { platform: 'instagram', get_started: { payload: 'START' } }),
      page().createMessengerProfile([], { platform: 'instagram', ice_breakers: [{ question: '', payload: 'P' }] }),
    ];
    for (const r of await Promise.all(refused.map(fails))) expect(r).toMatchObject({ status: 400, response: { code: 100 } });
  });

  it('keeps user_tags, location_id and collaborators on an image; a reel’s cover, share_to_feed and audio; reads back what Media documents', async () => {
    const image = await ig().createMedia([], {
      image_url: 'https://example.com/team.jpg',
      caption: 'Unser Team',
      user_tags: [{ username: 'jana.kuehn', x: 0.5, y: 0.25 }],
      location_id: '111175118906315',
      collaborators: ['partner.shop'],
    });
    const published = await ig().createMediaPublish([], { creation_id: image.id });
    const collaborators = Array.from(await new sdk.IGMedia(published.id).getCollaborators(['id', 'username', 'invite_status']));
    expect(collaborators).toEqual([expect.objectContaining({ id: expect.stringMatching(/^\d+$/), username: 'partner.shop', invite_status: 'Pending' })]);
    const reel = await ig().createMedia([], {
      media_type: 'REELS',
      video_url: 'https://example.com/clip.mp4',
      cover_url: 'https://example.com/cover.jpg',
      share_to_feed: false,
      audio_name: 'Winterklang',
      thumb_offset: 1500,
    });
    const reelId = (await ig().createMediaPublish([], { creation_id: reel.id })).id;
    const plain = await ig().createMedia([], { media_type: 'REELS', video_url: 'https://example.com/clip.mp4' });
    const plainId = (await ig().createMediaPublish([], { creation_id: plain.id })).id;
    const [withCover, withoutCover] = await Promise.all([reelId, plainId].map((id) => new sdk.IGMedia(id).get(['is_shared_to_feed', 'thumbnail_url'])));
    expect(withCover).toMatchObject({ is_shared_to_feed: false, thumbnail_url: expect.stringMatching(/^https:\/\/scontent\.cdninstagram\.com\//) });
    expect(withoutCover).toMatchObject({ is_shared_to_feed: true });
    expect(withCover.thumbnail_url).not.toBe(withoutCover.thumbnail_url);
    // What no Media field reads back is kept with the publish record.
    const records = (await getJson(`${sim.url}/_sim/received?network=instagram`)).body.items as Array<{ externalId: string; body: Record<string, unknown> }>;
    expect(records.find((r) => r.externalId === published.id)?.body).toMatchObject({
      user_tags: [{ username: 'jana.kuehn', x: 0.5, y: 0.25 }],
      location_id: '111175118906315',
      collaborators: ['partner.shop'],
    });
    expect(records.find((r) => r.externalId === reelId)?.body).toMatchObject({ audio_name: 'Winterklang', share_to_feed: false, thumb_offset: 1500 });
    const refused = [
      ig().createMedia([], { image_url: 'https://example.com/a.jpg', share_to_feed: true }),
      ig().createMedia([], { image_url: 'https://example.com/a.jpg', cover_url: 'https://example.com/c.jpg' }),
      ig().createMedia([], { image_url: 'https://example.com/a.jpg', user_tags: [{ username: 'jana.kuehn' }] }),
      ig().createMedia([], { image_url: 'https://example.com/a.jpg', collaborators: ['a', 'b', 'c', 'd'] }),
      ig().createMedia([], { image_url: 'https://example.com/a.jpg', location_id: 'Berlin' }),
      ig().createMedia([], { media_type: 'REELS', video_url: 'https://example.com/v.mp4', thumb_offset: -1 }),
    ];
    for (const r of await Promise.all(refused.map(fails))) expect(r).toMatchObject({ status: 400, response: { code: 100 } });
  });
});
