import { json, listParam, type SimRequest, type SimResponse } from '../../core/http';
import { errors } from './errors';
import { exclusions } from './read-routes';
import { fieldList, tweetsBody, UnknownFieldError, USER_FIELDS, userJson } from './serialize';
import type { XStore, XUser } from './store';

/**
 * X's lookup routes (docs.x.com: tweets and users by id, users by username), which official
 * clients use around the product's calls. Lookups of several items answer 200 with what was found
 * in `data` and one "Not Found Error" per missing item in `errors`, as X does.
 */

const TWEET_ID = /^\d{1,19}$/;
const USERNAME = /^[A-Za-z0-9_]{1,15}$/;

interface Missing {
  value: string;
  detail: string;
  title: 'Not Found Error';
  resource_type: 'tweet' | 'user';
  parameter: string;
  resource_id: string;
  type: string;
}

const missing = (resource: 'tweet' | 'user', parameter: string, value: string, by: 'id' | 'username'): Missing => ({
  value,
  detail: `Could not find ${resource} with ${by === 'id' ? 'id' : 'username'}: [${value}].`,
  title: 'Not Found Error',
  resource_type: resource,
  parameter,
  resource_id: value,
  type: 'https://api.twitter.com/2/problems/resource-not-found',
});

/** The values of a list parameter (repeated keys or a comma list), checked as X checks them. */
function listOf(req: SimRequest, parameter: string, pattern: RegExp): string[] | SimResponse {
  const values = listParam(req.query, parameter);
  if (!values?.length) return errors.invalidRequest(parameter, '', `The \`${parameter}\` query parameter can not be empty`);
  if (values.length > 100)
    return errors.invalidRequest(
      parameter,
      values.join(','),
      `The number of values in the \`${parameter}\` query parameter list [${values.length}] is not between 1 and 100`,
    );
  const bad = values.find((v) => !pattern.test(v));
  if (bad !== undefined) return errors.invalidRequest(parameter, bad, `The \`${parameter}\` query parameter value [${bad}] does not match ${pattern.source}`);
  return values;
}

function withFieldErrors(fn: () => SimResponse): SimResponse {
  try {
    return fn();
  } catch (error) {
    if (error instanceof UnknownFieldError) return errors.invalidRequest(error.parameter, error.value, error.message);
    throw error;
  }
}

/** A body of users found, plus `errors` for those that were not. */
function usersBody(req: SimRequest, found: XUser[], notFound: Missing[]): SimResponse {
  return withFieldErrors(() => {
    const fields = fieldList(req.query, 'user.fields', USER_FIELDS);
    // pinned_tweet_id is the users' one expansion; no sim user has a pinned tweet, so includes stays absent.
    return json(200, {
      ...(found.length ? { data: found.map((u) => userJson(u, fields)) } : {}),
      ...(notFound.length ? { errors: notFound } : {}),
    });
  });
}

/** GET /2/tweets?ids= */
function getTweets(store: XStore, req: SimRequest): SimResponse {
  const ids = listOf(req, 'ids', TWEET_ID);
  if (!Array.isArray(ids)) return ids;
  const found = ids.flatMap((id) => store.tweet(id) ?? []);
  const notFound = ids.filter((id) => !store.tweet(id)).map((id) => missing('tweet', 'ids', id, 'id'));
  return withFieldErrors(() => json(200, { ...tweetsBody(store, found, req.query), ...(notFound.length ? { errors: notFound } : {}) }));
}

/** GET /2/users/:id, GET /2/users?ids=, GET /2/users/by/username/:username, GET /2/users/by?usernames= */
function getUsers(store: XStore, req: SimRequest, seg: string[]): SimResponse | undefined {
  if (seg.length === 1) {
    const ids = listOf(req, 'ids', TWEET_ID);
    if (!Array.isArray(ids)) return ids;
    return usersBody(
      req,
      ids.flatMap((id) => store.user(id) ?? []),
      ids.filter((id) => !store.user(id)).map((id) => missing('user', 'ids', id, 'id')),
    );
  }
  if (seg.length === 2 && seg[1] === 'by') {
    const names = listOf(req, 'usernames', USERNAME);
    if (!Array.isArray(names)) return names;
    return usersBody(
      req,
      names.flatMap((n) => store.userNamed(n) ?? []),
      names.filter((n) => !store.userNamed(n)).map((n) => missing('user', 'usernames', n, 'username')),
    );
  }
  if (seg.length === 2 && TWEET_ID.test(seg[1])) {
    const user = store.user(seg[1]);
    if (!user) return errors.userNotFound(seg[1]);
    return withFieldErrors(() => json(200, { data: userJson(user, fieldList(req.query, 'user.fields', USER_FIELDS)) }));
  }
  if (seg.length === 4 && seg[1] === 'by' && seg[2] === 'username') {
    if (!USERNAME.test(seg[3]))
      return errors.invalidRequest('username', seg[3], `The \`username\` path parameter value [${seg[3]}] does not match ${USERNAME.source}`);
    const user = store.userNamed(seg[3]);
    if (!user) return json(200, { errors: [missing('user', 'username', seg[3], 'username')] });
    return withFieldErrors(() => json(200, { data: userJson(user, fieldList(req.query, 'user.fields', USER_FIELDS)) }));
  }
  return undefined;
}

const LIKERS_PAGE = { min: 1, max: 100, def: 100 };
const likersToken = (offset: number) => Buffer.from(`xsim-likers:${offset}`).toString('base64url');
const likersOffset = (token: string): number | undefined => {
  const m = /^xsim-likers:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : undefined;
};

/** GET /2/tweets/:id/liking_users: who liked a tweet, newest like first, paged by max_results and pagination_token. */
function likingUsers(store: XStore, req: SimRequest, tweetId: string): SimResponse {
  const tweet = store.tweet(tweetId);
  if (!tweet) return errors.tweetNotFound(tweetId);
  const raw = req.query.get('max_results');
  const max = raw === null ? LIKERS_PAGE.def : Number(raw);
  if (!Number.isInteger(max) || max < LIKERS_PAGE.min || max > LIKERS_PAGE.max)
    return errors.invalidRequest(
      'max_results',
      String(raw),
      `The \`max_results\` query parameter value [${raw}] is not between ${LIKERS_PAGE.min} and ${LIKERS_PAGE.max}`,
    );
  const token = req.query.get('pagination_token');
  const offset = token ? likersOffset(token) : 0;
  if (offset === undefined)
    return errors.invalidRequest('pagination_token', token ?? '', `The \`pagination_token\` query parameter value [${token}] is not valid`);
  const likers = [...tweet.likedBy].reverse();
  const page = likers.slice(offset, offset + max);
  const meta: Record<string, unknown> = { result_count: page.length };
  if (offset + max < likers.length) meta.next_token = likersToken(offset + max);
  if (offset > 0) meta.previous_token = likersToken(Math.max(0, offset - max));
  return withFieldErrors(() => {
    const fields = fieldList(req.query, 'user.fields', USER_FIELDS);
    return json(200, { ...(page.length ? { data: page.map((u) => userJson(u, fields)) } : {}), meta });
  });
}

const QUOTES_PAGE = { min: 10, max: 100, def: 10 };
const quotesToken = (offset: number) => Buffer.from(`xsim-quotes:${offset}`).toString('base64url');
const quotesOffset = (token: string): number | undefined => {
  const m = /^xsim-quotes:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : undefined;
};

/** GET /2/tweets/:id/quote_tweets: the tweets quoting a tweet, newest first (max_results 10–100, pagination_token, exclude, fields and expansions; a retweet never quotes, so exclude=retweets leaves all). */
function quoteTweets(store: XStore, req: SimRequest, tweetId: string): SimResponse {
  const tweet = store.tweet(tweetId);
  if (!tweet) return errors.tweetNotFound(tweetId);
  const raw = req.query.get('max_results');
  const max = raw === null ? QUOTES_PAGE.def : Number(raw);
  if (!Number.isInteger(max) || max < QUOTES_PAGE.min || max > QUOTES_PAGE.max)
    return errors.invalidRequest(
      'max_results',
      String(raw),
      `The \`max_results\` query parameter value [${raw}] is not between ${QUOTES_PAGE.min} and ${QUOTES_PAGE.max}`,
    );
  const token = req.query.get('pagination_token');
  const offset = token ? quotesOffset(token) : 0;
  if (offset === undefined)
    return errors.invalidRequest('pagination_token', token ?? '', `The \`pagination_token\` query parameter value [${token}] is not valid`);
  return withFieldErrors(() => {
    const exclude = exclusions(req.query);
    const quotes = store.tweets.filter((t) => t.quoted === tweet && store.visible(t) && !(exclude.replies && t.parent)).reverse();
    const page = quotes.slice(offset, offset + max);
    const meta: Record<string, unknown> = { result_count: page.length };
    if (offset + max < quotes.length) meta.next_token = quotesToken(offset + max);
    return json(200, { ...tweetsBody(store, page, req.query), meta });
  });
}

/** The lookup route for a GET below /2 (path segments after `/2`), or undefined when it is not one. */
export function lookupRoute(store: XStore, req: SimRequest, seg: string[]): SimResponse | undefined {
  if (req.method !== 'GET') return undefined;
  if (seg[0] === 'tweets' && seg.length === 1) return getTweets(store, req);
  if (seg[0] === 'tweets' && seg.length === 3 && seg[2] === 'liking_users') {
    if (!TWEET_ID.test(seg[1])) return errors.invalidRequest('id', seg[1], `The \`id\` path parameter value [${seg[1]}] does not match ${TWEET_ID.source}`);
    return likingUsers(store, req, seg[1]);
  }
  if (seg[0] === 'tweets' && seg.length === 3 && seg[2] === 'quote_tweets') {
    if (!TWEET_ID.test(seg[1])) return errors.invalidRequest('id', seg[1], `The \`id\` path parameter value [${seg[1]}] does not match ${TWEET_ID.source}`);
    return quoteTweets(store, req, seg[1]);
  }
  if (seg[0] === 'users' && seg[1] !== 'me') return getUsers(store, req, seg);
  return undefined;
}
