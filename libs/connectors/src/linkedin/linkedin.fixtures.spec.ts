import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageRecord, UnifiedRecord } from '@resonance/contracts';
import { parsePayload } from '../parse';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8'));
const parse = (endpoint: string, body: unknown, extra: { accountId?: string; objectId?: string; status?: number } = {}) =>
  parsePayload({ network: 'linkedin', endpoint, body, ...extra });
const messages = (records: UnifiedRecord[]) => records.filter((r): r is MessageRecord => r.kind === 'message');

describe('LinkedIn fixtures → unified records', () => {
  it('post object (organization author, dark post): one post record with its URN, text and publish time', () => {
    expect(parse('post', fixture('post-object-org-author.json'))).toEqual([
      {
        kind: 'post',
        network: 'linkedin',
        externalId: 'urn:li:share:6844785523593134080',
        text: 'comment on Oct 20',
        url: 'https://www.linkedin.com/feed/update/urn:li:share:6844785523593134080/',
        publishedAt: new Date(1634790968774).toISOString(),
      },
    ]);
  });

  it('posts page: every element a post, then where paging goes on (start/count)', () => {
    const post = fixture('post-object-org-author.json') as Record<string, unknown>;
    const body = {
      paging: {
        start: 0,
        count: 2,
        links: [{ type: 'application/json', rel: 'next', href: '/rest/posts?q=author&author=urn%3Ali%3Aorganization%3A5515715&count=2&start=2' }],
        total: 3,
      },
      elements: [post, { ...post, id: 'urn:li:ugcPost:7000000000000000001', commentary: 'zweiter Beitrag' }],
    };
    const records = parse('posts', body);
    expect(records.map((r) => (r.kind === 'post' ? r.externalId : r.kind))).toEqual([
      'urn:li:share:6844785523593134080',
      'urn:li:ugcPost:7000000000000000001',
      'page',
    ]);
    expect(records[2]).toEqual({ kind: 'page', network: 'linkedin', nextCursor: '2' });
    expect(parse('posts', { paging: { start: 2, count: 2, links: [] }, elements: [post] }).at(-1)).toEqual({
      kind: 'page',
      network: 'linkedin',
      nextCursor: null,
    });
  });

  it('comment made as an organization ($URN with a nested URN, image content): one message with the image', () => {
    const [record, ...rest] = parse('comment', fixture('comment-object-org-actor-with-image.json'), { accountId: 'urn:li:organization:5637409' });
    expect(rest).toEqual([]);
    expect(record).toEqual({
      kind: 'message',
      network: 'linkedin',
      externalId: 'urn:li:comment:(urn:li:activity:6641861161010679808,6643206422739898368)',
      threadKey: 'urn:li:comment:(urn:li:activity:6641861161010679808,6643206422739898368)',
      channel: 'comment',
      parentExternalId: null,
      postExternalId: 'urn:li:activity:6641861161010679808',
      author: { externalId: 'urn:li:organization:5637409' },
      text: 'commentV2 with image urn',
      createdAt: new Date(1583863835990).toISOString(),
      url: 'https://www.linkedin.com/feed/update/urn:li:activity:6641861161010679808/?commentUrn=urn%3Ali%3Acomment%3A(urn%3Ali%3Aactivity%3A6641861161010679808%2C6643206422739898368)',
      attachments: [
        {
          type: 'image',
          url: 'https://media.licdn-ei.com/dms/image/C552CAQGu16obsGZENQ/comment-image-shrink_8192_800/0?e=1585180800&v=beta&t=d8E35ZP3x0_Lrk0utXbn3YPw9_5ybihj2AWXWb8xHdc',
        },
      ],
      isFromAccount: true,
    });
    // Another organization's page: the same comment is not the account's own.
    expect(messages(parse('comment', fixture('comment-object-org-actor-with-image.json'), { accountId: 'urn:li:organization:1' }))[0].isFromAccount).toBe(
      false,
    );
  });

  it('comments page: a reply joins its top-level comment’s thread; a comment without actor stays, anonymous; a deleted one is skipped', () => {
    const top = fixture('comment-object-org-actor-with-image.json') as Record<string, unknown>;
    const topUrn = top.$URN as string;
    const body = {
      paging: { start: 0, count: 10, links: [], total: 3 },
      elements: [
        top,
        {
          id: '7000',
          object: 'urn:li:activity:6641861161010679808',
          parentComment: topUrn,
          actor: 'urn:li:person:CnpTkB7V70',
          created: { time: 1583863900000 },
          message: { text: 'Antwort' },
          commentUrn: 'urn:li:comment:(urn:li:activity:6641861161010679808,7000)',
        },
        { id: '7001', object: 'urn:li:activity:6641861161010679808', created: { time: 1583864000000 }, message: { text: 'ohne actor' } },
        { id: '7002', object: 'urn:li:activity:6641861161010679808', created: { time: 1583864100000 }, lifecycleState: 'DELETED', message: { text: '' } },
      ],
    };
    const records = parse('comments', body, { objectId: 'urn:li:share:1' });
    const ms = messages(records);
    expect(ms.map((m) => [m.externalId, m.threadKey, m.parentExternalId])).toEqual([
      [topUrn, topUrn, null],
      ['urn:li:comment:(urn:li:activity:6641861161010679808,7000)', topUrn, topUrn],
      ['urn:li:comment:(urn:li:activity:6641861161010679808,7001)', 'urn:li:comment:(urn:li:activity:6641861161010679808,7001)', null],
    ]);
    expect(ms.every((m) => m.postExternalId === 'urn:li:share:1')).toBe(true);
    expect(ms[2].author).toEqual({});
    expect(records.at(-1)).toEqual({ kind: 'page', network: 'linkedin', nextCursor: null });
  });

  it('429 resource throttle body: RATE_LIMITED until the daily reset (midnight UTC)', () => {
    const [error] = parse('comments', fixture('error-429-resource-throttle.json'), { status: 429 });
    expect(error).toMatchObject({
      kind: 'error',
      network: 'linkedin',
      code: 'RATE_LIMITED',
      message: 'Resource level throttle limit for calls to this resource is reached.',
    });
    const retry = (error as { retryAfterMs: number }).retryAfterMs;
    const now = Date.now();
    const midnight = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate() + 1);
    expect(Math.abs(now + retry - midnight)).toBeLessThan(5_000);
  });
});
