import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePayload } from '../parse';

/**
 * Graph forms the sim added for photo and video posts and Send API templates (apps/sim
 * networks/facebook media.ts, send-content.ts), in the shapes it sends them, and Meta's documented
 * echo of a template under `standby`: each gives records, never nothing.
 */
const PAGE = '104857600123456';
const PSID = '7000000000000236';
const parse = (endpoint: string, body: unknown, accountId?: string) =>
  parsePayload({ network: 'facebook', endpoint, body, ...(accountId ? { accountId } : {}) });
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8'));

describe('Facebook photo, video and template forms → records', () => {
  it('a feed page with a photo post, an album and a video post: a post record each, with the caption or description as text', () => {
    const photo = {
      id: `${PAGE}_123000000000003`,
      message: 'Die neue Winterjacke',
      created_time: '2026-12-07T20:00:00+0000',
      status_type: 'added_photos',
      full_picture: 'https://scontent.xx.fbcdn.net/v/t39.30808-6/124000000000002_ab_n.jpg',
      attachments: {
        data: [
          { media: { image: { height: 720, src: 'https://scontent.xx.fbcdn.net/x_n.jpg', width: 960 } }, target: { id: '124000000000002' }, type: 'photo' },
        ],
      },
    };
    const album = {
      ...photo,
      id: `${PAGE}_123000000000006`,
      attachments: { data: [{ type: 'album', subattachments: { data: [{ type: 'photo' }, { type: 'photo' }] } }] },
    };
    const video = {
      id: `${PAGE}_123000000000008`,
      created_time: '2026-12-07T20:05:00+0000',
      status_type: 'added_video',
      attachments: {
        data: [{ media: { image: { src: 'https://scontent.xx.fbcdn.net/t_n.jpg' }, source: 'https://video.xx.fbcdn.net/v_n.mp4' }, type: 'video_inline' }],
      },
    };
    const records = parse('posts', { data: [photo, album, video] }, PAGE);
    expect(records).toEqual([
      { kind: 'post', network: 'facebook', externalId: photo.id, text: 'Die neue Winterjacke', publishedAt: '2026-12-07T20:00:00.000Z' },
      { kind: 'post', network: 'facebook', externalId: album.id, text: 'Die neue Winterjacke', publishedAt: '2026-12-07T20:00:00.000Z' },
      { kind: 'post', network: 'facebook', externalId: video.id, text: '', publishedAt: '2026-12-07T20:05:00.000Z' },
      { kind: 'page', network: 'facebook', nextCursor: null },
    ]);
  });

  it('a message the page sent as a generic template: its text (none) and the button link as a template attachment', () => {
    const message = {
      id: 'm_abc',
      created_time: '2026-12-07T20:10:00+0000',
      from: { id: PAGE, name: 'Resonance Demo Shop' },
      to: { data: [{ id: PSID, name: 'Ethan Johnson' }] },
      message: '',
      attachments: {
        data: [
          {
            id: '1',
            generic_template: {
              title: 'Winterjacke',
              media_url: 'https://example.com/j.jpg',
              cta: { title: 'Ansehen', type: 'web_url', url: 'https://example.com/j' },
            },
          },
          { id: '2', generic_template: { title: 'Mütze' } },
        ],
      },
    };
    expect(parse('messages', { data: [message] }, PAGE)).toEqual([
      {
        kind: 'message',
        network: 'facebook',
        externalId: 'm_abc',
        threadKey: `dm:${PSID}`,
        channel: 'direct',
        parentExternalId: null,
        postExternalId: null,
        author: { externalId: PAGE, name: 'Resonance Demo Shop' },
        text: '',
        createdAt: '2026-12-07T20:10:00.000Z',
        attachments: [{ type: 'template', url: 'https://example.com/j' }],
        isFromAccount: true,
      },
      { kind: 'page', network: 'facebook', nextCursor: null },
    ]);
  });

  it('feed items photo and video from the page: post records', () => {
    const from = { id: PAGE, name: 'Resonance Demo Shop' };
    const delivery = (value: Record<string, unknown>) => ({ object: 'page', entry: [{ id: PAGE, time: 1796673600, changes: [{ field: 'feed', value }] }] });
    const photo = {
      item: 'photo',
      verb: 'add',
      post_id: `${PAGE}_1`,
      photo_id: '124',
      link: 'https://scontent.xx.fbcdn.net/p_n.jpg',
      published: 1,
      from,
      created_time: 1796673600,
      message: 'Foto',
    };
    expect(parse('webhook', delivery(photo))).toEqual([
      { kind: 'post', network: 'facebook', externalId: `${PAGE}_1`, text: 'Foto', publishedAt: '2026-12-07T20:00:00.000Z' },
    ]);
    const video = {
      item: 'video',
      verb: 'add',
      post_id: `${PAGE}_2`,
      video_id: '125',
      link: 'https://video.xx.fbcdn.net/v_n.mp4',
      published: 1,
      from,
      created_time: 1796673600,
      message: '',
    };
    expect(parse('webhook', delivery(video))).toEqual([
      { kind: 'post', network: 'facebook', externalId: `${PAGE}_2`, text: '', publishedAt: '2026-12-07T20:00:00.000Z' },
    ]);
  });

  it("echoes of templates (the sim's generic one, Meta's media one under standby) and a tapped quick reply: message records", () => {
    const echo = {
      object: 'page',
      entry: [
        {
          id: PAGE,
          time: 1796673600000,
          messaging: [
            {
              sender: { id: PAGE },
              recipient: { id: PSID },
              timestamp: 1796673600000,
              message: {
                mid: 'm_t',
                is_echo: true,
                app_id: 1,
                metadata: 'm-1',
                attachments: [
                  {
                    type: 'template',
                    payload: {
                      template_type: 'generic',
                      elements: [{ title: 'Jacke', buttons: [{ type: 'web_url', url: 'https://example.com/j', title: 'Ansehen' }] }],
                    },
                  },
                ],
              },
            },
            { sender: { id: PSID }, recipient: { id: PAGE }, timestamp: 1796673601000, message: { mid: 'm_q', text: 'L', quick_reply: { payload: 'SIZE_L' } } },
          ],
        },
      ],
    };
    expect(parse('webhook', echo)).toEqual([
      expect.objectContaining({
        externalId: 'm_t',
        threadKey: `dm:${PSID}`,
        text: '',
        isFromAccount: true,
        attachments: [{ type: 'template', url: 'https://example.com/j' }],
      }),
      expect.objectContaining({ externalId: 'm_q', threadKey: `dm:${PSID}`, text: 'L', isFromAccount: false, author: { externalId: PSID } }),
    ]);
    expect(parse('webhook', fixture('webhook-messenger-echo-standby-template.json'))).toEqual([
      {
        kind: 'message',
        network: 'facebook',
        externalId: 'qT7ywaKpO9kkQR7Gv-nM8LIfLZDamVrALniheUYEDdHJXjDXEAyaS1xxONzb2Iv-DFzmTihfWJV012P5pK0AhQ',
        threadKey: 'dm:<PSID>',
        channel: 'direct',
        parentExternalId: null,
        postExternalId: null,
        author: { externalId: '<PAGE_ID>' },
        text: '',
        createdAt: '2019-10-02T21:52:50.000Z',
        isFromAccount: true,
        attachments: [{ type: 'template', url: 'https://www.facebook.com/commerce/update/' }],
      },
    ]);
  });
});
