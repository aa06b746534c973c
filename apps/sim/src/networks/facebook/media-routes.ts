import { joinedParam, json, type SimRequest, type SimResponse } from '../../core/http';
import { errors, graphError } from './errors';
import { parseFields } from './fields';
import { photoSrc, renderPhoto, renderVideo, videoSource, videoThumbnail } from './media';
import { bool, mayPublishTo, readSchedule, record, recordItem } from './post-routes';
import { param, readExtras } from './post-extras';
import type { FbPhoto, FbPostExtras, FbVideo } from './post-types';
import { edgeResponse, nestedEdges, type ReadCall } from './read-routes';
import { renderPost } from './serialize';
import type { FacebookState } from './state';
import { isLive, type FbPost } from './store';
import type { FbToken } from './tokens';
import { filePart, imageType, isVideo } from './upload';
import { photoTags, readPhotoExtras } from './photo-extras';

/**
 * Photo and video posts (Pages API, Graph reference "Page Photos" and "Page Videos"), a page token
 * with pages_manage_posts as for /feed:
 *   POST /{page}/photos  url (a public image URL) or source (the file, multipart), caption
 *        (or message), published, scheduled_publish_time, place, targeting, backdated_time,
 *        tags, alt_text_custom, no_story, temporary (photo-extras.ts)
 *        → {id, post_id}; published=false without a time, or no_story=true → {id} only: a photo
 *        in no post (for /feed attached_media, or on the page without a feed story)
 *   POST /{page}/videos  file_url, source (multipart) or fbuploader_video_file_chunk (a Resumable
 *        Upload API handle), title, description, published, scheduled_publish_time, place,
 *        targeting, backdated_post → {id}; or in chunks, upload_phase start/transfer/finish
 *        (video-phases.ts)
 *   GET  /{page}/photos?type=uploaded (default type profile: none), /{page}/videos (newest first)
 *   GET  /{page}/scheduled_posts: posts waiting for their scheduled_publish_time
 * The sim fetches no URL and keeps no file: a photo gets a CDN address of its own, as Facebook
 * re-hosts it; a video is ready at once (status video_status ready).
 */

const people = (state: FacebookState) => (id: string) => state.store.commenter(id) ?? state.store.conversationWith(id)?.customer;
const missingFile = (message: string) => graphError({ status: 400, message: `(#324) ${message}`, code: 324 });
const isUrl = (v: unknown): v is string => typeof v === 'string' && /^https?:\/\/\S+$/.test(v);

/** Width and height of a PNG from its header; other formats read as 960×720 (the sim decodes no image). */
function dimensions(data: Buffer | undefined): { width: number; height: number } {
  if (data && imageType(data) === 'image/png' && data.length >= 24) return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  return { width: 960, height: 720 };
}

export interface Common {
  published: boolean | undefined;
  scheduledAt: number | undefined;
  extras: FbPostExtras;
  now: number;
}

/** What /photos and /videos check alike: the page, the token, published, the schedule and the extras. */
export function common(state: FacebookState, req: SimRequest, token: FbToken, pageId: string, videoForm: boolean): Common | SimResponse {
  const refused = mayPublishTo(state, token, pageId);
  if (refused) return refused;
  const published = bool(param(req, 'published'));
  if (published === null) return errors.invalidParam('Param published must be a boolean');
  return publishOptions(state, req, published, videoForm);
}

/** The schedule and the extras (place, targeting, backdating) of a post published (or not) as `published` says. */
export function publishOptions(state: FacebookState, req: SimRequest, published: boolean | undefined, videoForm: boolean): Common | SimResponse {
  const photoForm = !videoForm;
  const now = state.now();
  const scheduledAt = readSchedule(req, published, now);
  if (typeof scheduledAt === 'object') return scheduledAt;
  const extras = readExtras(req, now, people(state), { published: published !== false, videoForm, photoForm });
  if ('status' in extras) return extras;
  return { published, scheduledAt, extras, now };
}

const hasExtras = (extras: FbPostExtras) => Object.keys(extras).length > 0;

export function postFor(state: FacebookState, text: string, c: Common, media: FbPost['media']): FbPost {
  return state.store.addApiPost(text, c.now, {
    ...(c.published === false ? { published: false } : {}),
    ...(c.scheduledAt !== undefined ? { scheduledAt: c.scheduledAt } : {}),
    media,
    ...(hasExtras(c.extras) ? { extras: c.extras } : {}),
  });
}

/** POST /{page-id}/photos */
export function uploadPhoto(state: FacebookState, req: SimRequest, token: FbToken, pageId: string): { response: SimResponse; created?: FbPost } {
  const c = common(state, req, token, pageId, false);
  if ('status' in c) return { response: c };
  const file = filePart(req, 'source');
  const url = param(req, 'url');
  if (!file && url === undefined) return { response: missingFile('Requires upload file') };
  if (file && url !== undefined) return { response: errors.invalidParam('Only one of source and url may be given') };
  if (url !== undefined && !isUrl(url)) return { response: errors.invalidParam('Param url must be a valid URL') };
  if (file && !imageType(file.data)) return { response: missingFile('Missing or invalid image file') };
  const caption = param(req, 'caption') ?? param(req, 'message') ?? '';
  if (typeof caption !== 'string') return { response: errors.invalidParam('Param caption must be a string') };
  const photoExtras = readPhotoExtras(req, c.now, c.published !== false, people(state));
  if ('status' in photoExtras) return { response: photoExtras };
  const id = String(124_000_000_000_000 + state.store.nextSerial());
  const photo: FbPhoto = {
    id,
    order: Number(id),
    createdAt: c.now,
    caption,
    src: photoSrc(id),
    ...dimensions(file?.data),
    published: c.published !== false,
    ...(hasExtras(c.extras) ? { extras: c.extras } : {}),
    ...photoExtras,
  };
  state.media.addPhoto(photo);
  // An unpublished photo without a time is in no post: it waits for /feed attached_media. A
  // no_story photo is on the page without a feed story.
  if ((c.published === false && c.scheduledAt === undefined) || photoExtras.noStory) {
    recordItem(state, req, 'media_upload', `/${pageId}/photos`, state.pageId, id, caption);
    return { response: json(200, { id }) };
  }
  const post = postFor(state, caption, c, { kind: 'photo', photos: [photo] });
  photo.postId = post.id;
  record(state, req, 'post_publish', `/${pageId}/photos`, post);
  return { response: json(200, { id, post_id: post.id }), created: post };
}

/** POST /{page-id}/videos: a whole file (`source`), a URL or a Resumable Upload API handle (the chunked form is video-phases.ts). */
export function uploadVideo(state: FacebookState, req: SimRequest, token: FbToken, pageId: string): { response: SimResponse; created?: FbPost } {
  const c = common(state, req, token, pageId, true);
  if ('status' in c) return { response: c };
  const file = filePart(req, 'source');
  const url = param(req, 'file_url');
  const handle = param(req, 'fbuploader_video_file_chunk');
  const given = [file !== undefined, url !== undefined, handle !== undefined].filter(Boolean).length;
  if (given === 0) return { response: errors.invalidParam('One of source, file_url or fbuploader_video_file_chunk must be given') };
  if (given > 1) return { response: errors.invalidParam('Only one of source, file_url and fbuploader_video_file_chunk may be given') };
  if (url !== undefined && !isUrl(url)) return { response: errors.invalidParam('Param file_url must be a valid URL') };
  let head = file?.data;
  if (handle !== undefined) {
    const uploaded = typeof handle === 'string' ? state.uploads.uploadedFile(handle) : undefined;
    if (!uploaded)
      return { response: errors.invalidParam('Param fbuploader_video_file_chunk must be the handle (h) of a finished Resumable Upload API upload') };
    head = uploaded.head;
  }
  if (head && !isVideo(head)) return { response: notVideo() };
  const made = createVideo(state, req, pageId, c, newVideoId(state));
  if ('status' in made) return { response: made };
  return { response: json(200, { id: made.video.id }), created: made.post };
}

/** Graph's answer to a file it cannot read as a video. */
export const notVideo = (): SimResponse =>
  graphError({ status: 400, message: 'There was a problem uploading your video file. Please try again.', code: 6000, subcode: 1363030 });

export const newVideoId = (state: FacebookState): string => String(125_000_000_000_000 + state.store.nextSerial());

/** The page's new video `id` (title, description from the request) and the post it is in. */
export function createVideo(state: FacebookState, req: SimRequest, pageId: string, c: Common, id: string): { video: FbVideo; post: FbPost } | SimResponse {
  const title = param(req, 'title');
  const description = param(req, 'description') ?? '';
  if ((title !== undefined && typeof title !== 'string') || typeof description !== 'string')
    return errors.invalidParam('Params title and description must be strings');
  const video: FbVideo = {
    id,
    order: Number(id),
    createdAt: c.now,
    ...(title ? { title } : {}),
    description,
    source: videoSource(id),
    thumbnail: videoThumbnail(id),
    length: 12.48,
    published: c.published !== false,
    ...(c.scheduledAt !== undefined ? { scheduledAt: c.scheduledAt } : {}),
    ...(hasExtras(c.extras) ? { extras: c.extras } : {}),
  };
  state.media.addVideo(video);
  // Every video is in a post (an unpublished one for published=false), named by the video's post_id.
  const post = postFor(state, description, c, { kind: 'video', video });
  video.postId = post.id;
  record(state, req, 'post_publish', `/${pageId}/videos`, post);
  return { video, post };
}

const PHOTO_TYPES = ['profile', 'tagged', 'uploaded'];

/** GET /{page-id}/photos and /{page-id}/videos: the page's media whose post is live (or, for photos, published on their own), newest first. */
export function getMediaEdge(state: FacebookState, call: ReadCall, pageId: string, edge: 'photos' | 'videos'): SimResponse {
  if (pageId !== state.pageId && pageId !== 'me') return errors.unsupportedGet(pageId);
  if (!call.token.scopes.includes('pages_read_engagement')) return errors.missingPermission('pages_read_engagement');
  const type = call.req.query.get('type') ?? (edge === 'photos' ? 'profile' : 'uploaded');
  const types = edge === 'photos' ? PHOTO_TYPES : ['uploaded', 'tagged'];
  if (!types.includes(type)) return errors.invalidParam(`Param type must be one of {${types.join(', ')}}`);
  const fields = parseFields(joinedParam(call.req.query, 'fields'));
  const now = state.now();
  const live = (postId: string | undefined) => {
    const post = postId ? state.store.post(postId) : undefined;
    return post !== undefined && isLive(post, now);
  };
  const page = state.store.page;
  if (edge === 'photos') {
    // The page has no profile picture or tagged photos in the sim: only its uploads (a no_story photo is on the page without a post).
    const list = type === 'uploaded' ? state.media.photoList.filter((p) => (p.postId ? live(p.postId) : p.published && p.noStory === true)) : [];
    return edgeResponse(call, `/${pageId}/photos`, list, true, (p) => renderPhoto(p, fields, page, p.createdAt));
  }
  const list = type === 'uploaded' ? state.media.videoList.filter((v) => live(v.postId)) : [];
  return edgeResponse(call, `/${pageId}/videos`, list, true, (v) => renderVideo(v, fields, page, true));
}

/** GET /{page-id}/scheduled_posts: unpublished posts with a scheduled_publish_time still ahead, newest first (page token). */
export function getScheduledPosts(state: FacebookState, call: ReadCall, pageId: string): SimResponse {
  if (pageId !== state.pageId && pageId !== 'me') return errors.unsupportedGet(pageId);
  if (call.token.kind !== 'page') return errors.pageTokenRequired();
  if (!call.token.scopes.includes('pages_read_engagement')) return errors.missingPermission('pages_read_engagement');
  const now = state.now();
  const list = state.store.unpublished > 0 ? state.store.posts.filter((p) => p.published === false && p.scheduledAt !== undefined && p.scheduledAt > now) : [];
  const fields = parseFields(joinedParam(call.req.query, 'fields'));
  const edges = nestedEdges(state);
  return edgeResponse(call, `/${pageId}/scheduled_posts`, list, true, (p) => renderPost(p, fields, state.store.page, edges));
}

/** GET /{photo-id}/tags: the people (and text) tagged in the photo, or undefined when the id is no photo. */
export function getPhotoTags(state: FacebookState, id: string): SimResponse | undefined {
  const photo = state.media.photo(id);
  return photo ? json(200, photoTags(photo)) : undefined;
}

/** GET /{photo-id} or /{video-id}, or undefined when the id names neither. */
export function getMediaNode(state: FacebookState, call: ReadCall, id: string): SimResponse | undefined {
  const fields = parseFields(joinedParam(call.req.query, 'fields'));
  const photo = state.media.photo(id);
  if (photo) return json(200, renderPhoto(photo, fields, state.store.page, photo.createdAt));
  const video = state.media.video(id);
  if (!video) return undefined;
  const post = video.postId ? state.store.post(video.postId) : undefined;
  return json(200, renderVideo(video, fields, state.store.page, post !== undefined && isLive(post, state.now())));
}
