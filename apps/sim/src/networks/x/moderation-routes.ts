import { json, type SimRequest, type SimResponse } from '../../core/http';
import type { World } from '../../core/world';
import { errors } from './errors';
import { must } from '../../core/must';
import { tweetsBody, UnknownFieldError } from './serialize';
import type { XStore, XTweet } from './store';

/**
 * Moderation as the account (X API v2, user token):
 *   PUT    /2/tweets/:id/hidden {"hidden": bool}      → {"data":{"hidden": bool}}   (tweet.moderate.write)
 *   POST   /2/users/:id/likes {"tweet_id"}            → {"data":{"liked": true}}    (like.write)
 *   DELETE /2/users/:id/likes/:tweet_id               → {"data":{"liked": false}}   (like.write)
 *   DELETE /2/tweets/:id                              → {"data":{"deleted": true}}  (tweet.write)
 *   GET    /2/users/:id/liked_tweets                  → the account's likes, newest first (like.read)
 * Hiding is allowed only for replies in a conversation the account started; deleting only for the
 * account's own tweets; likes only as the token's own user. Every accepted write is recorded in
 * /_sim/received (comment_hide, comment_unhide, comment_like, comment_unlike, comment_delete) and
 * its effect shows in later reads (a deleted tweet is not found; likes in liked_tweets).
 */
export interface XModerationInput {
  store: XStore;
  world: World;
  req: SimRequest;
  userId: string;
  scopes: readonly string[];
  now: number;
}

const missingScope = (scope: string) => errors.forbidden(`Missing the OAuth 2.0 scope ${scope} needed for this endpoint.`);
const tweetIdOk = (id: string) => /^\d{1,19}$/.test(id);

function record(input: XModerationInput, kind: 'like' | 'unlike' | 'hide' | 'unhide' | 'delete', path: string, tweet: XTweet): void {
  input.world.addReceived({
    network: 'x',
    at: new Date(input.now).toISOString(),
    kind: `comment_${kind}`,
    method: input.req.method,
    path,
    targetId: tweet.id,
    externalId: tweet.id,
    text: tweet.text,
    body: input.req.body,
  });
}

/** PUT /2/tweets/:id/hidden */
export function hideReply(input: XModerationInput, tweetId: string): SimResponse {
  if (!input.scopes.includes('tweet.moderate.write')) return missingScope('tweet.moderate.write');
  if (input.req.badBody) return errors.invalidRequest('body', '', 'Request body is not valid JSON');
  const hidden = input.req.body.hidden;
  if (typeof hidden !== 'boolean') return errors.invalidRequest('hidden', JSON.stringify(hidden) ?? '', 'The `hidden` field is required and must be a boolean');
  const tweet = input.store.tweet(tweetId);
  if (!tweet) return errors.invalidRequest('id', tweetId, `Could not find tweet with id: [${tweetId}].`);
  const root = input.store.tweet(tweet.conversationId);
  // Only replies (not the conversation's first tweet) in conversations the user started.
  if (!tweet.parent || root?.author.id !== input.userId || tweet.author.id === input.userId)
    return errors.forbidden('You can only hide or unhide replies to conversations you started.');
  tweet.hidden = hidden;
  record(input, hidden ? 'hide' : 'unhide', `/2/tweets/${tweetId}/hidden`, tweet);
  return json(200, { data: { hidden } });
}

/** POST /2/users/:id/likes and DELETE /2/users/:id/likes/:tweet_id */
export function likeTweet(input: XModerationInput, pathUserId: string, like: boolean, tweetIdInPath?: string): SimResponse {
  if (!input.scopes.includes('like.write')) return missingScope('like.write');
  if (pathUserId !== input.userId) return errors.forbidden('You are not allowed to like or unlike on behalf of another user.');
  let tweetId = tweetIdInPath;
  if (like) {
    if (input.req.badBody) return errors.invalidRequest('body', '', 'Request body is not valid JSON');
    const raw = input.req.body.tweet_id;
    if (typeof raw !== 'string' || !tweetIdOk(raw))
      return errors.invalidRequest('tweet_id', JSON.stringify(raw) ?? '', 'The `tweet_id` field must be a tweet id');
    tweetId = raw;
  }
  const tweet = tweetId === undefined ? undefined : input.store.tweet(tweetId);
  if (!tweet || tweetId === undefined) return errors.invalidRequest('tweet_id', tweetId ?? '', `Could not find tweet with id: [${tweetId ?? ''}].`);
  const at = input.store.likes.indexOf(tweet);
  if (like && at < 0) {
    input.store.likes.push(tweet);
    input.store.like(tweet, must(input.store.user(input.userId), `user ${input.userId}`));
  } else if (!like && at >= 0) {
    input.store.likes.splice(at, 1);
    input.store.unlike(tweet, must(input.store.user(input.userId), `user ${input.userId}`));
  }
  record(input, like ? 'like' : 'unlike', like ? `/2/users/${pathUserId}/likes` : `/2/users/${pathUserId}/likes/${tweetId}`, tweet);
  return json(200, { data: { liked: like } });
}

/** DELETE /2/tweets/:id */
export function deleteTweet(input: XModerationInput, tweetId: string): SimResponse {
  if (!input.scopes.includes('tweet.write')) return missingScope('tweet.write');
  const tweet = input.store.tweet(tweetId);
  if (!tweet) return errors.invalidRequest('id', tweetId, `Could not find tweet with id: [${tweetId}].`);
  if (tweet.author.id !== input.userId) return errors.forbidden('You are not allowed to delete a Tweet that you did not create.');
  record(input, 'delete', `/2/tweets/${tweetId}`, tweet);
  input.store.removeTweet(tweet);
  return json(200, { data: { deleted: true } });
}

const LIKED_PAGE = { min: 10, max: 100, def: 100 };
const likedToken = (offset: number) => Buffer.from(`xsim-liked:${offset}`).toString('base64url');
const likedOffset = (token: string): number | undefined => {
  const m = /^xsim-liked:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : undefined;
};

/** GET /2/users/:id/liked_tweets: newest like first, max_results 10–100 (default 100, others 400), pagination_token. */
export function likedTweets(input: XModerationInput, pathUserId: string): SimResponse {
  if (!input.scopes.includes('like.read')) return missingScope('like.read');
  if (pathUserId !== input.userId) return errors.forbidden('You can only read your own likes in the sim.');
  const { query } = input.req;
  const raw = query.get('max_results');
  const max = raw === null ? LIKED_PAGE.def : Number(raw);
  if (!Number.isInteger(max) || max < LIKED_PAGE.min || max > LIKED_PAGE.max)
    return errors.invalidRequest(
      'max_results',
      String(raw),
      `The \`max_results\` query parameter value [${raw}] is not between ${LIKED_PAGE.min} and ${LIKED_PAGE.max}`,
    );
  const token = query.get('pagination_token');
  const offset = token ? likedOffset(token) : 0;
  if (offset === undefined)
    return errors.invalidRequest('pagination_token', token ?? '', `The \`pagination_token\` query parameter value [${token}] is not valid`);
  const all = [...input.store.likes].reverse();
  const page = all.slice(offset, offset + max);
  const meta: Record<string, unknown> = { result_count: page.length };
  if (offset + max < all.length) meta.next_token = likedToken(offset + max);
  if (offset > 0) meta.previous_token = likedToken(Math.max(0, offset - max));
  try {
    return json(200, { ...tweetsBody(input.store, page, query), meta });
  } catch (error) {
    if (error instanceof UnknownFieldError) return errors.invalidRequest(error.parameter, error.value, error.message);
    throw error;
  }
}
