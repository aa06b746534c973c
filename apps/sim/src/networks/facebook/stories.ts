import { json, type SimRequest, type SimResponse } from '../../core/http';
import { errors } from './errors';
import { mayPublishTo, recordItem } from './post-routes';
import { param, timeParam } from './post-extras';
import type { FbStory } from './post-types';
import { edgeResponse, type ReadCall } from './read-routes';
import type { FacebookState } from './state';
import type { FbToken } from './tokens';

/**
 * Page stories (Facebook Stories API), a page token with pages_manage_posts:
 *   POST /{page}/photo_stories  photo_id (a photo uploaded with published=false, in no post)
 *        → {success: true, post_id}
 *   POST /{page}/video_stories  upload_phase start → rupload → finish (reels.ts) → {success, post_id}
 *   GET  /{page}/stories  since, until (unix time), status (PUBLISHED, ARCHIVED) → {data: [{post_id,
 *        status, creation_time, media_type, media_id, url}], paging}, newest first
 * A story is live for 24 hours, then ARCHIVED (the page's story archive is on). Stories are not
 * page posts: they are in no feed edge, and Meta documents no webhook for them.
 */

const STORY_LIFETIME_MS = 24 * 3600_000;
const STATUSES = ['PUBLISHED', 'ARCHIVED'];

/** A new story showing the photo or video `mediaId`. */
export function addStory(state: FacebookState, mediaType: FbStory['mediaType'], mediaId: string): FbStory {
  const serial = state.store.nextSerial();
  const story: FbStory = { order: serial, postId: String(126_000_000_000_000 + serial), createdAt: state.now(), mediaType, mediaId };
  state.media.stories.push(story);
  return story;
}

/** POST /{page-id}/photo_stories */
export function photoStory(state: FacebookState, req: SimRequest, token: FbToken, pageId: string): SimResponse {
  const refused = mayPublishTo(state, token, pageId);
  if (refused) return refused;
  const id = param(req, 'photo_id');
  if (id === undefined) return errors.invalidParam('The parameter photo_id is required');
  const photo = typeof id === 'string' || typeof id === 'number' ? state.media.photo(String(id)) : undefined;
  // Meta: a photo for a story must not have been used in a published post.
  if (!photo || photo.published || photo.postId || photo.storyId)
    return errors.invalidParam(`Param photo_id must be a photo uploaded with published=false and used in no post or story: ${JSON.stringify(id)}`);
  const story = addStory(state, 'photo', photo.id);
  photo.storyId = story.postId;
  recordItem(state, req, 'post_publish', `/${pageId}/photo_stories`, state.pageId, story.postId, '');
  return json(200, { success: true, post_id: story.postId });
}

/** GET /{page-id}/stories */
export function getStories(state: FacebookState, call: ReadCall, pageId: string): SimResponse {
  if (pageId !== state.pageId && pageId !== 'me') return errors.unsupportedGet(pageId);
  if (!call.token.scopes.includes('pages_read_engagement')) return errors.missingPermission('pages_read_engagement');
  const q = call.req.query;
  const bound = (name: 'since' | 'until') => {
    const raw = q.get(name);
    if (raw === null || raw === '') return undefined;
    const at = timeParam(raw);
    return Number.isFinite(at) ? at : null;
  };
  const since = bound('since');
  const until = bound('until');
  if (since === null || until === null) return errors.invalidParam('Params since and until must be unix timestamps or dates');
  const status = q.get('status')?.toUpperCase();
  if (status !== undefined && !STATUSES.includes(status)) return errors.invalidParam(`Param status must be one of {${STATUSES.join(', ')}}`);
  const now = state.now();
  const statusOf = (s: FbStory) => (now - s.createdAt < STORY_LIFETIME_MS ? 'PUBLISHED' : 'ARCHIVED');
  const list = state.media.stories.filter(
    (s) => (since === undefined || s.createdAt >= since) && (until === undefined || s.createdAt <= until) && (status === undefined || statusOf(s) === status),
  );
  return edgeResponse(call, `/${pageId}/stories`, list, true, (s) => ({
    post_id: s.postId,
    status: statusOf(s),
    creation_time: String(Math.floor(s.createdAt / 1000)),
    media_type: s.mediaType,
    media_id: s.mediaId,
    url: `https://www.facebook.com/stories/${state.pageId}/${s.postId}/`,
  }));
}
