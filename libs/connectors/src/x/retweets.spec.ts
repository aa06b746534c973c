import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HintRecord, MessageRecord, UnifiedRecord } from '@resonance/contracts';
import { parsePayload } from '../parse';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8'));
const parse = (endpoint: string, body: unknown, accountId?: string) => parsePayload({ network: 'x', endpoint, body, ...(accountId ? { accountId } : {}) });
const messages = (records: UnifiedRecord[]) => records.filter((r): r is MessageRecord => r.kind === 'message');
const hints = (records: UnifiedRecord[]) => records.filter((r): r is HintRecord => r.kind === 'hint');

const ACCOUNT = '1590000000000000042';

/**
 * Retweets in the pages the product reads (mentions, own timeline, search): no message and no
 * post — a hint to the original (the account's post: its retweet_count is the post's shares; any
 * other tweet reaches the inbox by itself). Quotes carry words of their own and stay messages.
 */
describe('X retweets and quotes → records', () => {
  it('a recorded search page: the seven retweets become hints to their originals, the three other tweets messages', () => {
    const records = parse('search', fixture('search-recent-with-retweets.json'));
    expect(records.filter((r) => r.kind === 'error')).toEqual([]);
    expect(messages(records).map((m) => m.externalId)).toEqual(['1275840892281249793', '1275840891014561796', '1275840878238552064']);
    expect(messages(records).some((m) => m.text.startsWith('RT @'))).toBe(false);
    expect(hints(records)).toHaveLength(7);
    // Without includes.tweets the author of an original is not known: a tweet, not the account's post.
    expect(hints(records)[0]).toEqual({ kind: 'hint', network: 'x', target: 'comment', externalId: '1275809336988557314' });
    // The retweet of a quote points at what it retweets, not at the quoted tweet.
    expect(hints(records).map((h) => h.externalId)).toContain('1275837188715020290');
    expect(hints(records).map((h) => h.externalId)).not.toContain('1275622383555133440');
  });

  it('mentions (sim shape): a customer’s retweet of the account’s post is a post hint; a quote of it is a mention message', () => {
    const body = {
      data: [
        {
          id: '1860000000000000201',
          text: 'RT @resonance_demo: Neue Farben im Shop',
          author_id: '1600000000000000007',
          conversation_id: '1860000000000000201',
          created_at: '2026-12-07T10:00:00.000Z',
          referenced_tweets: [{ type: 'retweeted', id: '1860000000000000100' }],
        },
        {
          id: '1860000000000000202',
          text: 'Endlich in Grün!',
          author_id: '1600000000000000008',
          conversation_id: '1860000000000000202',
          created_at: '2026-12-07T10:01:00.000Z',
          referenced_tweets: [{ type: 'quoted', id: '1860000000000000100' }],
        },
      ],
      includes: {
        users: [
          { id: '1600000000000000007', name: 'Jana', username: 'jana_7' },
          { id: '1600000000000000008', name: 'Ole', username: 'ole_8' },
        ],
        tweets: [{ id: '1860000000000000100', text: 'Neue Farben im Shop', author_id: ACCOUNT, conversation_id: '1860000000000000100' }],
      },
      meta: { result_count: 2, newest_id: '1860000000000000202', oldest_id: '1860000000000000201' },
    };
    const records = parse('mentions', body, ACCOUNT);
    expect(hints(records)).toEqual([{ kind: 'hint', network: 'x', target: 'post', externalId: '1860000000000000100' }]);
    expect(messages(records)).toEqual([
      expect.objectContaining({
        externalId: '1860000000000000202',
        threadKey: '1860000000000000202',
        channel: 'mention',
        text: 'Endlich in Grün!',
        isFromAccount: false,
      }),
    ]);
    expect(records.filter((r) => r.kind === 'post')).toEqual([]);
  });

  it('the own timeline: the account’s retweet of a customer is neither a post nor a response', () => {
    const body = {
      data: [
        {
          id: '1860000000000000301',
          text: 'RT @jana_7: Toller Service, danke!',
          author_id: ACCOUNT,
          conversation_id: '1860000000000000301',
          created_at: '2026-12-07T11:00:00.000Z',
          referenced_tweets: [{ type: 'retweeted', id: '1860000000000000290' }],
        },
      ],
      includes: { tweets: [{ id: '1860000000000000290', text: 'Toller Service, danke!', author_id: '1600000000000000007' }] },
      meta: { result_count: 1 },
    };
    const records = parse('search', body, ACCOUNT);
    expect(records).toEqual([
      { kind: 'hint', network: 'x', target: 'comment', externalId: '1860000000000000290' },
      { kind: 'page', network: 'x', nextCursor: null },
    ]);
  });

  it('Account Activity: a retweet (retweeted_status) hints at its original, a post when the original is the account’s', () => {
    const delivery = {
      for_user_id: ACCOUNT,
      tweet_create_events: [
        {
          id_str: '1860000000000000401',
          text: 'RT @resonance_demo: Neue Farben im Shop',
          user: { id_str: '1600000000000000007', screen_name: 'jana_7' },
          retweeted_status: { id_str: '1860000000000000100', text: 'Neue Farben im Shop', user: { id_str: ACCOUNT, screen_name: 'resonance_demo' } },
        },
        { id_str: '1860000000000000402', text: '@resonance_demo Hallo', user: { id_str: '1600000000000000008' } },
      ],
    };
    expect(parse('webhook', delivery)).toEqual([
      { kind: 'hint', network: 'x', target: 'post', externalId: '1860000000000000100' },
      { kind: 'hint', network: 'x', target: 'comment', externalId: '1860000000000000402' },
    ]);
  });

  it('a reply the conversation’s reply_settings refuse (403, as the sim answers it) is a PERMISSION_DENIED error record', () => {
    const detail =
      'Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to.';
    const records = parsePayload({
      network: 'x',
      endpoint: 'tweet-create',
      body: { title: 'Forbidden', detail, type: 'about:blank', status: 403 },
      status: 403,
    });
    expect(records).toEqual([expect.objectContaining({ kind: 'error', network: 'x', code: 'PERMISSION_DENIED', message: detail })]);
  });
});
