import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageRecord, PostRecord, UnifiedRecord } from '@resonance/contracts';
import { parsePayload } from '../parse';

const DIR = join(__dirname, 'fixtures');
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(DIR, name), 'utf8'));
const parse = (endpoint: string, name: string, extra: { accountId?: string; objectId?: string; status?: number } = {}) =>
  parsePayload({ network: 'instagram', endpoint, body: fixture(name), ...extra });
const messages = (records: UnifiedRecord[]) => records.filter((r): r is MessageRecord => r.kind === 'message');

/** Every recorded payload, with the endpoint it is parsed as (token and header files: auth-budget.spec.ts). */
const ENDPOINT_OF: Record<string, { endpoint: string; status?: number } | 'not-a-payload'> = {
  'comment-delete-response.json': { endpoint: 'send' },
  'comment-hide-response.json': { endpoint: 'send' },
  'comment-replies-page1.json': { endpoint: 'replies' },
  'comments-with-replies-page1.json': { endpoint: 'comments' },
  'conversation-participants.json': { endpoint: 'conversations' },
  'conversations-list-ig-login.json': { endpoint: 'conversations' },
  'error-10-application-no-permission-igapiexception.json': { endpoint: 'send', status: 400 },
  'error-190-463-session-expired-graph-facebook.json': { endpoint: 'media', status: 400 },
  'error-4-application-request-limit-reached.json': { endpoint: 'media', status: 400 },
  'headers-x-business-use-case-usage-instagram.json': 'not-a-payload',
  'media-list-page1-with-cursors.json': { endpoint: 'media' },
  'media-object-carousel-with-children.json': { endpoint: 'media' },
  'mentioned-comment-expansion.json': { endpoint: 'mentions' },
  'send-api-response-ig-login.json': { endpoint: 'send' },
  'token-ig-exchange-long-lived.json': 'not-a-payload',
  'token-ig-refresh.json': 'not-a-payload',
  'webhook-comments-ig-login.json': { endpoint: 'webhook' },
  'webhook-mentions-dashboard-sample.json': { endpoint: 'webhook' },
  'webhook-messaging-attachment-unsupported-type.json': { endpoint: 'webhook' },
  'webhook-messaging-echo.json': { endpoint: 'webhook' },
  'webhook-messaging-text-ig-login.json': { endpoint: 'webhook' },
};

describe('Instagram fixtures → unified records', () => {
  it('every recorded payload is listed here and parses without an unexpected-shape error', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(Object.keys(ENDPOINT_OF).sort());
    for (const [file, how] of Object.entries(ENDPOINT_OF)) {
      if (how === 'not-a-payload') continue;
      const records = parse(how.endpoint, file, { status: how.status });
      const unexpected = records.filter((r) => r.kind === 'error' && r.message.startsWith('unexpected'));
      expect({ file, unexpected }).toEqual({ file, unexpected: [] });
      expect(records.every((r) => r.network === 'instagram')).toBe(true);
    }
  });

  it('media page: five posts, the caption empty where Instagram omits it, ids as strings, more after the cursor', () => {
    const records = parse('media', 'media-list-page1-with-cursors.json');
    const posts = records.filter((r): r is PostRecord => r.kind === 'post');
    expect(posts.map((p) => p.externalId)).toEqual(['18075344632131157', '18027939643230671', '17861821972334188', '17864312515295083', '17924095942208544']);
    expect(posts[0]).toEqual({
      kind: 'post',
      network: 'instagram',
      externalId: '18075344632131157',
      text: '',
      url: 'https://www.instagram.com/p/B38X8BzHsDi/',
      publishedAt: '2019-10-23T02:06:46.000Z',
      counts: { reactions: 0, comments: 1 },
    });
    expect(posts[2]).toMatchObject({ text: 'Snowing.', counts: { reactions: 4, comments: 1 } });
    expect(records[records.length - 1]).toEqual({
      kind: 'page',
      network: 'instagram',
      nextCursor: 'QVFIUm5OcnRuYVYxM1Y0azhrMXJremdEdG4wUFRDNVVVRkNLZAGFJeTNQSGxSQ1pqQ1hROTh3MzhfbEplQlhMVUJpdUtuR3o4eDJqUENMMTJLakN2QzdjOVVn',
    });
  });

  it('one carousel media object: one post with its caption', () => {
    expect(parse('media', 'media-object-carousel-with-children.json')).toEqual([
      {
        kind: 'post',
        network: 'instagram',
        externalId: '17896129349106152',
        text: 'ALBUM',
        url: 'https://www.instagram.com/p/CRyZpmrjYC4/',
        publishedAt: '2021-07-26T10:45:20.000Z',
        counts: { reactions: 1, comments: 0 },
      },
    ]);
  });

  it('comments with replies{…}: five top-level threads, the nested reply in its parent’s thread; `user` marks the account’s own', () => {
    const records = parse('comments', 'comments-with-replies-page1.json', { accountId: '17841406338772941' });
    const ms = messages(records);
    expect(ms.map((m) => [m.externalId, m.threadKey, m.parentExternalId])).toEqual([
      ['17862949873623188', '17862949873623188', null],
      ['17850033184810160', '17862949873623188', '17862949873623188'],
      ['17844360649889631', '17844360649889631', null],
      ['18081420289157481', '18081420289157481', null],
      ['17978366428292530', '17978366428292530', null],
      ['18078575905189841', '18078575905189841', null],
    ]);
    expect(ms[0]).toEqual({
      kind: 'message',
      network: 'instagram',
      externalId: '17862949873623188',
      threadKey: '17862949873623188',
      channel: 'comment',
      parentExternalId: null,
      postExternalId: '17955956875141196',
      author: { externalId: '17841406338772941', name: 'ikroskun', handle: 'ikroskun' },
      text: 'nine',
      createdAt: '2020-01-05T05:58:47.000Z',
      isFromAccount: true,
    });
    expect(records[records.length - 1]).toMatchObject({ kind: 'page', nextCursor: expect.stringMatching(/^UVZAGQ/) });
  });

  it('replies page: both replies belong to the comment of the path; a customer’s reply (no `user`) is not the account’s', () => {
    const records = parse('replies', 'comment-replies-page1.json', { accountId: '17841406338772941' });
    const ms = messages(records);
    expect(ms.map((m) => [m.externalId, m.threadKey, m.parentExternalId, m.isFromAccount])).toEqual([
      ['18107567341036926', '17984127178281340', '17984127178281340', true],
      ['17846106427692294', '17984127178281340', '17984127178281340', false],
    ]);
    expect(ms[1]).toMatchObject({ author: { name: 'yjmjump', handle: 'yjmjump' }, text: '@ikroskun 我看见你吃的，全吃了一点没剩' });
  });

  it('mentioned_comment expansion: a mention of the account, its own thread, pointing at the media', () => {
    expect(parse('mentions', 'mentioned-comment-expansion.json')).toEqual([
      {
        kind: 'message',
        network: 'instagram',
        externalId: '17892250648466172',
        // Answering it needs the media too (POST /{ig-user-id}/mentions): the key carries both.
        threadKey: 'mention:17846368219941692:17892250648466172',
        channel: 'mention',
        parentExternalId: null,
        postExternalId: '17846368219941692',
        author: {},
        text: '@ikroskun  Hey, guys',
        createdAt: '2020-02-24T09:15:16.000Z',
        url: 'https://www.instagram.com/p/B8gQCApHMT-/',
        isFromAccount: false,
      },
    ]);
  });

  it('conversations: the IG-Login listing names nobody (a hint, last page); participants name the customer', () => {
    expect(parse('conversations', 'conversations-list-ig-login.json')).toEqual([
      { kind: 'hint', network: 'instagram', target: 'thread', externalId: 'aWdfZAG06MzQwMjgyMzY2ODQxNzEwMzAxMjQ0Mjc2MjI0ODc5NzIxODIwOTg4' },
      { kind: 'page', network: 'instagram', nextCursor: null },
    ]);
    const thread = { kind: 'thread', network: 'instagram', externalId: 'dm:848067418322071', channel: 'direct' };
    expect(parse('conversations', 'conversation-participants.json', { accountId: '17841430541631416' })).toEqual([thread]);
    // Without the account's id the professional account (1784…) is still told apart from the customer.
    expect(parse('conversations', 'conversation-participants.json')).toEqual([thread]);
  });

  it('webhook comments (IG Login, entry.time in seconds): a customer comment', () => {
    expect(parse('webhook', 'webhook-comments-ig-login.json')).toEqual([
      {
        kind: 'message',
        network: 'instagram',
        externalId: '17867301270523379',
        threadKey: '17867301270523379',
        channel: 'comment',
        parentExternalId: null,
        postExternalId: '18050310947722369',
        author: { externalId: '848067418322071', name: 'm_waqarsikandar', handle: 'm_waqarsikandar' },
        text: 'LINK',
        createdAt: '2026-04-16T11:39:51.000Z',
        isFromAccount: false,
      },
    ]);
  });

  it('webhook mentions (dashboard test, entry.id "0"): only ids, so a hint to read the comment', () => {
    expect(parse('webhook', 'webhook-mentions-dashboard-sample.json')).toEqual([
      { kind: 'hint', network: 'instagram', target: 'comment', externalId: '17887498072083520' },
    ]);
  });

  it('webhook messaging: text and unsupported attachment from customers, the echo as the account’s own (ms times)', () => {
    const [text] = parse('webhook', 'webhook-messaging-text-ig-login.json');
    expect(text).toMatchObject({
      kind: 'message',
      threadKey: 'dm:1129842642640637',
      channel: 'direct',
      author: { externalId: '1129842642640637' },
      text: 'Oi',
      createdAt: '2025-11-01T18:05:15.000Z',
      isFromAccount: false,
    });
    const [attachment] = parse('webhook', 'webhook-messaging-attachment-unsupported-type.json');
    expect(attachment).toMatchObject({ threadKey: 'dm:5614879045272581', text: '', isFromAccount: false });
    expect((attachment as MessageRecord).attachments).toEqual([
      { type: 'unsupported_type', url: expect.stringMatching(/^https:\/\/lookaside\.fbsbx\.com\/ig_messaging_cdn\/\?asset_id=17997515821557846&/) },
    ]);
    const [echo] = parse('webhook', 'webhook-messaging-echo.json');
    expect(echo).toMatchObject({ threadKey: 'dm:2095110131238447', author: { externalId: '17841479961311534' }, isFromAccount: true });
  });

  it('send answers: a sent message points at its thread; hide and delete acknowledgements carry no record', () => {
    expect(parse('send', 'send-api-response-ig-login.json')).toEqual([
      { kind: 'hint', network: 'instagram', target: 'thread', externalId: 'dm:848067418322071' },
    ]);
    expect(parse('send', 'comment-hide-response.json')).toEqual([]);
    expect(parse('send', 'comment-delete-response.json')).toEqual([]);
  });

  it('error bodies: IGApiException 10 → PERMISSION_DENIED, 190/463 → AUTH_EXPIRED, (#4) → RATE_LIMITED with a delay', () => {
    expect(parse('send', 'error-10-application-no-permission-igapiexception.json', { status: 400 })).toEqual([
      { kind: 'error', network: 'instagram', code: 'PERMISSION_DENIED', message: 'Application does not have permission for this action' },
    ]);
    expect(parse('media', 'error-190-463-session-expired-graph-facebook.json', { status: 400 })[0]).toMatchObject({ kind: 'error', code: 'AUTH_EXPIRED' });
    expect(parse('media', 'error-4-application-request-limit-reached.json', { status: 400 })).toEqual([
      { kind: 'error', network: 'instagram', code: 'RATE_LIMITED', retryAfterMs: 60_000, message: '(#4) Application request limit reached' },
    ]);
  });
});
