import { json, listParam, type SimRequest, type SimResponse } from '../../core/http';
import { channelThumbnails } from './channel-routes';
import { errors, google } from './errors';
import { maxResults, page, parts } from './params';
import { etag, itemsJson, listJson, videoMeta, ytTime } from './serialize';
import type { YoutubeState } from './state';
import { ytId, type YtAuthor } from './store';
import { READ_SCOPES, type YtToken } from './tokens';

/**
 * subscriptions.list and channelSections.list (1 unit each) of the sim's world. The demo channel
 * subscribes to no channel (mine=true lists none); its public subscribers are the people who
 * commented on it (the sim's choice: YouTube lists only subscribers whose subscriptions are public,
 * so statistics.subscriberCount stays larger), each subscribed since their first comment. Its
 * channel sections are the ones YouTube lays out for a new channel: recent uploads, popular
 * uploads, and its playlists once it has public ones.
 */
const SUBSCRIPTION_PARTS = ['contentDetails', 'id', 'snippet', 'subscriberSnippet'];
const SUBSCRIPTION_FILTERS = ['channelId', 'id', 'mine', 'myRecentSubscribers', 'mySubscribers'];
const ORDERS = ['alphabetical', 'relevance', 'unread'];

interface Subscriber {
  author: YtAuthor;
  since: number;
}

/** The commenters (not the channel), oldest subscription first. */
function subscribers(state: YoutubeState): Subscriber[] {
  const first = new Map<string, Subscriber>();
  for (const t of state.store.threads)
    for (const c of [t.top, ...t.replies])
      if (!c.fromChannel) {
        const known = first.get(c.author.channelId);
        if (!known || c.publishedAt < known.since) first.set(c.author.channelId, { author: c.author, since: c.publishedAt });
      }
  return [...first.values()].sort((a, b) => a.since - b.since);
}

const subscriptionId = (subscriber: string, channel: string): string => ytId(`subscription:${subscriber}:${channel}`, 43);

function subscriptionJson(state: YoutubeState, s: Subscriber, names: Set<string>): Record<string, unknown> {
  const channelId = state.store.channel.channelId;
  const id = subscriptionId(s.author.channelId, channelId);
  return {
    kind: 'youtube#subscription',
    etag: etag('subscription', id),
    id,
    ...(names.has('snippet')
      ? {
          snippet: {
            publishedAt: ytTime(s.since),
            title: state.channelTitle,
            description: state.channelSettings.description,
            resourceId: { kind: 'youtube#channel', channelId },
            channelId: s.author.channelId,
            thumbnails: channelThumbnails(channelId),
          },
        }
      : {}),
    ...(names.has('contentDetails')
      ? {
          contentDetails: {
            totalItemCount: state.store.videos.filter((v) => videoMeta(v).privacyStatus === 'public').length,
            newItemCount: 0,
            activityType: 'all',
          },
        }
      : {}),
    ...(names.has('subscriberSnippet')
      ? { subscriberSnippet: { title: s.author.name, description: '', channelId: s.author.channelId, thumbnails: channelThumbnails(s.author.channelId) } }
      : {}),
  };
}

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
  const all = subscribers(state);
  let list: Subscriber[];
  if (q.get('mine') !== null || q.get('channelId') === channelId) list = [];
  else if (q.get('channelId') !== null) {
    const one = all.find((s) => s.author.channelId === q.get('channelId'));
    if (!one)
      return google(404, 'subscriberNotFound', 'The subscriber identified with the request cannot be found.', {
        domain: 'youtube.subscription',
        location: 'channelId',
        locationType: 'parameter',
      });
    list = [one];
  } else if (q.get('id') !== null) {
    const wanted = new Set(listParam(q, 'id') ?? []);
    list = all.filter((s) => wanted.has(subscriptionId(s.author.channelId, channelId)));
  } else {
    const flag = q.get('mySubscribers') ?? q.get('myRecentSubscribers');
    list = flag === 'true' && token.channelId === channelId ? (q.get('myRecentSubscribers') !== null ? [...all].reverse() : all) : [];
  }
  // forChannelId: only subscriptions to these channels (every listed subscription is to the demo channel).
  const forChannels = listParam(q, 'forChannelId');
  if (forChannels !== null && !forChannels.includes(channelId)) list = [];
  if (order === 'alphabetical') list = [...list].sort((a, b) => a.author.name.localeCompare(b.author.name));
  const slice = q.get('id') !== null ? { ok: { items: list, next: undefined, prev: undefined } } : page(list, req, size.ok);
  if ('error' in slice) return slice.error;
  const items = slice.ok.items.map((s) => subscriptionJson(state, s, p.ok));
  return json(200, listJson('youtube#subscriptionListResponse', items, size.ok, list.length, slice.ok.next, slice.ok.prev));
}

/** channelSections.list by channelId, id or mine: the demo channel's sections in their positions. */
export function listChannelSections(state: YoutubeState, req: SimRequest, token: YtToken): SimResponse {
  const p = parts(req, ['contentDetails', 'id', 'snippet']);
  if ('error' in p) return p.error;
  const q = req.query;
  const filters = ['channelId', 'id', 'mine'].filter((f) => q.get(f) !== null);
  if (filters.length !== 1)
    return filters.length === 0
      ? errors.invalidParam('channelId', 'No filter selected. Expected one of: channelId, id, mine', 'missingRequiredParameter')
      : errors.invalidParam(filters[1], `The ${filters[1]} parameter cannot be used with the ${filters[0]} parameter.`, 'incompatibleParameters');
  const channelId = state.store.channel.channelId;
  const types = ['recentUploads', 'popularUploads', ...(state.playlists.all.some((pl) => pl.privacyStatus === 'public') ? ['allPlaylists'] : [])];
  const sections = types.map((type, position) => ({
    kind: 'youtube#channelSection',
    etag: etag('section', channelId, type, position),
    id: `${channelId}.${ytId(`section:${type}`, 11)}`,
    ...(p.ok.has('snippet') ? { snippet: { type, channelId, position } } : {}),
  }));
  let items: typeof sections;
  if (q.get('id') !== null) {
    const wanted = new Set(listParam(q, 'id') ?? []);
    items = sections.filter((s) => wanted.has(s.id));
  } else if (q.get('mine') !== null) items = q.get('mine') === 'true' && token.channelId === channelId ? sections : [];
  else items = q.get('channelId') === channelId ? sections : [];
  return json(200, itemsJson('youtube#channelSectionListResponse', items));
}
