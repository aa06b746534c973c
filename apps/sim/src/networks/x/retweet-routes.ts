import { json, type SimResponse } from '../../core/http';
import { must } from '../../core/must';
import { errors } from './errors';
import type { XModerationInput } from './moderation-routes';
import { fieldList, tweetsBody, UnknownFieldError, USER_FIELDS, userJson } from './serialize';
import type { XTweet } from './store';

/**
 * Retweets (docs.x.com, Posts: Retweets), user token:
 *   POST   /2/users/:id/retweets {"tweet_id"}        → {"data":{"retweeted": true}}   (tweet.write)
 *   DELETE /2/users/:id/retweets/:source_tweet_id    → {"data":{"retweeted": false}}  (tweet.write)
 *   GET    /2/tweets/:id/retweeted_by                → the users who retweeted it, newest first
 *   GET    /2/tweets/:id/retweets                    → the retweets themselves, newest first
 * A retweet is a tweet of its own ("RT @author: …", referenced_tweets [{type: "retweeted"}]) in
 * the retweeter's timeline and the mentions of those it names; the original's
 * public_metrics.retweet_count counts it. Retweeting again changes nothing, as does removing a
 * retweet that is not there (X: "succeeds with no action"). Recorded as `retweet`/`unretweet`.
 */
const TWEET_ID = /^\d{1,19}$/;
const missingScope = (scope: string) => errors.forbidden(`Missing the OAuth 2.0 scope ${scope} needed for this endpoint.`);

function record(input: XModerationInput, kind: 'retweet' | 'unretweet', path: string, tweet: XTweet, externalId: string): void {
  input.world.addReceived({
    network: 'x',
    at: new Date(input.now).toISOString(),
    kind,
    method: input.req.method,
    path,
    targetId: tweet.id,
    externalId,
    text: tweet.text,
    body: input.req.body,
  });
}

/** POST /2/users/:id/retweets and DELETE /2/users/:id/retweets/:source_tweet_id; the new retweet comes back for webhooks. */
export function retweetRoute(input: XModerationInput, pathUserId: string, sourceInPath?: string): { response: SimResponse; created?: XTweet } {
  const { store, req, userId } = input;
  if (!input.scopes.includes('tweet.write')) return { response: missingScope('tweet.write') };
  if (pathUserId !== userId) return { response: errors.forbidden('You are not allowed to retweet or undo a retweet on behalf of another user.') };
  let tweetId = sourceInPath;
  if (tweetId === undefined) {
    if (req.badBody) return { response: errors.invalidRequest('body', '', 'Request body is not valid JSON') };
    const raw = req.body.tweet_id;
    if (typeof raw !== 'string' || !TWEET_ID.test(raw))
      return { response: errors.invalidRequest('tweet_id', JSON.stringify(raw) ?? '', 'The `tweet_id` field must be a tweet id') };
    tweetId = raw;
  } else if (!TWEET_ID.test(tweetId)) {
    return {
      response: errors.invalidRequest('source_tweet_id', tweetId, `The \`source_tweet_id\` path parameter value [${tweetId}] does not match ^[0-9]{1,19}$`),
    };
  }
  const tweet = store.tweet(tweetId);
  if (!tweet) return { response: errors.invalidRequest('tweet_id', tweetId, `Could not find tweet with id: [${tweetId}].`) };
  const source = tweet.retweeted ?? tweet;
  const existing = source.retweets.find((r) => r.author.id === userId);
  if (sourceInPath === undefined) {
    const user = must(store.user(userId), `user ${userId}`);
    const retweet = existing ?? store.retweet(source, user, input.now);
    if (!existing) record(input, 'retweet', `/2/users/${pathUserId}/retweets`, source, retweet.id);
    return { response: json(200, { data: { retweeted: true } }), ...(existing ? {} : { created: retweet }) };
  }
  if (existing) {
    record(input, 'unretweet', `/2/users/${pathUserId}/retweets/${tweetId}`, source, existing.id);
    store.removeTweet(existing);
  }
  return { response: json(200, { data: { retweeted: false } }) };
}

const PAGE = { min: 1, max: 100, def: 100 };
const pageToken = (kind: string, offset: number) => Buffer.from(`xsim-${kind}:${offset}`).toString('base64url');
const pageOffset = (kind: string, token: string): number | undefined => {
  const m = new RegExp(`^xsim-${kind}:(\\d+)$`).exec(Buffer.from(token, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : undefined;
};

/** GET /2/tweets/:id/retweeted_by and GET /2/tweets/:id/retweets: newest first, max_results 1–100 (default 100), pagination_token. */
export function retweetsOf(input: XModerationInput, tweetId: string, what: 'retweeted_by' | 'retweets'): SimResponse {
  const { store, req } = input;
  if (!TWEET_ID.test(tweetId)) return errors.invalidRequest('id', tweetId, `The \`id\` path parameter value [${tweetId}] does not match ^[0-9]{1,19}$`);
  const tweet = store.tweet(tweetId);
  if (!tweet) return errors.tweetNotFound(tweetId);
  const raw = req.query.get('max_results');
  const max = raw === null ? PAGE.def : Number(raw);
  if (!Number.isInteger(max) || max < PAGE.min || max > PAGE.max)
    return errors.invalidRequest('max_results', String(raw), `The \`max_results\` query parameter value [${raw}] is not between ${PAGE.min} and ${PAGE.max}`);
  const token = req.query.get('pagination_token');
  const offset = token ? pageOffset(what, token) : 0;
  if (offset === undefined)
    return errors.invalidRequest('pagination_token', token ?? '', `The \`pagination_token\` query parameter value [${token}] is not valid`);
  const all = tweet.retweets.filter((r) => store.visible(r)).reverse();
  const page = all.slice(offset, offset + max);
  const meta: Record<string, unknown> = { result_count: page.length };
  if (offset + max < all.length) meta.next_token = pageToken(what, offset + max);
  if (offset > 0) meta.previous_token = pageToken(what, Math.max(0, offset - max));
  try {
    if (what === 'retweets') return json(200, { ...tweetsBody(store, page, req.query), meta });
    const fields = fieldList(req.query, 'user.fields', USER_FIELDS);
    return json(200, { ...(page.length ? { data: page.map((r) => userJson(r.author, fields)) } : {}), meta });
  } catch (error) {
    if (error instanceof UnknownFieldError) return errors.invalidRequest(error.parameter, error.value, error.message);
    throw error;
  }
}
