import { joinedParam, json, type SimRequest, type SimResponse } from '../../core/http';
import { errors } from './errors';
import { parseFields } from './fields';
import { videoSource, videoThumbnail, renderVideo } from './media';
import { newVideoId, notVideo, postFor, publishOptions } from './media-routes';
import { param } from './post-extras';
import type { FbVideo, FbVideoFlow } from './post-types';
import { mayPublishTo, record, recordItem } from './post-routes';
import { edgeResponse, type ReadCall } from './read-routes';
import type { FacebookState } from './state';
import { isLive, type FbPost } from './store';
import { addStory } from './stories';
import type { FbToken } from './tokens';
import { isVideo } from './upload';
import { extendHead } from './upload-sessions';

/**
 * Reels (Reels Publishing API) and video stories (Facebook Stories API), a page token with
 * pages_manage_posts. Both upload through rupload, Meta's upload host:
 *   POST /{page}/video_reels|video_stories  upload_phase=start → {video_id, upload_url}
 *   POST {upload_url} = /video-upload/{version}/{video-id}  headers `Authorization: OAuth {token}`,
 *        `offset`, `file_size`, the bytes as the body; or a `file_url` header (a hosted file)
 *        → {success: true}. rupload.facebook.com is served at the sim's Facebook origin, same path.
 *   GET  /{video-id}?fields=status  → the upload, processing and publishing phases (video-status.ts)
 *   POST /{page}/video_reels  upload_phase=finish, video_id, video_state PUBLISHED | DRAFT |
 *        SCHEDULED (with scheduled_publish_time), description, title, place, targeting
 *        → {success: true}
 *   POST /{page}/video_stories  upload_phase=finish, video_id → {success: true, post_id}
 *   GET  /{page}/video_reels  the page's published reels (Video nodes), newest first
 * A published reel is a video post of the page: in its feed and /videos, announced by a feed
 * webhook (item video), as a /videos upload is; a scheduled one when its time comes; a draft is in
 * no post. A video story is a story (stories.ts), in no feed.
 */

interface Result {
  response: SimResponse;
  created?: FbPost;
}
type FlowKind = FbVideoFlow['kind'];

const STATES = ['PUBLISHED', 'DRAFT', 'SCHEDULED'] as const;
type VideoState = (typeof STATES)[number];

/** POST /{page-id}/video_reels (kind reel) or /video_stories (kind story). */
export function videoFlow(state: FacebookState, call: ReadCall, pageId: string, kind: FlowKind): Result {
  const { req, token } = call;
  const refused = mayPublishTo(state, token, pageId);
  if (refused) return { response: refused };
  const phase = param(req, 'upload_phase');
  if (phase === 'start') return { response: startFlow(state, call, kind) };
  if (phase !== 'finish') return { response: errors.invalidParam('Param upload_phase must be one of {start, finish}') };
  const id = param(req, 'video_id');
  const video = typeof id === 'string' || typeof id === 'number' ? state.media.video(String(id)) : undefined;
  const flow = video?.flow;
  if (!video || flow?.kind !== kind || flow.state !== undefined)
    return {
      response: errors.invalidParam(`Param video_id must name a video this edge started (upload_phase=start) and did not finish: ${JSON.stringify(id)}`),
    };
  const complete = flow.fileUrl !== undefined || (flow.size !== undefined && flow.received >= flow.size);
  if (!complete) return { response: errors.invalidParam(`The video is not uploaded yet: ${flow.received} bytes arrived at its upload_url`) };
  if (flow.fileUrl === undefined && !isVideo(flow.head)) return { response: notVideo() };
  return kind === 'reel' ? finishReel(state, req, pageId, video, flow) : finishStory(state, req, pageId, video, flow);
}

function startFlow(state: FacebookState, call: ReadCall, kind: FlowKind): SimResponse {
  const id = newVideoId(state);
  const video: FbVideo = {
    id,
    order: Number(id),
    createdAt: state.now(),
    description: '',
    source: videoSource(id),
    thumbnail: videoThumbnail(id),
    length: 12.48,
    published: false,
    flow: { kind, received: 0, head: Buffer.alloc(0) },
  };
  state.media.addVideo(video);
  // rupload.facebook.com/video-upload/{version}/{id} on Meta; the sim's Facebook origin serves the same path.
  return json(200, { video_id: id, upload_url: `${call.req.origin}${call.req.mount}/video-upload/${call.version}/${id}` });
}

function finishReel(state: FacebookState, req: SimRequest, pageId: string, video: FbVideo, flow: FbVideoFlow): Result {
  const raw = param(req, 'video_state') ?? 'PUBLISHED';
  const videoState: VideoState | undefined = typeof raw === 'string' ? STATES.find((s) => s === raw.toUpperCase()) : undefined;
  if (!videoState) return { response: errors.invalidParam(`Param video_state must be one of {${STATES.join(', ')}}`) };
  const c = publishOptions(state, req, videoState === 'PUBLISHED' ? undefined : false, true);
  if ('status' in c) return { response: c };
  if (videoState === 'SCHEDULED' && c.scheduledAt === undefined) return { response: errors.invalidParam('A SCHEDULED reel needs scheduled_publish_time') };
  if (videoState === 'DRAFT' && c.scheduledAt !== undefined) return { response: errors.invalidParam('Only a SCHEDULED reel takes scheduled_publish_time') };
  const title = param(req, 'title');
  const description = param(req, 'description') ?? '';
  if ((title !== undefined && typeof title !== 'string') || typeof description !== 'string')
    return { response: errors.invalidParam('Params title and description must be strings') };
  Object.assign(video, { description, ...(title ? { title } : {}), published: videoState === 'PUBLISHED' });
  if (c.scheduledAt !== undefined) video.scheduledAt = c.scheduledAt;
  flow.state = videoState;
  flow.finishedAt = c.now;
  if (videoState === 'DRAFT') {
    recordItem(state, req, 'post_publish', `/${pageId}/video_reels`, state.pageId, video.id, description);
    return { response: json(200, { success: true }) };
  }
  const post = postFor(state, description, c, { kind: 'video', video });
  video.postId = post.id;
  record(state, req, 'post_publish', `/${pageId}/video_reels`, post);
  return { response: json(200, { success: true }), created: post };
}

function finishStory(state: FacebookState, req: SimRequest, pageId: string, video: FbVideo, flow: FbVideoFlow): Result {
  flow.state = 'PUBLISHED';
  flow.finishedAt = state.now();
  const story = addStory(state, 'video', video.id);
  recordItem(state, req, 'post_publish', `/${pageId}/video_stories`, state.pageId, story.postId, '');
  return { response: json(200, { success: true, post_id: story.postId }) };
}

/** GET /{page-id}/video_reels */
export function getReels(state: FacebookState, call: ReadCall, pageId: string): SimResponse {
  if (pageId !== state.pageId && pageId !== 'me') return errors.unsupportedGet(pageId);
  if (!call.token.scopes.includes('pages_read_engagement')) return errors.missingPermission('pages_read_engagement');
  const fields = parseFields(joinedParam(call.req.query, 'fields'));
  const now = state.now();
  const live = (v: FbVideo) => {
    const post = v.postId ? state.store.post(v.postId) : undefined;
    return post !== undefined && isLive(post, now);
  };
  const list = state.media.videoList.filter((v) => v.flow?.kind === 'reel' && live(v));
  return edgeResponse(call, `/${pageId}/video_reels`, list, true, (v) => renderVideo(v, fields, state.store.page, true));
}

/** rupload's error body: {debug_info: {retriable, type, message}}. */
const ruploadError = (status: number, type: string, message: string): SimResponse => json(status, { debug_info: { retriable: false, type, message } });

function headerInt(req: SimRequest, name: string): number | null | undefined {
  const raw = req.headers[name];
  if (raw === undefined) return undefined;
  const text = Array.isArray(raw) ? raw[0] : raw;
  return /^\d+$/.test(text.trim()) && Number.isSafeInteger(Number(text)) ? Number(text) : null;
}

/** POST /video-upload/{version}/{video-id}: a reel's or video story's bytes (or the address of a hosted file). */
export function rupload(state: FacebookState, req: SimRequest, token: FbToken, videoId: string): SimResponse {
  if (req.method !== 'POST') return ruploadError(405, 'MethodNotAllowedError', 'Only POST uploads to this URL');
  if (mayPublishTo(state, token, state.pageId))
    return ruploadError(401, 'NotAuthorizedError', 'The token in the Authorization header may not publish to this page');
  const flow = state.media.video(videoId)?.flow;
  if (!flow || flow.state !== undefined)
    return ruploadError(400, 'ProcessingFailedError', `No upload session for video ${videoId}: start one with upload_phase=start`);
  const fileUrl = req.headers.file_url;
  if (typeof fileUrl === 'string') {
    if (!/^https?:\/\/\S+$/.test(fileUrl)) return ruploadError(400, 'ProcessingFailedError', 'The file_url header must be an http(s) URL');
    flow.fileUrl = fileUrl;
    return json(200, { success: true });
  }
  const offset = headerInt(req, 'offset');
  const size = headerInt(req, 'file_size');
  if (offset === undefined || offset === null || !size)
    return ruploadError(400, 'ProcessingFailedError', 'The offset and file_size headers are required (or file_url)');
  if (flow.size !== undefined && size !== flow.size)
    return ruploadError(400, 'ProcessingFailedError', `file_size ${size} differs from the ${flow.size} declared before`);
  if (offset !== flow.received)
    return ruploadError(400, 'ProcessingFailedError', `offset ${offset} does not match the ${flow.received} bytes received: resume from there`);
  const bytes = req.rawBody.subarray(0, size - offset);
  flow.size = size;
  flow.head = extendHead(flow.head, flow.received, bytes);
  flow.received += bytes.length;
  return json(200, { success: true });
}
