import { json, listParam, type SimRequest, type SimResponse } from '../../core/http';
import { errors, google } from './errors';
import { isRegion } from './catalog-routes';
import { maxResults, page, parts, textFormat } from './params';
import { commentJson, listJson, threadJson, videoJson, videoMeta, watchable } from './serialize';
import type { YoutubeState } from './state';
import type { YtComment, YtThread, YtVideo } from './store';
import { must } from '../../core/must';

/** The read routes of the YouTube Data API v3 for comments and videos (each 1 unit), as www.googleapis.com answers them. */

/** commentThreads.list: allThreadsRelatedToChannelId, videoId or id; newest thread first (order=time). */
export function listCommentThreads(state: YoutubeState, req: SimRequest): SimResponse {
  const p = parts(req, ['id', 'snippet', 'replies']);
  if ('error' in p) return p.error;
  const size = maxResults(req, { min: 1, max: 100, fallback: 20 });
  if ('error' in size) return size.error;
  const format = textFormat(req);
  if ('error' in format) return format.error;
  const q = req.query;
  const store = state.store;
  // Exactly one filter, as Google documents.
  const filters = ['allThreadsRelatedToChannelId', 'videoId', 'id'].filter((f) => q.get(f) !== null);
  if (filters.length > 1)
    return errors.invalidParam(filters[1], `The ${filters[1]} parameter cannot be used with the ${filters[0]} parameter.`, 'incompatibleParameters');
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
      'No filter selected. Expected one of: allThreadsRelatedToChannelId, videoId, id',
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
  const items = slice.ok.items.map((t) => threadJson(t, store.channel.channelId, p.ok, format.ok));
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
  const size = maxResults(req, { min: 1, max: 100, fallback: 20 });
  if ('error' in size) return size.error;
  const format = textFormat(req);
  if ('error' in format) return format.error;
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
    const body = commentJson(c, store.channel.channelId, format.ok);
    return p.ok.has('snippet') ? body : { kind: body.kind, etag: body.etag, id: body.id };
  });
  return json(200, listJson('youtube#commentListResponse', items, size.ok, comments.length, slice.ok.next));
}

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

/**
 * videos.list: by id (at most 50), the caller's rated videos (myRating=like|dislike) or
 * chart=mostPopular (the sim's public videos by views: it has one channel's). The lists of
 * myRating and chart page (maxResults 1–50, default 5); with id, maxResults and pageToken are
 * ignored (Google documents them as not supported with id; the product sends maxResults anyway).
 */
export function listVideos(state: YoutubeState, req: SimRequest, channelId?: string): SimResponse {
  const p = parts(req, VIDEO_PARTS);
  if ('error' in p) return p.error;
  const q = req.query;
  const json200 = (videos: YtVideo[], size: number, total: number, next?: string, prev?: string) =>
    json(
      200,
      listJson(
        'youtube#videoListResponse',
        videos.map((v) => videoJson(v, state.store.channel.channelId, state.channelTitle, p.ok, false, q.get('hl'))),
        size,
        total,
        next,
        prev,
      ),
    );
  const myRating = q.get('myRating');
  const chart = q.get('chart');
  if (myRating !== null || chart !== null) {
    if (myRating !== null && chart !== null) return errors.invalidParam('chart', 'Only one of id, chart and myRating may be given.', 'incompatibleParameters');
    const size = maxResults(req, { min: 1, max: 50, fallback: 5 });
    if ('error' in size) return size.error;
    let list: YtVideo[];
    if (myRating !== null) {
      // The caller's liked or disliked videos, newest first.
      if (myRating !== 'like' && myRating !== 'dislike')
        return errors.invalidParam('myRating', 'The myRating parameter must be like or dislike.', 'invalidRating');
      list = state.store.videos.filter((v) => channelId !== undefined && v.ratings?.get(channelId) === myRating).reverse();
    } else {
      if (chart !== 'mostPopular') return errors.invalidParam('chart', `Invalid value '${chart}'. Values must be one of: mostPopular`);
      // The chart exists for YouTube's content regions only (i18nRegions); elsewhere the documented videoChartNotFound.
      const region = q.get('regionCode');
      if (region !== null && !isRegion(region))
        return google(400, 'videoChartNotFound', 'The requested video chart is not supported or is not available.', {
          domain: 'youtube.video',
          location: 'regionCode',
          locationType: 'parameter',
        });
      const category = q.get('videoCategoryId');
      list = state.store.videos
        .filter((v) => watchable(v) && (category === null || videoMeta(v).categoryId === category))
        .sort((a, b) => b.views - a.views || b.order - a.order);
    }
    const slice = page(list, req, size.ok);
    if ('error' in slice) return slice.error;
    return json200(slice.ok.items, size.ok, list.length, slice.ok.next, slice.ok.prev);
  }
  const list = listParam(q, 'id') ?? [];
  if (list.length === 0) return errors.invalidParam('id', 'No filter selected. Expected one of: id, chart, myRating', 'missingRequiredParameter');
  if (list.length > 50) return errors.invalidParam('id', 'The request specifies more than 50 video ids.', 'invalidVideoId');
  const videos = list.map((id) => state.store.video(id)).filter((v): v is YtVideo => !!v);
  return json200(videos, videos.length, videos.length);
}
