import { arr, obj, str } from '@resonance/contracts';
import { ConnectorError } from '../errors';
import type { ConnectorContext, ModerationAction, ModerationCapability, ModerationTarget } from '../interfaces';
import { hideToggle, likeToggle, type ModerationSubject } from '../moderation';
import { xClient } from './auth';
import type { XSettings } from './settings';

/**
 * What X's API lets the account do (docs/moderation.md): like/unlike any tweet; hide/unhide a reply
 * only in a conversation the account started (a reply under its own post — not a mention in
 * someone else's conversation); delete only its own tweets. DMs: nothing.
 */
export function xModerationRule(s: ModerationSubject): ModerationAction[] {
  if (s.fromAccount) return ['delete'];
  return s.underOwnPost ? [likeToggle(s), hideToggle(s)] : [likeToggle(s)];
}

const notConfirmed = (action: ModerationAction) => new ConnectorError({ network: 'x', code: 'UNKNOWN', message: `X did not confirm the ${action}` });

/**
 * X API v2 as the account (OAuth 2.0 user token; scopes tweet.moderate.write, like.write,
 * tweet.write): PUT /2/tweets/:id/hidden {"hidden"} → {"data":{"hidden"}}; POST /2/users/:id/likes
 * {"tweet_id"} and DELETE /2/users/:id/likes/:tweet_id → {"data":{"liked"}}; DELETE /2/tweets/:id →
 * {"data":{"deleted"}}. Hiding an already hidden reply (or liking a liked tweet) succeeds again.
 */
export function xModeration(settings: XSettings): ModerationCapability {
  return {
    actions: ['like', 'unlike', 'hide', 'unhide', 'delete'],
    allowedNow: xModerationRule,

    async perform(ctx: ConnectorContext, action: ModerationAction, { externalId: tweetId }: ModerationTarget): Promise<void> {
      if (!/^\d{1,19}$/.test(tweetId)) throw new ConnectorError({ network: 'x', code: 'INVALID_REQUEST', message: `not an X tweet id: ${tweetId}` });
      const client = xClient(settings, ctx);
      const me = ctx.account.externalId;
      switch (action) {
        case 'hide':
        case 'unhide': {
          const res = await client.put<{ data?: { hidden?: unknown } }>('PUT /2/tweets/:id/hidden', `2/tweets/${tweetId}/hidden`, {
            hidden: action === 'hide',
          });
          if (res.data?.hidden !== (action === 'hide')) throw notConfirmed(action);
          return;
        }
        case 'like': {
          const res = await client.post<{ data?: { liked?: unknown } }>('POST /2/users/:id/likes', `2/users/${me}/likes`, { tweet_id: tweetId });
          if (res.data?.liked !== true) throw notConfirmed(action);
          return;
        }
        case 'unlike': {
          const res = await client.delete<{ data?: { liked?: unknown } }>('DELETE /2/users/:id/likes/:tweet_id', `2/users/${me}/likes/${tweetId}`);
          if (res.data?.liked !== false) throw notConfirmed(action);
          return;
        }
        case 'delete': {
          const res = await client.delete<{ data?: { deleted?: unknown } }>('DELETE /2/tweets/:id', `2/tweets/${tweetId}`);
          // X answers deleted: false for a tweet that is not there (any more): gone either way.
          if (res.data?.deleted === false) throw new ConnectorError({ network: 'x', code: 'NOT_FOUND', message: `tweet ${tweetId} is not there` });
          if (res.data?.deleted !== true) throw notConfirmed(action);
          return;
        }
        case 'ban':
          throw new ConnectorError({ network: 'x', code: 'INVALID_REQUEST', message: 'X has no ban of a reply' });
      }
    },

    /**
     * Likes: the account's newest liked tweets (GET /2/users/:id/liked_tweets, newest like first: a
     * like made before a crash is on the first page). Delete: a lookup of the tweet (not found →
     * gone). Hidden replies: X offers no read, so null — the repeat is idempotent on X.
     */
    async observe(ctx: ConnectorContext, action: ModerationAction, { externalId: tweetId }: ModerationTarget): Promise<boolean | null> {
      const client = xClient(settings, ctx);
      if (action === 'like' || action === 'unlike') {
        const body = await client.get('GET /2/users/:id/liked_tweets', `2/users/${ctx.account.externalId}/liked_tweets`, { max_results: 100 });
        const liked = arr(body.data).some((t) => str(obj(t).id) === tweetId);
        if (action === 'like') return liked;
        // Not on the first page: unliked, or liked long ago; X cannot tell which.
        return liked ? false : null;
      }
      if (action === 'delete') {
        const body = await client.get('GET /2/tweets/:id', `2/tweets/${tweetId}`);
        return !body.data;
      }
      return null;
    },
  };
}
