import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageRecord, PostRecord, UnifiedRecord } from '@resonance/contracts';
import { parsePayload } from '../parse';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8'));
const parse = (endpoint: string, name: string, extra: { accountId?: string; objectId?: string; status?: number } = {}) =>
  parsePayload({ network: 'facebook', endpoint, body: fixture(name), ...extra });
const messages = (records: UnifiedRecord[]) => records.filter((r): r is MessageRecord => r.kind === 'message');

describe('Facebook fixtures → unified records', () => {
  it('comments page (filter=stream, ids only in permalinks): every comment and reply, threaded under its top-level comment', () => {
    const records = parse('comments', 'page-post-comments-stream-page1.json');
    const ms = messages(records);
    expect(ms).toHaveLength(10);
    expect(records[records.length - 1]).toEqual({ kind: 'page', network: 'facebook', nextCursor: 'after' });
    expect(ms[0]).toEqual({
      kind: 'message',
      network: 'facebook',
      externalId: '10158407654328553_10158407835073553',
      threadKey: '10158407654328553_10158407835073553',
      channel: 'comment',
      parentExternalId: null,
      postExternalId: '19292868552_10158407654328553',
      author: {},
      text: 'Boa noite peço ajuda  Como faço para usar a minha página como meu perfil?',
      createdAt: '2021-08-10T18:45:03.000Z',
      url: 'https://www.facebook.com/19292868552/posts/10158407654328553/?comment_id=10158407835073553',
    });
    // The reply "Hi, you can learn more…" answers the first comment: same thread, parent set.
    const reply = ms.find((m) => m.externalId === '10158407654328553_10158409984103553')!;
    expect(reply.threadKey).toBe('10158407654328553_10158407835073553');
    expect(reply.parentExternalId).toBe('10158407654328553_10158407835073553');
    expect(reply.createdAt).toBe('2021-08-11T23:23:06.000Z');
    // Threads: 5 top-level comments; the comment with comment_count 2 has its two replies.
    const threads = new Map<string, number>();
    for (const m of ms) threads.set(m.threadKey, (threads.get(m.threadKey) ?? 0) + 1);
    expect(threads.size).toBe(6);
    expect(threads.get('10158407654328553_10158407903973553')).toBe(3);
    expect(new Set(ms.map((m) => m.externalId)).size).toBe(10);
  });

  it('single comment with a photo attachment, written by someone other than the page', () => {
    const records = parse('comment', 'comment-single-with-attachment.json', { accountId: '2121008874780932' });
    expect(records).toEqual([
      {
        kind: 'message',
        network: 'facebook',
        externalId: '2498598377021978_2498617433686739',
        threadKey: '2498598377021978_2498617433686739',
        channel: 'comment',
        parentExternalId: null,
        postExternalId: '2121008874780932_2498598377021978',
        author: { externalId: '2711636948859886', name: 'Kun Liu' },
        text: 'Good job!😏',
        createdAt: '2019-12-16T12:09:40.000Z',
        url: 'https://www.facebook.com/2121008874780932/posts/2498598377021978/?comment_id=2498617433686739',
        attachments: [
          {
            type: 'photo',
            url: 'https://scontent.xx.fbcdn.net/v/t1.0-9/80295560_516040909254766_1429720438753198080_n.jpg?_nc_cat=100&_nc_oc=AQnLVD4nFSoiHzy5avANWll2LDcu1pLxcS0ZSgZ1jHfLkH6Y1IQT3vTdKKIqqETYS84&_nc_ht=scontent.xx&oh=296cc062d2b3f30a98514f0e1ec89b8a&oe=5E706DB7',
          },
        ],
        isFromAccount: false,
      },
    ]);
  });

  it('posts page with time-based paging: five posts and the next page as a query without the token', () => {
    const records = parse('posts', 'posts-list-time-paging-page1.json');
    const posts = records.filter((r): r is PostRecord => r.kind === 'post');
    expect(posts).toHaveLength(5);
    expect(posts[0]).toEqual({
      kind: 'post',
      network: 'facebook',
      externalId: '4_10113477241177441',
      text: 'Happy July 4th! 🇺🇸',
      publishedAt: '2021-07-04T19:50:58.000Z',
    });
    const page = records[records.length - 1];
    expect(page.kind).toBe('page');
    const cursor = (page as { nextCursor: string }).nextCursor;
    expect(cursor).toContain('until=1624385168');
    expect(cursor).toContain('__paging_token=__paging_token');
    expect(cursor).not.toContain('access_token');
  });

  it('single Messenger message with an image: threaded by the customer, attachment kept', () => {
    const [record, ...rest] = parse('message', 'message-single-with-attachment.json', { accountId: '2121008874780932' });
    expect(rest).toEqual([]);
    expect(record).toMatchObject({
      kind: 'message',
      network: 'facebook',
      externalId: 'm_ToF35NI1OImBjyUIgplSaBMylUFmkYY4bHogy9C1otLISU6SGhccB5NK-THX_W4EdVQiKVv5SgCW9m-_C78mRA',
      threadKey: 'dm:2711636948859886',
      channel: 'direct',
      author: { externalId: '2711636948859886', name: 'Kun Liu' },
      text: '',
      createdAt: '2021-07-23T09:50:48.000Z',
      isFromAccount: false,
    });
    expect((record as MessageRecord).attachments).toEqual([
      { type: 'image', url: expect.stringMatching(/^https:\/\/scontent-gmp1-1\.xx\.fbcdn\.net\/v\/t1\.15752-9\/216389199_/) },
    ]);
    // Without the page's id the message is still read as the customer's (the common case).
    expect(parse('message', 'message-single-with-attachment.json')[0]).toMatchObject({ threadKey: 'dm:2711636948859886' });
  });

  it('webhook feed comment (v2.11): a message record, written by the page itself', () => {
    expect(parse('webhook', 'webhook-feed-comment-add-v2.11.json')).toEqual([
      {
        kind: 'message',
        network: 'facebook',
        externalId: '901097836652708_903438993085259',
        threadKey: '901097836652708_903438993085259',
        channel: 'comment',
        parentExternalId: null,
        postExternalId: '1234567890321_901097836652708',
        author: { externalId: '1234567890321', name: 'Tester' },
        text: 'and the next one',
        createdAt: '2015-12-03T09:30:03.000Z',
        isFromAccount: true,
      },
    ]);
  });

  it('webhook Messenger message that replies to another: a direct message in the sender’s thread', () => {
    expect(parse('webhook', 'webhook-messenger-message-reply.json')).toEqual([
      {
        kind: 'message',
        network: 'facebook',
        externalId: 'mid.1457764197618:41d102a3e1ae206a38',
        threadKey: 'dm:987654321432',
        channel: 'direct',
        parentExternalId: 'very_long_id_representing_the_original_message',
        postExternalId: null,
        author: { externalId: '987654321432' },
        text: 'hello, world!',
        // timestamp 1457764197627 ms, kept at the Graph API's one-second resolution (see webhook.ts).
        createdAt: '2016-03-12T06:29:57.000Z',
        isFromAccount: false,
      },
    ]);
  });

  it('error bodies: (#4) → RATE_LIMITED with a delay, (#100) object does not exist → NOT_FOUND', () => {
    expect(parse('posts', 'error-4-application-request-limit.json', { status: 400 })).toEqual([
      { kind: 'error', network: 'facebook', code: 'RATE_LIMITED', retryAfterMs: 60_000, message: '(#4) Application request limit reached' },
    ]);
    const [err] = parse('comments', 'error-100-missing-permission.json', { status: 400 });
    expect(err).toMatchObject({ kind: 'error', network: 'facebook', code: 'NOT_FOUND' });
    expect((err as { message: string }).message).toMatch(/^\(#100\) Object does not exist/);
  });
});
