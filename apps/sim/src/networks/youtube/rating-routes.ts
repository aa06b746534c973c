import { json, listParam, type SimRequest, type SimResponse } from '../../core/http';
import type { ReceivedItem } from '../../core/world';
import { errors, google } from './errors';
import { etag } from './serialize';
import type { YoutubeState } from './state';
import type { YtVideo } from './store';
import { READ_SCOPES, WRITE_SCOPES, type YtToken } from './tokens';

/**
 * The caller's own rating of videos, and its spam flag on comments (YouTube Data API v3):
 *   POST /youtube/v3/videos/rate?id=…&rating=like|dislike|none      204, 50 units
 *   GET  /youtube/v3/videos/getRating?id=a,b                          {kind, etag, items: [{videoId, rating}]}, 1 unit
 *   POST /youtube/v3/comments/markAsSpam?id=a,b                       204, 50 units
 * YouTube keeps one rating per channel and video: a like counts in statistics.likeCount (dislikes
 * are private since 2021), `none` takes it back. markAsSpam is documented as deprecated and no
 * longer supported: YouTube still answers 204 and nothing visible changes, so the sim checks the
 * ids, records the call (comment_spam in /_sim/received) and leaves the comments as they are.
 */
const RATINGS = ['like', 'dislike', 'none'] as const;
const noContent = (): SimResponse => ({ status: 204, raw: { contentType: 'application/json', data: '' } });

const videoNotFound = (): SimResponse =>
  google(404, 'videoNotFound', 'The video that you are trying to rate cannot be found. Check the value of the id parameter in the request.', {
    domain: 'youtube.video',
    location: 'id',
    locationType: 'parameter',
  });

function record(state: YoutubeState, req: SimRequest, kind: ReceivedItem['kind'], path: string, id: string, text: string): void {
  state.record(req, kind, path, id, id, text, Object.fromEntries(req.query));
}

/** The rating `channelId` gave `video`, as getRating names it. */
export const ratingOf = (video: YtVideo, channelId: string): 'like' | 'dislike' | 'none' => video.ratings?.get(channelId) ?? 'none';

export function rateVideo(state: YoutubeState, req: SimRequest, token: YtToken): SimResponse {
  if (!token.scopes.some((s) => WRITE_SCOPES.includes(s))) return errors.insufficientScope();
  const id = req.query.get('id');
  if (!id) return errors.required('id');
  const rating = req.query.get('rating');
  if (!rating) return errors.required('rating');
  const known = RATINGS.find((r) => r === rating);
  if (!known) return errors.invalidParam('rating', 'The rating parameter must be like, dislike or none.', 'invalidRating');
  const video = state.store.video(id);
  if (!video) return videoNotFound();
  const before = ratingOf(video, token.channelId);
  video.ratings ??= new Map();
  if (known === 'none') video.ratings.delete(token.channelId);
  else video.ratings.set(token.channelId, known);
  video.likes += (known === 'like' ? 1 : 0) - (before === 'like' ? 1 : 0);
  record(state, req, 'video_rate', '/youtube/v3/videos/rate', video.id, known);
  return noContent();
}

export function getRating(state: YoutubeState, req: SimRequest, token: YtToken): SimResponse {
  if (!token.scopes.some((s) => READ_SCOPES.includes(s))) return errors.insufficientScope();
  const ids = listParam(req.query, 'id') ?? [];
  if (ids.length === 0) return errors.required('id');
  if (ids.length > 50) return errors.invalidParam('id', 'The request specifies more than 50 video ids.', 'invalidVideoId');
  // Unknown ids are left out of the answer, as YouTube does for lists by id.
  const items = ids.map((id) => state.store.video(id)).flatMap((v) => (v ? [{ videoId: v.id, rating: ratingOf(v, token.channelId) }] : []));
  return json(200, { kind: 'youtube#videoGetRatingResponse', etag: etag('rating', items), items });
}

export function markAsSpam(state: YoutubeState, req: SimRequest, token: YtToken): SimResponse {
  if (!token.scopes.some((s) => WRITE_SCOPES.includes(s))) return errors.insufficientScope();
  const ids = listParam(req.query, 'id') ?? [];
  if (ids.length === 0) return errors.required('id');
  const comments = ids.map((id) => state.store.comment(id));
  if (comments.some((c) => !c)) return errors.commentNotFound();
  for (const c of comments) if (c) record(state, req, 'comment_spam', '/youtube/v3/comments/markAsSpam', c.id, c.text);
  return noContent();
}
