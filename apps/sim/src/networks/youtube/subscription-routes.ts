import { obj } from '@resonance/contracts';
import { json, listParam, type SimRequest, type SimResponse } from '../../core/http';
import { channelThumbnails } from './channel-routes';
import { errors, google } from './errors';
import { maxResults, page, parts } from './params';
import { etag, listJson, videoMeta, ytTime } from './serialize';
import type { YoutubeState } from './state';
import { ytId, type YtAuthor } from './store';
import { READ_SCOPES, WRITE_SCOPES, type YtToken } from './tokens';

/**
 * subscriptions (list 1 unit; insert, delete 50) of the sim's world. The demo channel's public subscribers are the people who commented on it (the sim's
 * choice: YouTube lists only subscribers whose subscriptions are public, so
 * statistics.subscriberCount stays larger), each subscribed since their first comment; the channel
 * subscribes to those of their channels it chooses with subscriptions.insert. Writes are recorded
 * in /_sim/received as subscribe and unsubscribe.
 */
const SUBSCRIPTION_PARTS = ['contentDetails', 'id', 'snippet', 'subscriberSnippet'];
const SUBSCRIPTION_FILTERS = ['channelId', 'id', 'mine', 'myRecentSubscribers', 'mySubscribers'];
const ORDERS = ['alphabetical', 'relevance', 'unread'];

/** One subscription: who subscribed (subscriber) to whose channel (publisher), since when. */
export interface YtSubscription {
  subscriber: YtAuthor;
  publisher: YtAuthor;
  since: number;
}

/** The commenters (not the channel), each subscribed to the demo channel since their first comment, oldest first. */
export function subscribersOf(state: YoutubeState): YtSubscription[] {
  const first = new Map<string, YtSubscription>();
  for (const t of state.store.threads)
    for (const c of [t.top, ...t.replies])
      if (!c.fromChannel) {
        const known = first.get(c.author.channelId);
        if (!known || c.publishedAt < known.since)
          first.set(c.author.channelId, { subscriber: c.author, publisher: state.store.channel, since: c.publishedAt });
      }
  return [...first.values()].sort((a, b) => a.since - b.since);
}

const subscriptionId = (s: YtSubscription): string => ytId(`subscription:${s.subscriber.channelId}:${s.publisher.channelId}`, 43);

function subscriptionJson(state: YoutubeState, s: YtSubscription, names: Set<string>): Record<string, unknown> {
  const ours = s.publisher.channelId === state.store.channel.channelId;
  const id = subscriptionId(s);
  return {
    kind: 'youtube#subscription',
    etag: etag('subscription', id),
    id,
    ...(names.has('snippet')
      ? {
          snippet: {
            publishedAt: ytTime(s.since),
            title: ours ? state.channelTitle : s.publisher.name,
            description: ours ? state.channelSettings.description : '',
            resourceId: { kind: 'youtube#channel', channelId: s.publisher.channelId },
            channelId: s.subscriber.channelId,
            thumbnails: channelThumbnails(s.publisher.channelId),
          },
        }
      : {}),
    ...(names.has('contentDetails')
      ? {
          contentDetails: {
            // The commenters' channels have no videos in the sim.
            totalItemCount: ours ? state.store.videos.filter((v) => videoMeta(v).privacyStatus === 'public').length : 0,
            newItemCount: 0,
            activityType: 'all',
          },
        }
      : {}),
    ...(names.has('subscriberSnippet')
      ? {
          subscriberSnippet: {
            title: s.subscriber.name,
            description: '',
            channelId: s.subscriber.channelId,
            thumbnails: channelThumbnails(s.subscriber.channelId),
          },
        }
      : {}),
  };
}

const subscriptionError = (code: number, reason: string, message: string, location?: string): SimResponse =>
  google(code, reason, message, {
    domain: 'youtube.subscription',
    ...(location ? { location, locationType: location.startsWith('body') ? 'other' : 'parameter' } : {}),
  });

/** subscriptions.list by exactly one of channelId, id, mine, myRecentSubscribers, mySubscribers; forChannelId narrows to those channels. */
export function listSubscriptions(state: YoutubeState, req: SimRequest, token: YtToken): SimResponse {
  const p = parts(req, SUBSCRIPTION_PARTS);
  if ('error' in p) return p.error;
  if (!token.scopes.some((s) => READ_SCOPES.includes(s))) return errors.insufficientScope();
  const size = maxResults(req, { min: 0, max: 50, fallback: 5 });
  if ('error' in size) return size.error;
  const q = req.query;
  const filters = SUBSCRIPTION_FILTERS.filter((f) => q.get(f) !== null);
  if (filters.length === 0)
    return errors.invalidParam('mine', `No filter selected. Expected one of: ${SUBSCRIPTION_FILTERS.join(', ')}`, 'missingRequiredParameter');
  if (filters.length > 1)
    return errors.invalidParam(filters[1], `The ${filters[1]} parameter cannot be used with the ${filters[0]} parameter.`, 'incompatibleParameters');
  const order = q.get('order');
  if (order !== null && !ORDERS.includes(order)) return errors.invalidParam('order', `Invalid value '${order}'. Values must be one of: ${ORDERS.join(', ')}`);
  const channelId = state.store.channel.channelId;
  const subscribers = subscribersOf(state);
  // The channel's own subscriptions, newest first (relevance and unread: the sim has no other ranking).
  const own = [...state.subscriptions].reverse();
  let list: YtSubscription[];
  if (q.get('mine') !== null) list = q.get('mine') === 'true' && token.channelId === channelId ? own : [];
  else if (q.get('channelId') !== null) {
    const subscriber = q.get('channelId');
    if (subscriber === channelId) list = own;
    else {
      const theirs = subscribers.filter((s) => s.subscriber.channelId === subscriber);
      if (theirs.length === 0) return subscriptionError(404, 'subscriberNotFound', 'The subscriber identified with the request cannot be found.', 'channelId');
      list = theirs;
    }
  } else if (q.get('id') !== null) {
    const wanted = new Set(listParam(q, 'id') ?? []);
    list = [...subscribers, ...own].filter((s) => wanted.has(subscriptionId(s)));
  } else {
    const flag = q.get('mySubscribers') ?? q.get('myRecentSubscribers');
    list = flag === 'true' && token.channelId === channelId ? (q.get('myRecentSubscribers') !== null ? [...subscribers].reverse() : subscribers) : [];
  }
  // forChannelId: only subscriptions to these channels.
  const forChannels = listParam(q, 'forChannelId');
  if (forChannels !== null) list = list.filter((s) => forChannels.includes(s.publisher.channelId));
  if (order === 'alphabetical') list = [...list].sort((a, b) => a.publisher.name.localeCompare(b.publisher.name));
  const slice = q.get('id') !== null ? { ok: { items: list, next: undefined, prev: undefined } } : page(list, req, size.ok);
  if ('error' in slice) return slice.error;
  const items = slice.ok.items.map((s) => subscriptionJson(state, s, p.ok));
  return json(200, listJson('youtube#subscriptionListResponse', items, size.ok, list.length, slice.ok.next, slice.ok.prev));
}

/** subscriptions.insert (body {snippet: {resourceId: {kind: youtube#channel, channelId}}}): the channel subscribes to a commenter's channel. */
export function insertSubscription(state: YoutubeState, req: SimRequest, token: YtToken): SimResponse {
  const p = parts(req, SUBSCRIPTION_PARTS);
  if ('error' in p) return p.error;
  if (!token.scopes.some((s) => WRITE_SCOPES.includes(s))) return errors.insufficientScope();
  if (req.badBody) return errors.parseError();
  const resource = obj(obj(req.body.snippet).resourceId);
  const target = resource.channelId;
  if (typeof target !== 'string' || !target)
    return google(400, 'required', 'Required parameter: snippet.resourceId.channelId', {
      domain: 'global',
      location: 'body.snippet.resourceId.channelId',
      locationType: 'other',
    });
  const channel = state.store.channel;
  if (target === channel.channelId)
    return subscriptionError(400, 'subscriptionForbidden', 'A channel cannot subscribe to itself.', 'body.snippet.resourceId.channelId');
  const publisher = subscribersOf(state).find((s) => s.subscriber.channelId === target)?.subscriber;
  if (!publisher)
    return subscriptionError(
      404,
      'publisherNotFound',
      'The resource specified by the request\u2019s snippet.resourceId property cannot be found.',
      'body.snippet.resourceId',
    );
  if (state.subscriptions.some((s) => s.publisher.channelId === target))
    return subscriptionError(400, 'subscriptionDuplicate', 'The subscription that you are trying to create already exists.');
  const created: YtSubscription = { subscriber: channel, publisher, since: state.now() };
  state.subscriptions.push(created);
  state.record(req, 'subscribe', '/youtube/v3/subscriptions', target, subscriptionId(created), publisher.name, req.body);
  return json(200, subscriptionJson(state, created, p.ok));
}

/** subscriptions.delete (?id=): 204; only the channel's own subscriptions. */
export function deleteSubscription(state: YoutubeState, req: SimRequest, token: YtToken): SimResponse {
  if (!token.scopes.some((s) => WRITE_SCOPES.includes(s))) return errors.insufficientScope();
  const id = req.query.get('id');
  if (!id) return errors.required('id');
  const at = state.subscriptions.findIndex((s) => subscriptionId(s) === id);
  if (at < 0) {
    const theirs = subscribersOf(state).some((s) => subscriptionId(s) === id);
    return theirs
      ? subscriptionError(403, 'subscriptionForbidden', 'The request is not properly authorized to delete the specified subscription.', 'id')
      : subscriptionError(404, 'subscriptionNotFound', 'The subscription that you are trying to delete cannot be found.', 'id');
  }
  const [gone] = state.subscriptions.splice(at, 1);
  state.record(req, 'unsubscribe', '/youtube/v3/subscriptions', gone.publisher.channelId, id, gone.publisher.name, Object.fromEntries(req.query));
  return { status: 204, raw: { contentType: 'application/json', data: '' } };
}
