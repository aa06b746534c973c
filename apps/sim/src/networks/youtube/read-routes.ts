import { json, listParam, type SimRequest, type SimResponse } from '../../core/http';
import { errors } from './errors';
import {
  commentJson,
  decodePageToken,
  encodePageToken,
  listJson,
  playlistItemJson,
  threadJson,
  uploadsPlaylistOf,
  videoJson,
  ytTime,
  type TextFormat,
} from './serialize';
import type { YoutubeState } from './state';
import type { YtComment, YtThread, YtVideo } from './store';
import { must } from '../../core/must';

/** The read routes of the YouTube Data API v3 (each 1 unit; search 100), as www.googleapis.com answers them. */
type Parsed<T> = { ok: T } | { error: SimResponse };

export function parts(req: SimRequest, allowed: string[]): Parsed<Set<string>> {
  const list = listParam(req.query, 'part') ?? [];
  if (list.length === 0) return { error: errors.required('part') };
  const bad = list.find((p) => !allowed.includes(p));
  if (bad) return { error: errors.invalidParam('part', `'${bad}'`, 'unknownPart') };
  return { ok: new Set(list) };
}

function maxResults(req: SimRequest, max: number, fallback: number): Parsed<number> {
  const raw = req.query.get('maxResults');
  if (raw === null) return { ok: fallback };
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > max)
    return {
      error: errors.invalidParam('maxResults', `Invalid value '${raw}'. Values must be within the range: [${max === 100 ? 1 : 0}, ${max}]`, 'invalidParameter'),
    };
  return { ok: Math.max(1, n) };
}

const textFormat = (req: SimRequest): TextFormat => (req.query.get('textFormat') === 'plainText' ? 'plainText' : 'html');

/** A slice starting at the page token's position; the next token when more remain. */
function page<T>(list: T[], req: SimRequest, size: number): Parsed<{ items: T[]; next?: string; prev?: string }> {
  const start = decodePageToken(req.query.get('pageToken'));
  if (start === 'bad') return { error: errors.invalidPageToken() };
  const from = start ?? 0;
  const items = list.slice(from, from + size);
  return {
    ok: {
      items,
      ...(from + size < list.length ? { next: encodePageToken(from + size) } : {}),
      ...(from > 0 ? { prev: encodePageToken(Math.max(0, from - size)) } : {}),
    },
  };
}

/** commentThreads.list: allThreadsRelatedToChannelId, videoId or id; newest thread first (order=time). */
export function listCommentThreads(state: YoutubeState, req: SimRequest): SimResponse {
  const p = parts(req, ['id', 'snippet', 'replies']);
  if ('error' in p) return p.error;
  const size = maxResults(req, 100, 20);
  if ('error' in size) return size.error;
  const q = req.query;
  const store = state.store;
  let threads: YtThread[];
  if (q.get('allThreadsRelatedToChannelId') !== null) {
    if (q.get('allThreadsRelatedToChannelId') !== store.channel.channelId) return errors.channelNotFound();
    threads = store.threads;
  } else if (q.get('videoId') !== null) {
    const video = store.video(must(q.get('videoId'), 'videoId'));
    if (!video) return errors.videoNotFound();
    threads = video.threads;
  } else if (q.get('id') !== null) {
    threads = (listParam(q, 'id') ?? []).map((id) => store.thread(id)).filter((t): t is YtThread => !!t);
  } else {
    return errors.invalidParam(
      'allThreadsRelatedToChannelId',
      'No filter selected. Expected one of: allThreadsRelatedToChannelId, videoId, id, channelId',
      'missingRequiredParameter',
    );
  }
  // searchTerms keeps the threads whose comments contain the words (not with id, as Google says).
  const terms = q.get('searchTerms')?.trim().toLowerCase();
  if (terms && q.get('id') !== null)
    return errors.invalidParam('searchTerms', 'The searchTerms parameter cannot be used with the id parameter.', 'incompatibleParameters');
  if (terms) threads = threads.filter((t) => [t.top, ...t.replies].some((c) => c.text.toLowerCase().includes(terms)));
  const filtered = byModeration(threads, q);
  if ('error' in filtered) return filtered.error;
  const ordered = byOrder(filtered.ok, q);
  if ('error' in ordered) return ordered.error;
  const newestFirst = ordered.ok;
  const slice = page(newestFirst, req, size.ok);
  if ('error' in slice) return slice.error;
  const items = slice.ok.items.map((t) => threadJson(t, store.channel.channelId, p.ok, textFormat(req)));
  return json(200, listJson('youtube#commentThreadListResponse', items, size.ok, newestFirst.length, slice.ok.next));
}

const MODERATION_FILTERS = ['heldForReview', 'likelySpam', 'published'];

/**
 * commentThreads.list moderationStatus (the channel owner's filter; default published): threads
 * whose top-level comment has that status. The sim marks nothing as likely spam, so that filter
 * lists none; rejected threads are in no list. Not with `id`, as YouTube says.
 */
function byModeration(threads: YtThread[], q: URLSearchParams): { ok: YtThread[] } | { error: SimResponse } {
  const status = q.get('moderationStatus');
  if (status !== null && !MODERATION_FILTERS.includes(status))
    return { error: errors.invalidParam('moderationStatus', `The moderationStatus parameter must be one of ${MODERATION_FILTERS.join(', ')}.`) };
  if (q.get('id') !== null) {
    if (status !== null)
      return {
        error: errors.invalidParam('moderationStatus', 'The moderationStatus parameter cannot be used with the id parameter.', 'incompatibleParameters'),
      };
    return { ok: threads };
  }
  const wanted = status ?? 'published';
  return { ok: threads.filter((t) => (t.top.moderationStatus ?? 'published') === wanted) };
}

/** commentThreads.list order: time (newest first, the default) or relevance (most liked and answered first). */
function byOrder(threads: YtThread[], q: URLSearchParams): { ok: YtThread[] } | { error: SimResponse } {
  const order = q.get('order') ?? 'time';
  if (order !== 'time' && order !== 'relevance') return { error: errors.invalidParam('order', 'The order parameter must be time or relevance.') };
  if (order !== 'time' && q.get('id') !== null)
    return { error: errors.invalidParam('order', 'The order parameter cannot be used with the id parameter.', 'incompatibleParameters') };
  const newestFirst = [...threads].reverse();
  if (order === 'time') return { ok: newestFirst };
  const weight = (t: YtThread) => t.top.likeCount + t.replies.length;
  return {
    ok: newestFirst
      .map((t, i) => ({ t, i }))
      .sort((a, b) => weight(b.t) - weight(a.t) || a.i - b.i)
      .map(({ t }) => t),
  };
}

/** comments.list: the replies of a top-level comment (parentId), oldest first, or comments by id. */
export function listComments(state: YoutubeState, req: SimRequest): SimResponse {
  const p = parts(req, ['id', 'snippet']);
  if ('error' in p) return p.error;
  const size = maxResults(req, 100, 20);
  if ('error' in size) return size.error;
  const store = state.store;
  let comments: YtComment[];
  const parentId = req.query.get('parentId');
  if (parentId !== null) {
    const parent = store.thread(parentId);
    if (!parent) return errors.parentCommentNotFound();
    comments = parent.replies;
  } else if (req.query.get('id') !== null) {
    comments = (listParam(req.query, 'id') ?? []).map((id) => store.comment(id)).filter((c): c is YtComment => !!c);
  } else {
    return errors.invalidParam('parentId', 'No filter selected. Expected one of: parentId, id', 'missingRequiredParameter');
  }
  const slice = page(comments, req, size.ok);
  if ('error' in slice) return slice.error;
  const items = slice.ok.items.map((c) => {
    const body = commentJson(c, store.channel.channelId, textFormat(req));
    return p.ok.has('snippet') ? body : { kind: body.kind, etag: body.etag, id: body.id };
  });
  return json(200, listJson('youtube#commentListResponse', items, size.ok, comments.length, slice.ok.next));
}

/** videos.list?id=a,b,c (at most 50). */
/**
 * Every part the Data API documents per resource is accepted; the sim returns those it models and
 * omits the rest, as Google omits what a resource does not have.
 */
export const VIDEO_PARTS = [
  'contentDetails',
  'fileDetails',
  'id',
  'liveStreamingDetails',
  'localizations',
  'paidProductPlacementDetails',
  'player',
  'processingDetails',
  'recordingDetails',
  'snippet',
  'statistics',
  'status',
  'suggestions',
  'topicDetails',
];
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

export function listVideos(state: YoutubeState, req: SimRequest, channelId?: string): SimResponse {
  const p = parts(req, VIDEO_PARTS);
  if ('error' in p) return p.error;
  const myRating = req.query.get('myRating');
  if (myRating !== null && channelId !== undefined) {
    // The caller's liked or disliked videos, newest first.
    if (myRating !== 'like' && myRating !== 'dislike')
      return errors.invalidParam('myRating', 'The myRating parameter must be like or dislike.', 'invalidRating');
    const rated = state.store.videos.filter((v) => v.ratings?.get(channelId) === myRating).reverse();
    const items = rated.map((v) => videoJson(v, state.store.channel.channelId, state.channelTitle, p.ok));
    return json(200, listJson('youtube#videoListResponse', items, items.length, items.length));
  }
  const list = listParam(req.query, 'id') ?? [];
  if (list.length === 0) return errors.invalidParam('id', 'No filter selected. Expected one of: id, chart, myRating', 'missingRequiredParameter');
  if (list.length > 50) return errors.invalidParam('id', 'The request specifies more than 50 video ids.', 'invalidVideoId');
  const videos = list.map((id) => state.store.video(id)).filter((v): v is YtVideo => !!v);
  const items = videos.map((v) => videoJson(v, state.store.channel.channelId, state.channelTitle, p.ok));
  return json(200, listJson('youtube#videoListResponse', items, items.length, items.length));
}

/** channels.list?mine=true or ?id=: the demo channel, with its uploads playlist. */
export function listChannels(state: YoutubeState, req: SimRequest, tokenChannelId: string): SimResponse {
  const p = parts(req, CHANNEL_PARTS);
  if ('error' in p) return p.error;
  const q = req.query;
  const channelId = state.store.channel.channelId;
  // A handle is matched without its @ and regardless of case, as YouTube does.
  const handle = (value: string) => value.replace(/^@/, '').toLowerCase();
  let match: boolean;
  if (q.get('mine') === 'true') match = tokenChannelId === channelId;
  else if (q.get('id') !== null) match = (listParam(q, 'id') ?? []).includes(channelId);
  else if (q.get('forHandle') !== null) match = handle(q.get('forHandle') ?? '') === handle(state.customUrl);
  else if (q.get('forUsername') !== null) match = handle(q.get('forUsername') ?? '') === handle(state.customUrl);
  else
    return errors.invalidParam(
      'id',
      'No filter selected. Expected one of: id, mine, forHandle, forUsername, managedByMe, mySubscribers',
      'missingRequiredParameter',
    );
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
                  description: 'Demo channel of the Resonance sim',
                  customUrl: state.customUrl,
                  publishedAt: ytTime(Date.UTC(2020, 0, 1)),
                },
              }
            : {}),
          ...(p.ok.has('contentDetails') ? { contentDetails: { relatedPlaylists: { likes: '', uploads: uploadsPlaylistOf(channelId) } } } : {}),
          ...(p.ok.has('statistics')
            ? {
                statistics: {
                  viewCount: String(state.store.videos.reduce((n, v) => n + v.views, 0)),
                  subscriberCount: '4200',
                  hiddenSubscriberCount: false,
                  videoCount: String(state.store.videos.length),
                },
              }
            : {}),
        },
      ]
    : [];
  return json(200, listJson('youtube#channelListResponse', items, 5, items.length));
}

/** playlistItems.list?playlistId=<uploads>: the channel's uploads, newest first. */
export function listPlaylistItems(state: YoutubeState, req: SimRequest): SimResponse {
  const p = parts(req, ['id', 'snippet', 'contentDetails', 'status']);
  if ('error' in p) return p.error;
  const size = maxResults(req, 50, 5);
  if ('error' in size) return size.error;
  const playlistId = req.query.get('playlistId');
  if (!playlistId) return errors.invalidParam('playlistId', 'No filter selected. Expected one of: playlistId, id', 'missingRequiredParameter');
  if (playlistId !== uploadsPlaylistOf(state.store.channel.channelId)) return errors.playlistNotFound();
  const newestFirst = [...state.store.videos].reverse();
  const slice = page(newestFirst, req, size.ok);
  if ('error' in slice) return slice.error;
  const token = decodePageToken(req.query.get('pageToken'));
  const offset = typeof token === 'number' ? token : 0;
  const items = slice.ok.items.map((v, i) => playlistItemJson(v, offset + i, state.store.channel.channelId, state.channelTitle, p.ok));
  return json(200, listJson('youtube#playlistItemListResponse', items, size.ok, newestFirst.length, slice.ok.next));
}

/** search.list?forMine=true|channelId=&type=video&order=date: 100 units, as Google charges. */
export function search(state: YoutubeState, req: SimRequest): SimResponse {
  const p = parts(req, ['snippet', 'id']);
  if ('error' in p) return p.error;
  const size = maxResults(req, 50, 5);
  if ('error' in size) return size.error;
  const q = req.query;
  const channelId = state.store.channel.channelId;
  const mine = q.get('forMine') === 'true' || q.get('channelId') === channelId;
  const videos = mine ? [...state.store.videos].reverse() : [];
  const slice = page(videos, req, size.ok);
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
            channelTitle: state.channelTitle,
            liveBroadcastContent: 'none',
          },
        }
      : {}),
  }));
  return json(200, { ...listJson('youtube#searchListResponse', items, size.ok, videos.length, slice.ok.next), regionCode: 'DE' });
}
