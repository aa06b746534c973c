import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageRecord, UnifiedRecord } from '@resonance/contracts';
import { parsePayload } from '../parse';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8'));
const parse = (endpoint: string, body: unknown, extra: { accountId?: string; objectId?: string; status?: number } = {}) =>
  parsePayload({ network: 'x', endpoint, body, ...extra });
const messages = (records: UnifiedRecord[]) => records.filter((r): r is MessageRecord => r.kind === 'message');

describe('X fixtures → unified records', () => {
  it('mentions timeline page: every tweet a mention of its own thread, times exact, next_token as the cursor', () => {
    const records = parse('mentions', fixture('mentions-timeline-page1.json'));
    const ms = messages(records);
    expect(ms).toHaveLength(5);
    expect(records[records.length - 1]).toEqual({ kind: 'page', network: 'x', nextCursor: '7140dibdnow9c7btw3w3ixl43r8knib48jsfyzko1h5py' });
    expect(ms[0]).toEqual({
      kind: 'message',
      network: 'x',
      externalId: '1364398068313903104',
      threadKey: '1364398068313903104',
      channel: 'mention',
      parentExternalId: null,
      postExternalId: null,
      author: {},
      text: '@Twitter should consider supporting #VoiceMessaging support for @TweetDeck too\n\n@TwitterSupport \n@TwitterDev',
      createdAt: '2021-02-24T02:13:43.000Z',
      url: 'https://x.com/i/web/status/1364398068313903104',
    });
    expect(ms.map((m) => m.createdAt)).toEqual([
      '2021-02-24T02:13:43.000Z',
      '2021-02-24T00:53:09.000Z',
      '2021-02-24T00:51:36.000Z',
      '2021-02-24T00:37:57.000Z',
      '2021-02-24T00:13:47.000Z',
    ]);
    expect(new Set(ms.map((m) => m.threadKey)).size).toBe(5);
  });

  it('tweet-create response: the account’s own reply, under the tweet it answers', () => {
    expect(parse('tweet-create', fixture('create-tweet-response.json'), { accountId: '2244994945', objectId: '1445880000000000000' })).toEqual([
      expect.objectContaining({
        kind: 'message',
        externalId: '1445880548472328192',
        text: 'Hello world!',
        threadKey: '1445880000000000000',
        parentExternalId: '1445880000000000000',
        author: { externalId: '2244994945' },
        isFromAccount: true,
      }),
    ]);
  });

  it('dm events: one direct message in the customer’s thread, from the customer', () => {
    const records = parse('dm-events', fixture('dm-events-by-conversation.json'), { accountId: '1585094756761149440' });
    expect(records).toEqual([
      {
        kind: 'message',
        network: 'x',
        externalId: '1585321444547837956',
        threadKey: 'dm:906948460078698496',
        channel: 'direct',
        parentExternalId: null,
        postExternalId: null,
        author: { externalId: '906948460078698496' },
        text: 'Another photo https://t.co/J5KotyeIyd',
        createdAt: '2022-10-26T17:24:21.000Z',
        isFromAccount: false,
      },
      { kind: 'page', network: 'x', nextCursor: null },
    ]);
  });

  it('Account Activity tweet_delete_events: a hint to re-read the tweet', () => {
    expect(parse('webhook', fixture('webhook-aaa-tweet-delete-events.json'))).toEqual([
      { kind: 'hint', network: 'x', target: 'comment', externalId: '1045405559317569537' },
    ]);
  });

  it('429 code 88 body: RATE_LIMITED with a delay', () => {
    const [record] = parse('mentions', fixture('error-429-rate-limit-exceeded-code88.json'), { status: 429 });
    expect(record).toMatchObject({ kind: 'error', network: 'x', code: 'RATE_LIMITED', message: 'Rate limit exceeded' });
    expect((record as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
  });
});

describe('X payloads in the shapes the API documents', () => {
  const account = '1590000000000000042';
  const users = [
    { id: account, name: 'Resonance Demo Shop', username: 'resonance_demo' },
    { id: '111', name: 'Ada Kunde', username: 'ada', profile_image_url: 'https://pbs.twimg.com/a.jpg' },
    { id: '222', name: 'Ben Kunde', username: 'ben' },
  ];
  const post = {
    id: '1800000000000000001',
    text: 'New in store',
    created_at: '2026-11-20T10:00:00.000Z',
    author_id: account,
    conversation_id: '1800000000000000001',
    public_metrics: { like_count: 3, reply_count: 2, retweet_count: 1, quote_count: 1 },
  };
  const top = {
    id: '1800000000000000002',
    text: '@resonance_demo price?',
    created_at: '2026-11-20T10:01:00.000Z',
    author_id: '111',
    conversation_id: post.id,
    in_reply_to_user_id: account,
    referenced_tweets: [{ type: 'replied_to', id: post.id }],
  };
  const nested = {
    id: '1800000000000000003',
    text: '@ada same question',
    created_at: '2026-11-20T10:02:00.000Z',
    author_id: '222',
    conversation_id: post.id,
    in_reply_to_user_id: '111',
    referenced_tweets: [{ type: 'replied_to', id: top.id }],
  };
  const ours = {
    id: '1800000000000000004',
    text: '@ada 20 €',
    created_at: '2026-11-20T10:03:00.000Z',
    author_id: account,
    conversation_id: post.id,
    in_reply_to_user_id: '111',
    referenced_tweets: [{ type: 'replied_to', id: top.id }],
  };

  it('search by conversation_id: the post, a thread per reply under it, nested replies and the account’s response in it, authors from includes.users', () => {
    const records = parse(
      'search',
      { data: [ours, nested, top, post], includes: { users }, meta: { result_count: 4, newest_id: ours.id, oldest_id: post.id } },
      { accountId: account, objectId: post.id },
    );
    expect(records[records.length - 1]).toEqual({ kind: 'page', network: 'x', nextCursor: null });
    expect(records.find((r) => r.kind === 'post')).toEqual({
      kind: 'post',
      network: 'x',
      externalId: post.id,
      text: 'New in store',
      url: `https://x.com/resonance_demo/status/${post.id}`,
      publishedAt: '2026-11-20T10:00:00.000Z',
      counts: { reactions: 3, comments: 2, shares: 2 },
    });
    const ms = messages(records);
    expect(ms.map((m) => [m.externalId, m.threadKey, m.channel, m.parentExternalId, m.postExternalId, m.isFromAccount])).toEqual([
      [ours.id, top.id, 'comment', top.id, post.id, true],
      [nested.id, top.id, 'comment', top.id, post.id, false],
      [top.id, top.id, 'comment', null, post.id, false],
    ]);
    expect(ms.find((m) => m.externalId === top.id)!.author).toEqual({
      externalId: '111',
      name: 'Ada Kunde',
      handle: 'ada',
      avatarUrl: 'https://pbs.twimg.com/a.jpg',
    });
  });

  it('a reply under a standalone mention belongs to the mention’s thread', () => {
    const mention = {
      id: '1800000000000000010',
      text: '@resonance_demo hello',
      created_at: '2026-11-20T11:00:00.000Z',
      author_id: '111',
      conversation_id: '1800000000000000010',
    };
    const reply = {
      id: '1800000000000000011',
      text: '@ada @resonance_demo me too',
      created_at: '2026-11-20T11:01:00.000Z',
      author_id: '222',
      conversation_id: mention.id,
      in_reply_to_user_id: '111',
      referenced_tweets: [{ type: 'replied_to', id: mention.id }],
    };
    const ms = messages(parse('mentions', { data: [reply, mention], includes: { users } }, { accountId: account }));
    expect(ms.map((m) => [m.threadKey, m.channel, m.parentExternalId])).toEqual([
      [mention.id, 'mention', mention.id],
      [mention.id, 'mention', null],
    ]);
  });

  it('tweet lookup: the tweet, or NOT_FOUND when X answers only errors', () => {
    expect(messages(parse('tweet', { data: top, includes: { users } }, { accountId: account }))).toHaveLength(1);
    const gone = {
      errors: [
        {
          value: '1',
          detail: 'Could not find tweet with id: [1].',
          title: 'Not Found Error',
          resource_type: 'tweet',
          parameter: 'id',
          resource_id: '1',
          type: 'https://api.twitter.com/2/problems/resource-not-found',
        },
      ],
    };
    expect(parse('tweet', gone)).toEqual([expect.objectContaining({ kind: 'error', code: 'NOT_FOUND' })]);
  });

  it('dm-send response: the account’s DM in the recipient’s thread', () => {
    expect(parse('dm-send', { data: { dm_conversation_id: `111-${account}`, dm_event_id: '1900000000000000001' } }, { accountId: account })).toEqual([
      expect.objectContaining({ externalId: '1900000000000000001', threadKey: 'dm:111', channel: 'direct', isFromAccount: true }),
    ]);
  });

  it('Account Activity DM delivery: the message with its author from users, at one-second resolution; tweets become hints', () => {
    const body = {
      for_user_id: account,
      tweet_create_events: [{ id_str: top.id, text: top.text, user: { id_str: '111' } }],
      direct_message_events: [
        {
          type: 'message_create',
          id: '1900000000000000002',
          created_timestamp: '1763636400123',
          message_create: { target: { recipient_id: account }, sender_id: '111', message_data: { text: 'Hallo' } },
        },
        {
          type: 'message_create',
          id: '1900000000000000003',
          created_timestamp: '1763636401999',
          message_create: { target: { recipient_id: '111' }, sender_id: account, message_data: { text: 'Hi Ada' } },
        },
      ],
      users: { '111': { id: '111', name: 'Ada Kunde', screen_name: 'ada' } },
    };
    expect(parse('webhook', body)).toEqual([
      { kind: 'hint', network: 'x', target: 'comment', externalId: top.id },
      expect.objectContaining({
        externalId: '1900000000000000002',
        threadKey: 'dm:111',
        author: { externalId: '111', name: 'Ada Kunde', handle: 'ada' },
        createdAt: '2025-11-20T11:00:00.000Z',
        isFromAccount: false,
      }),
      expect.objectContaining({ externalId: '1900000000000000003', threadKey: 'dm:111', isFromAccount: true }),
    ]);
  });
});
