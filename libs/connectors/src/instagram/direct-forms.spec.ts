import type { MessageRecord } from '@resonance/contracts';
import { mapConversation, mapMessagesPage } from './mapper';
import { mapInstagramWebhook } from './webhook';

/**
 * The Direct forms beyond text: a business's replies with attachments (Send API image, video, audio,
 * file, several images, the heart sticker, a shared post), a customer's reply to a story, and the
 * postback/referral events. Shapes as Graph's message node documents them (attachments
 * {image_data | video_data | file_url + mime_type}, shares {link}, story {reply_to | mention {link, id}})
 * and Instagram's messaging webhook (`reply_to.story {id, url}`, `postback`, `referral`).
 */
const ACCOUNT = '17841400000000042';
const CUSTOMER = '1100000000000007';
const ctx = { accountId: ACCOUNT };
const from = (own: boolean) => ({ from: { id: own ? ACCOUNT : CUSTOMER, username: own ? 'resonancedemoshop' : 'kunde' } });
const HEART = 'https://lookaside.fbsbx.com/ig_messaging_cdn/sticker/like_heart.png';
const cdn = (n: number) => `https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=${n}&signature=sim`;

describe('Instagram Direct messages with attachments, shares, stories (Conversations API)', () => {
  const page = {
    data: [
      {
        id: 'm1',
        created_time: '2026-12-07T10:00:00+0000',
        ...from(true),
        message: '',
        attachments: { data: [{ image_data: { url: cdn(1), width: 1080, height: 1350 } }] },
      },
      {
        id: 'm2',
        created_time: '2026-12-07T10:01:00+0000',
        ...from(true),
        message: '',
        attachments: { data: [{ id: '1', mime_type: 'audio/mpeg', name: 'audioclip-1.mp4', size: 24000, file_url: cdn(2) }] },
      },
      {
        id: 'm3',
        created_time: '2026-12-07T10:02:00+0000',
        ...from(true),
        message: '',
        attachments: { data: [{ id: '2', mime_type: 'application/pdf', name: 'rechnung.pdf', size: 30000, file_url: cdn(3) }] },
      },
      { id: 'm4', created_time: '2026-12-07T10:03:00+0000', ...from(true), message: '', attachments: { data: [{ video_data: { url: cdn(4) } }] } },
      {
        id: 'm5',
        created_time: '2026-12-07T10:04:00+0000',
        ...from(true),
        message: '',
        attachments: { data: [{ image_data: { url: cdn(5) } }, { image_data: { url: cdn(6) } }] },
      },
      {
        id: 'm6',
        created_time: '2026-12-07T10:05:00+0000',
        ...from(true),
        message: '',
        attachments: { data: [{ image_data: { url: HEART, render_as_sticker: true } }] },
        sticker: HEART,
      },
      {
        id: 'm7',
        created_time: '2026-12-07T10:06:00+0000',
        ...from(true),
        message: '',
        shares: { data: [{ link: 'https://www.instagram.com/p/180000000000001/' }] },
      },
      {
        id: 'm8',
        created_time: '2026-12-07T10:07:00+0000',
        ...from(false),
        message: 'Wie teuer ist die Jacke?',
        story: { reply_to: { link: cdn(8), id: '18120000000000001' } },
      },
      { id: 'm9', created_time: '2026-12-07T10:08:00+0000', ...from(false), message: '', story: { mention: { link: cdn(9), id: '555' } } },
    ],
  };

  it('each message reads back with its attachments typed (image, audio, file, video, images, sticker, share, story reply, story mention)', () => {
    const records = mapMessagesPage(page, ctx, CUSTOMER).filter((r): r is MessageRecord => r.kind === 'message');
    expect(records.map((r) => [r.externalId, r.isFromAccount, r.attachments])).toEqual([
      ['m1', true, [{ type: 'image', url: cdn(1) }]],
      ['m2', true, [{ type: 'audio', url: cdn(2) }]],
      ['m3', true, [{ type: 'file', url: cdn(3) }]],
      ['m4', true, [{ type: 'video', url: cdn(4) }]],
      [
        'm5',
        true,
        [
          { type: 'image', url: cdn(5) },
          { type: 'image', url: cdn(6) },
        ],
      ],
      ['m6', true, [{ type: 'sticker', url: HEART }]],
      ['m7', true, [{ type: 'share', url: 'https://www.instagram.com/p/180000000000001/' }]],
      ['m8', false, [{ type: 'story_reply', url: cdn(8) }]],
      ['m9', false, [{ type: 'story_mention', url: cdn(9) }]],
    ]);
    expect(records.every((r) => r.threadKey === `dm:${CUSTOMER}`)).toBe(true);
    expect(records[7].text).toBe('Wie teuer ist die Jacke?');
  });

  it('a conversation with participants carries the same messages into the customer’s thread', () => {
    const records = mapConversation({ id: 'c1', participants: { data: [{ id: ACCOUNT }, { id: CUSTOMER }] }, messages: page }, ctx);
    expect(records[0]).toMatchObject({ kind: 'thread', externalId: `dm:${CUSTOMER}` });
    expect(records.filter((r) => r.kind === 'message')).toHaveLength(9);
  });
});

describe('Instagram messaging webhooks: story replies, attachment echoes, postback, referral', () => {
  const delivery = (event: Record<string, unknown>) => ({ object: 'instagram', entry: [{ id: ACCOUNT, time: 1765101600000, messaging: [event] }] });

  it('a story reply is a customer message with the story as a story_reply attachment', () => {
    const records = mapInstagramWebhook(
      delivery({
        sender: { id: CUSTOMER },
        recipient: { id: ACCOUNT },
        timestamp: 1765101600000,
        message: { mid: 'mid-story', text: 'Gibt es die in M?', reply_to: { story: { url: cdn(10), id: '18120000000000002' } } },
      }),
    );
    expect(records).toEqual([
      expect.objectContaining({
        kind: 'message',
        externalId: 'mid-story',
        threadKey: `dm:${CUSTOMER}`,
        text: 'Gibt es die in M?',
        isFromAccount: false,
        parentExternalId: null,
        attachments: [{ type: 'story_reply', url: cdn(10) }],
      }),
    ]);
  });

  it('the echo of an agent’s image, audio or file reply is the account’s message with the attachment', () => {
    const records = mapInstagramWebhook(
      delivery({
        sender: { id: ACCOUNT },
        recipient: { id: CUSTOMER },
        timestamp: 1765101600000,
        message: { mid: 'mid-echo', is_echo: true, attachments: [{ type: 'audio', payload: { url: cdn(11) } }] },
      }),
    );
    expect(records).toEqual([
      expect.objectContaining({ externalId: 'mid-echo', isFromAccount: true, threadKey: `dm:${CUSTOMER}`, attachments: [{ type: 'audio', url: cdn(11) }] }),
    ]);
  });

  it('a generic or button template the account sent reads back as a template attachment (its button link), in the conversation and in the echo', () => {
    const records = mapMessagesPage(
      {
        data: [
          {
            id: 'm-template',
            created_time: '2026-12-07T10:05:00+0000',
            ...from(true),
            message: 'Wie können wir helfen?',
            attachments: {
              data: [
                { id: '1', generic_template: { title: 'Wie können wir helfen?', cta: { title: 'Shop', type: 'web_url', url: 'https://example.com/shop' } } },
              ],
            },
          },
        ],
      },
      ctx,
      CUSTOMER,
    );
    expect(records[0]).toMatchObject({
      externalId: 'm-template',
      isFromAccount: true,
      text: 'Wie können wir helfen?',
      attachments: [{ type: 'template', url: 'https://example.com/shop' }],
    });
    const echo = mapInstagramWebhook(
      delivery({
        sender: { id: ACCOUNT },
        recipient: { id: CUSTOMER },
        timestamp: 1765101600000,
        message: {
          mid: 'mid-template',
          is_echo: true,
          attachments: [
            {
              type: 'template',
              payload: {
                template_type: 'generic',
                elements: [{ title: 'Winterjacke', buttons: [{ type: 'web_url', url: 'https://example.com/jacke', title: 'Ansehen' }] }],
              },
            },
          ],
        },
      }),
    );
    expect(echo).toEqual([
      expect.objectContaining({ externalId: 'mid-template', isFromAccount: true, attachments: [{ type: 'template', url: 'https://example.com/jacke' }] }),
    ]);
  });

  it('a tapped quick reply is the customer’s message with the reply’s title as text', () => {
    const records = mapInstagramWebhook(
      delivery({
        sender: { id: CUSTOMER },
        recipient: { id: ACCOUNT },
        timestamp: 1765101600000,
        message: { mid: 'mid-qr', text: 'M', quick_reply: { payload: 'SIZE_M' } },
      }),
    );
    expect(records).toEqual([expect.objectContaining({ externalId: 'mid-qr', isFromAccount: false, text: 'M', author: { externalId: CUSTOMER } })]);
  });

  it('postback (ice breaker) and referral (Click-to-Direct ad) name the conversation: a thread hint each', () => {
    const postback = mapInstagramWebhook(
      delivery({ sender: { id: CUSTOMER }, recipient: { id: ACCOUNT }, timestamp: 1, postback: { mid: 'p1', title: 'Wann liefert ihr?', payload: 'ICE' } }),
    );
    const referral = mapInstagramWebhook(
      delivery({
        sender: { id: CUSTOMER },
        recipient: { id: ACCOUNT },
        timestamp: 1,
        referral: { ref: 'winter', source: 'ADS', type: 'OPEN_THREAD', ad_id: '1202', ads_context_data: { ad_title: 'Sale' } },
      }),
    );
    expect(postback).toEqual([{ kind: 'hint', network: 'instagram', target: 'thread', externalId: `dm:${CUSTOMER}` }]);
    expect(referral).toEqual(postback);
  });
});
