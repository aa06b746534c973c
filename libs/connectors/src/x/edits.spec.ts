import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mapTweetLookup, mapTweetsPage } from './mapper';
import { mapXWebhook } from './webhook';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8'));
const ctx = { accountId: '2244994945' };

describe('X edited posts and likes', () => {
  it('reads an edited post (the documented lookup) under its original id, with the latest text', () => {
    const [record] = mapTweetLookup(fixture('tweet-lookup-edited.json'), {});
    expect(record).toMatchObject({ kind: 'message', externalId: '1234567890', threadKey: '1234567890', text: 'Updated text (edited)' });
  });

  it('leaves out an older version (a lookup by its id) so it never writes its text over the latest', () => {
    const old = { data: { id: '1234567890', text: 'Original', edit_history_tweet_ids: ['1234567890', '1234567891'] } };
    expect(mapTweetLookup(old, {})).toEqual([]);
  });

  it('the account’s edited post stays a post, and a reply to its newer version belongs under the original', () => {
    const page = {
      data: [
        { id: '20', text: 'Post v2', author_id: ctx.accountId, conversation_id: '10', edit_history_tweet_ids: ['10', '20'] },
        {
          id: '30',
          text: '@shop Frage',
          author_id: '7',
          conversation_id: '10',
          in_reply_to_user_id: ctx.accountId,
          referenced_tweets: [{ type: 'replied_to', id: '20' }],
          edit_history_tweet_ids: ['30'],
        },
      ],
    };
    const records = mapTweetsPage(page, ctx);
    expect(records.find((r) => r.kind === 'post')).toMatchObject({ externalId: '10', text: 'Post v2' });
    expect(records.find((r) => r.kind === 'message')).toMatchObject({ externalId: '30', threadKey: '30', channel: 'comment', postExternalId: '10' });
  });

  it('favorite_events are hints to the liked tweet: the account’s post, or a tweet of the inbox', () => {
    expect(mapXWebhook(fixture('webhook-aaa-favorite-events.json'))).toEqual([
      { kind: 'hint', network: 'x', target: 'post', externalId: '1127247813130354688' },
    ]);
    const other = {
      for_user_id: ctx.accountId,
      favorite_events: [{ id: 'x', favorited_status: { id_str: '55', user: { id_str: '7' } }, user: { id_str: ctx.accountId } }],
    };
    expect(mapXWebhook(other)).toEqual([{ kind: 'hint', network: 'x', target: 'comment', externalId: '55' }]);
  });
});
