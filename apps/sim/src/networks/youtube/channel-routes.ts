import { json, listParam, type SimRequest, type SimResponse } from '../../core/http';
import { errors } from './errors';
import { maxResults, notWithId, page, parts } from './params';
import { listJson, playlistItemJson, thumbnailsJson, uploadsPlaylistOf, videoMeta, ytTime } from './serialize';
import type { YoutubeState } from './state';
import type { YtVideo } from './store';

/** The channel and its videos as lists: channels.list, playlistItems.list (1 unit each) and search.list (its own bucket). */
const CHANNEL_PARTS = [
  'auditDetails',
  'brandingSettings',
  'contentDetails',
  'contentOwnerDetails',
  'id',
  'localizations',
  'snippet',
  'statistics',
  'status',
  'topicDetails',
];

const CHANNEL_DESCRIPTION = 'Demo channel of the Resonance sim';

/** channels.list by mine, id, forHandle or forUsername: the demo channel, with its uploads playlist. */
export function listChannels(state: YoutubeState, req: SimRequest, tokenChannelId: string): SimResponse {
  const p = parts(req, CHANNEL_PARTS);
  if ('error' in p) return p.error;
  const size = maxResults(req, { min: 0, max: 50, fallback: 5 });
  if ('error' in size) return size.error;
  const q = req.query;
  const channelId = state.store.channel.channelId;
  // A handle is matched without its @ and regardless of case, as YouTube does.
  const handle = (value: string) => value.replace(/^@/, '').toLowerCase();
  let match: boolean;
  if (q.get('mine') === 'true') match = tokenChannelId === channelId;
  else if (q.get('id') !== null) match = (listParam(q, 'id') ?? []).includes(channelId);
  else if (q.get('forHandle') !== null) match = handle(q.get('forHandle') ?? '') === handle(state.customUrl);
  else if (q.get('forUsername') !== null) match = handle(q.get('forUsername') ?? '') === handle(state.customUrl);
  // managedByMe is for YouTube content partners (with onBehalfOfContentOwner): the sim's channel has none.
  else if (q.get('managedByMe') === 'true') match = false;
  else return errors.invalidParam('id', 'No filter selected. Expected one of: id, mine, forHandle, forUsername, managedByMe', 'missingRequiredParameter');
  const videos = state.store.videos;
  const items = match
    ? [
        {
          kind: 'youtube#channel',
          etag: `ch${channelId}`,
          id: channelId,
          ...(p.ok.has('snippet')
            ? {
                snippet: {
                  title: state.channelTitle,
                  description: CHANNEL_DESCRIPTION,
                  customUrl: state.customUrl,
                  publishedAt: ytTime(Date.UTC(2020, 0, 1)),
                  thumbnails: { default: { url: `https://yt3.ggpht.com/ytc/${channelId.slice(2, 14)}=s88-c-k-c0x00ffffff-no-rj`, width: 88, height: 88 } },
                  // hl asks for localized texts; the channel has one language, so they are the same.
                  localized: { title: state.channelTitle, description: CHANNEL_DESCRIPTION },
                  country: 'DE',
                },
              }
            : {}),
          ...(p.ok.has('contentDetails') ? { contentDetails: { relatedPlaylists: { likes: '', uploads: uploadsPlaylistOf(channelId) } } } : {}),
          ...(p.ok.has('statistics')
            ? {
                statistics: {
                  viewCount: String(videos.reduce((n, v) => n + v.views, 0)),
                  subscriberCount: '4200',
                  hiddenSubscriberCount: false,
                  videoCount: String(videos.filter((v) => videoMeta(v).privacyStatus === 'public').length),
                },
              }
            : {}),
          ...(p.ok.has('status')
            ? { status: { privacyStatus: 'public', isLinked: true, longUploadsStatus: 'allowed', madeForKids: false, selfDeclaredMadeForKids: false } }
            : {}),
        },
      ]
    : [];
  return json(200, listJson('youtube#channelListResponse', items.slice(0, size.ok), size.ok, items.length));
}

/**
 * playlistItems.list of the uploads playlist (newest first) or by id (playlist item ids), with
 * videoId keeping the items of one video; maxResults 0–50, default 5.
 */
export function listPlaylistItems(state: YoutubeState, req: SimRequest): SimResponse {
  const p = parts(req, ['id', 'snippet', 'contentDetails', 'status']);
  if ('error' in p) return p.error;
  const size = maxResults(req, { min: 0, max: 50, fallback: 5 });
  if ('error' in size) return size.error;
  const channelId = state.store.channel.channelId;
  const uploads = uploadsPlaylistOf(channelId);
  const newestFirst = [...state.store.videos].reverse();
  const json200 = (entries: Array<{ v: YtVideo; position: number }>, total: number, next?: string, prev?: string) => {
    const items = entries.map(({ v, position }) => ({
      ...playlistItemJson(v, position, channelId, state.channelTitle, p.ok),
      ...(p.ok.has('status') ? { status: { privacyStatus: videoMeta(v).privacyStatus } } : {}),
    }));
    return json(200, listJson('youtube#playlistItemListResponse', items, size.ok, total, next, prev));
  };
  const ids = listParam(req.query, 'id');
  if (ids !== null) {
    const withId = notWithId(req, ['playlistId']);
    if (withId) return withId;
    const wanted = new Set(ids);
    const entries = newestFirst
      .map((v, position) => ({ v, position }))
      .filter(({ v }) => wanted.has(playlistItemJson(v, 0, channelId, state.channelTitle, new Set()).id as string));
    return json200(entries, entries.length);
  }
  const playlistId = req.query.get('playlistId');
  if (!playlistId) return errors.invalidParam('playlistId', 'No filter selected. Expected one of: playlistId, id', 'missingRequiredParameter');
  if (playlistId !== uploads) return errors.playlistNotFound();
  const videoId = req.query.get('videoId');
  const entries = newestFirst.map((v, position) => ({ v, position })).filter(({ v }) => videoId === null || v.id === videoId);
  const slice = page(entries, req, size.ok);
  if ('error' in slice) return slice.error;
  return json200(slice.ok.items, entries.length, slice.ok.next, slice.ok.prev);
}

const SEARCH_ORDERS = ['date', 'rating', 'relevance', 'title', 'videoCount', 'viewCount'];
const SEARCH_TYPES = ['video', 'channel', 'playlist'];

/**
 * search.list for the channel's videos: forMine=true (the owner's, private ones too; needs
 * type=video) or channelId (public ones only). q matches title and description, with the
 * documented NOT (-word) and OR (a|b) operators; publishedAfter/publishedBefore (RFC 3339);
 * order date, rating (likes), title, viewCount or relevance (the default: the sim ranks by views);
 * maxResults 0–50, default 5. Search results other than videos (channels, playlists) the sim
 * does not return.
 */
export function search(state: YoutubeState, req: SimRequest): SimResponse {
  const p = parts(req, ['snippet', 'id']);
  if ('error' in p) return p.error;
  const size = maxResults(req, { min: 0, max: 50, fallback: 5 });
  if ('error' in size) return size.error;
  const q = req.query;
  const channelId = state.store.channel.channelId;
  const types = listParam(q, 'type') ?? SEARCH_TYPES;
  const badType = types.find((t) => !SEARCH_TYPES.includes(t));
  if (badType) return errors.invalidParam('type', `Invalid value '${badType}'. Values must be one of: ${SEARCH_TYPES.join(', ')}`);
  const forMine = q.get('forMine') === 'true';
  if (forMine && (types.length !== 1 || types[0] !== 'video'))
    return errors.invalidParam('type', 'The request specifies forMine without type=video.', 'invalidSearchFilter');
  const order = q.get('order') ?? 'relevance';
  if (!SEARCH_ORDERS.includes(order)) return errors.invalidParam('order', `Invalid value '${order}'. Values must be one of: ${SEARCH_ORDERS.join(', ')}`);
  const after = time(q.get('publishedAfter'));
  const before = time(q.get('publishedBefore'));
  if (after === 'bad' || before === 'bad') return errors.invalidParam(after === 'bad' ? 'publishedAfter' : 'publishedBefore', 'Invalid RFC 3339 date-time.');
  const mine = forMine || q.get('channelId') === channelId;
  let videos = !mine || !types.includes('video') ? [] : state.store.videos.filter((v) => forMine || videoMeta(v).privacyStatus === 'public');
  const matches = query(q.get('q'));
  videos = videos.filter(
    (v) => matches(`${v.title} ${v.description}`) && (after === null || v.publishedAt >= after) && (before === null || v.publishedAt < before),
  );
  const sorted = sortVideos(videos, order);
  const slice = page(sorted, req, size.ok);
  if ('error' in slice) return slice.error;
  const items = slice.ok.items.map((v) => ({
    kind: 'youtube#searchResult',
    etag: `s${v.id}`,
    id: { kind: 'youtube#video', videoId: v.id },
    ...(p.ok.has('snippet')
      ? {
          snippet: {
            publishedAt: ytTime(v.publishedAt),
            channelId,
            title: v.title,
            description: v.description,
            thumbnails: thumbnailsJson(v),
            channelTitle: state.channelTitle,
            liveBroadcastContent: 'none',
            publishTime: ytTime(v.publishedAt),
          },
        }
      : {}),
  }));
  return json(200, { ...listJson('youtube#searchListResponse', items, size.ok, sorted.length, slice.ok.next, slice.ok.prev), regionCode: 'DE' });
}

function time(raw: string | null): number | null | 'bad' {
  if (raw === null) return null;
  const t = Date.parse(raw);
  return /^\d{4}-\d\d-\d\dT/.test(raw) && Number.isFinite(t) ? t : 'bad';
}

/** The q parameter: words all present, `-word` absent, `a|b` either (case-insensitive). */
function query(raw: string | null): (text: string) => boolean {
  const terms = (raw ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return (text) => {
    const t = text.toLowerCase();
    return terms.every((term) => (term.startsWith('-') && term.length > 1 ? !t.includes(term.slice(1)) : term.split('|').some((alt) => t.includes(alt))));
  };
}

function sortVideos(videos: YtVideo[], order: string): YtVideo[] {
  const newest = (a: YtVideo, b: YtVideo) => b.publishedAt - a.publishedAt || b.order - a.order;
  const by: Record<string, (a: YtVideo, b: YtVideo) => number> = {
    date: newest,
    rating: (a, b) => b.likes - a.likes || newest(a, b),
    title: (a, b) => a.title.localeCompare(b.title) || newest(a, b),
    viewCount: (a, b) => b.views - a.views || newest(a, b),
    relevance: (a, b) => b.views - a.views || newest(a, b),
    videoCount: newest,
  };
  return [...videos].sort(by[order]);
}
