import { json, listParam, type SimRequest, type SimResponse } from '../../core/http';
import { errors } from './errors';
import { dmEventsBody, fieldList, tweetsBody, UnknownFieldError, USER_FIELDS, userJson } from './serialize';
import { parseSearchQuery, QueryError, type TweetTest } from './search-query';
import { dmConversationId, type XDmEvent, type XStore } from './store';
import { must } from '../../core/must';

/** Recent search looks back seven days. */
export const SEARCH_WINDOW_MS = 7 * 86_400_000;

interface Ordered {
  id: string;
  order: number;
  createdAt: number;
}

const idNum = (v: string): bigint | undefined => (/^\d{1,19}$/.test(v) ? BigInt(v) : undefined);
const encodeToken = (order: number) => Buffer.from(`xsim:${order}`).toString('base64url').replace(/=+$/, '');
const decodeToken = (token: string): number | undefined => {
  const m = /^xsim:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : undefined;
};

class BadParam extends Error {
  constructor(
    readonly parameter: string,
    readonly value: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * One page, newest first, of the items matching since_id/until_id/start_time/end_time, continued
 * below the order a pagination token names (so items that arrive meanwhile never shift a page).
 */
function paginate<T extends Ordered>(
  items: T[],
  query: URLSearchParams,
  range: { min: number; max: number; def: number; tokenParams: string[] },
): { page: T[]; meta: Record<string, unknown> } {
  const raw = query.get('max_results');
  const max = raw === null ? range.def : Number(raw);
  if (!Number.isInteger(max) || max < range.min || max > range.max) {
    throw new BadParam('max_results', String(raw), `The \`max_results\` query parameter value [${raw}] is not between ${range.min} and ${range.max}`);
  }
  const since = query.get('since_id');
  const until = query.get('until_id');
  const sinceN = since ? idNum(since) : undefined;
  const untilN = until ? idNum(until) : undefined;
  if (since && sinceN === undefined) throw new BadParam('since_id', since, `The \`since_id\` query parameter value [${since}] does not match ^[0-9]{1,19}$`);
  if (until && untilN === undefined) throw new BadParam('until_id', until, `The \`until_id\` query parameter value [${until}] does not match ^[0-9]{1,19}$`);
  const time = (name: string) => {
    const v = query.get(name);
    if (!v) return undefined;
    const t = Date.parse(v);
    if (Number.isNaN(t)) throw new BadParam(name, v, `Invalid '${name}':'${v}'. '${name}' must be a valid RFC 3339 date-time`);
    return t;
  };
  const start = time('start_time');
  const end = time('end_time');
  const tokenParam = range.tokenParams.find((p) => query.get(p));
  let below = Infinity;
  if (tokenParam) {
    const token = must(query.get(tokenParam), tokenParam);
    const order = decodeToken(token);
    if (order === undefined) throw new BadParam(tokenParam, token, `The \`${tokenParam}\` query parameter value [${token}] is not valid`);
    below = order;
  }
  const page: T[] = [];
  let more = false;
  for (let i = items.length - 1; i >= 0; i--) {
    const it = items[i];
    if (it.order >= below) continue;
    const n = BigInt(it.id);
    if (sinceN !== undefined && n <= sinceN) break;
    if (untilN !== undefined && n >= untilN) continue;
    if (start !== undefined && it.createdAt < start) break;
    if (end !== undefined && it.createdAt > end) continue;
    if (page.length === max) {
      more = true;
      break;
    }
    page.push(it);
  }
  if (page.length === 0) return { page, meta: { result_count: 0 } };
  return {
    page,
    meta: {
      newest_id: page[0].id,
      oldest_id: page[page.length - 1].id,
      result_count: page.length,
      ...(more ? { next_token: encodeToken(page[page.length - 1].order) } : {}),
    },
  };
}

function answer(fn: () => SimResponse): SimResponse {
  try {
    return fn();
  } catch (error) {
    if (error instanceof BadParam || error instanceof UnknownFieldError) return errors.invalidRequest(error.parameter, error.value, error.message);
    throw error;
  }
}

const TIMELINE = { min: 5, max: 100, def: 10, tokenParams: ['pagination_token'] };

/** GET /2/users/:id/mentions — tweets that mention the user, newest first. */
export function getMentions(store: XStore, req: SimRequest, userId: string): SimResponse {
  if (!store.user(userId)) return errors.userNotFound(userId);
  return answer(() => {
    const list = store.tweets.filter((t) => t.mentions.includes(userId) && t.author.id !== userId && store.listed(t));
    const { page, meta } = paginate(list, req.query, TIMELINE);
    return json(200, { ...tweetsBody(store, page, req.query), meta });
  });
}

const EXCLUDABLE = ['replies', 'retweets'];

/** GET /2/users/:id/tweets `exclude` (replies, retweets; a list), checked against X's values. */
export function exclusions(query: URLSearchParams): { replies: boolean; retweets: boolean } {
  const values = listParam(query, 'exclude') ?? [];
  const unknown = values.find((v) => !EXCLUDABLE.includes(v));
  if (unknown !== undefined)
    throw new UnknownFieldError('exclude', unknown, `The \`exclude\` query parameter value [${unknown}] is not one of [${EXCLUDABLE.join(',')}]`);
  return { replies: values.includes('replies'), retweets: values.includes('retweets') };
}

/** GET /2/users/:id/tweets — the user's own tweets (posts, replies and retweets unless `exclude` says), newest first. */
export function getUserTweets(store: XStore, req: SimRequest, userId: string): SimResponse {
  if (!store.user(userId)) return errors.userNotFound(userId);
  return answer(() => {
    const exclude = exclusions(req.query);
    const list = store.tweets.filter((t) => t.author.id === userId && store.listed(t) && !(exclude.retweets && t.retweeted) && !(exclude.replies && t.parent));
    const { page, meta } = paginate(list, req.query, TIMELINE);
    return json(200, { ...tweetsBody(store, page, req.query), meta });
  });
}

/** GET /2/tweets/search/recent over the last 7 days, with X's query language (search-query.ts). */
export function searchRecent(store: XStore, req: SimRequest, now: number): SimResponse {
  return answer(() => {
    const q = (req.query.get('query') ?? '').trim();
    if (!q) throw new BadParam('query', '', 'The `query` query parameter can not be empty');
    if (q.length > 512) throw new BadParam('query', q, `The \`query\` query parameter value [${q}] is not between 1 and 512 characters`);
    let matches: TweetTest;
    try {
      matches = parseSearchQuery(store, q);
    } catch (error) {
      if (error instanceof QueryError) throw new BadParam('query', q, error.message);
      throw error;
    }
    // sort_order: recency (the default) or relevancy; X documents no ranking, so relevancy answers in recency order too.
    const sort = req.query.get('sort_order');
    if (sort !== null && sort !== 'recency' && sort !== 'relevancy')
      throw new BadParam('sort_order', sort, `The \`sort_order\` query parameter value [${sort}] is not one of [recency,relevancy]`);
    const start = req.query.get('start_time');
    if (start && Date.parse(start) < now - SEARCH_WINDOW_MS) {
      throw new BadParam(
        'start_time',
        start,
        `Invalid 'start_time':'${start}'. 'start_time' must be on or after ${new Date(now - SEARCH_WINDOW_MS).toISOString()}`,
      );
    }
    const from = now - SEARCH_WINDOW_MS;
    const list = store.tweets.filter((t) => t.createdAt >= from && store.listed(t) && matches(t));
    const { page, meta } = paginate(list, req.query, { min: 10, max: 100, def: 10, tokenParams: ['next_token', 'pagination_token'] });
    return json(200, { ...tweetsBody(store, page, req.query), meta });
  });
}

/** GET /2/tweets/:id */
export function getTweet(store: XStore, req: SimRequest, id: string): SimResponse {
  const tweet = store.tweet(id);
  if (!tweet) return errors.tweetNotFound(id);
  return answer(() => {
    const body = tweetsBody(store, [tweet], req.query);
    return json(200, { ...body, data: (body.data as unknown[])[0] });
  });
}

const DM_PAGE = { min: 1, max: 100, def: 100, tokenParams: ['pagination_token'] };

const DM_EVENT_TYPES = ['MessageCreate', 'ParticipantsJoin', 'ParticipantsLeave'];

/** The events of `events` the user may read, of the asked types (all three when event_types is absent). */
function dmList(events: XDmEvent[], req: SimRequest, userId: string): XDmEvent[] {
  const types = listParam(req.query, 'event_types') ?? DM_EVENT_TYPES;
  const unknown = types.find((t) => !DM_EVENT_TYPES.includes(t));
  if (unknown !== undefined)
    throw new UnknownFieldError('event_types', unknown, `The \`event_types\` query parameter value [${unknown}] is not one of [${DM_EVENT_TYPES.join(',')}]`);
  return events.filter((e) => e.audience.has(userId) && types.includes(e.eventType));
}

/** GET /2/dm_events — the user's DM events of the last 30 days, newest first. */
export function getDmEvents(store: XStore, req: SimRequest, userId: string): SimResponse {
  return answer(() => {
    const list = dmList(store.dmEvents, req, userId);
    const { page, meta } = paginate(list, req.query, DM_PAGE);
    const { newest_id: _n, oldest_id: _o, ...dmMeta } = meta;
    return json(200, { ...dmEventsBody(page, req.query), meta: dmMeta });
  });
}

/** GET /2/dm_conversations/with/:participant_id/dm_events */
export function getConversationEvents(store: XStore, req: SimRequest, userId: string, participantId: string): SimResponse {
  if (!store.user(participantId)) return errors.userNotFound(participantId);
  return answer(() => {
    const conversation = dmConversationId(userId, participantId);
    const list = dmList(
      store.dmEvents.filter((e) => e.conversationId === conversation),
      req,
      userId,
    );
    const { page, meta } = paginate(list, req.query, DM_PAGE);
    const { newest_id: _n, oldest_id: _o, ...dmMeta } = meta;
    return json(200, { ...dmEventsBody(page, req.query), meta: dmMeta });
  });
}

/** GET /2/dm_conversations/:dm_conversation_id/dm_events — a conversation by its id (1:1 ids are both members' ids joined by "-", a group's a snowflake). */
export function getEventsOfConversation(store: XStore, req: SimRequest, userId: string, conversationId: string): SimResponse {
  if (!/^\d{1,19}(-\d{1,19})?$/.test(conversationId))
    return errors.invalidRequest('dm_conversation_id', conversationId, `The \`dm_conversation_id\` path parameter value [${conversationId}] is not valid`);
  return answer(() => {
    const list = dmList(
      store.dmEvents.filter((e) => e.conversationId === conversationId),
      req,
      userId,
    );
    const { page, meta } = paginate(list, req.query, DM_PAGE);
    const { newest_id: _n, oldest_id: _o, ...dmMeta } = meta;
    return json(200, { ...dmEventsBody(page, req.query), meta: dmMeta });
  });
}

/** GET /2/users/me */
export function getMe(store: XStore, req: SimRequest, userId: string): SimResponse {
  const user = store.user(userId);
  if (!user) return errors.userNotFound(userId);
  return answer(() => json(200, { data: userJson(user, fieldList(req.query, 'user.fields', USER_FIELDS)) }));
}
