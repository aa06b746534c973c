import { randomBytes } from 'node:crypto';
import { json, type SimRequest, type SimResponse } from '../../core/http';
import { parseMultipartRelated } from '../../core/multipart';
import { errors, google } from './errors';
import { parts } from './params';
import { VIDEO_PARTS } from './read-routes';
import { videoJson } from './serialize';
import type { YoutubeState } from './state';
import { UPLOAD_SCOPES, type YtToken } from './tokens';
import type { YtVideo } from './store';
import type { UploadSession } from './upload-session';
import { readVideoFields, type VideoFields } from './video-metadata';

/**
 * videos.insert at the upload origin (www.googleapis.com/upload/youtube/v3/videos), in the three
 * forms of Google's upload protocol:
 *   uploadType=multipart  multipart/related: the video resource (JSON), then the media part
 *                         (what @googleapis/youtube sends when given requestBody and media)
 *   uploadType=media      the bytes only; the video gets the default metadata
 *   uploadType=resumable  POST the resource (X-Upload-Content-Type/-Length) → 200 with the session
 *                         URL in Location; PUT the bytes there, whole or in chunks with
 *                         Content-Range (308 Resume Incomplete with Range until the last one, then
 *                         201 with the video); `Content-Range: bytes *\/N` asks how far it got.
 * The session URL authorizes the PUTs (no token needed, as with Google). The sim reads at most 5 MB
 * per request, so larger files go in resumable chunks. The call costs 1 from the videos.insert
 * bucket (charged by the module); the session's PUTs cost nothing more.
 */

const MEDIA_TYPE = /^(video\/[\w.+-]+|application\/octet-stream)$/i;

const badContent = (type: string): SimResponse =>
  google(400, 'badContent', `Media type '${type}' is not supported. Valid media types: [video/*, application/octet-stream]`, { domain: 'global' });
export const mediaBodyRequired = (): SimResponse =>
  google(400, 'mediaBodyRequired', 'The request does not include the video content.', { domain: 'youtube.video', location: 'body', locationType: 'other' });
export const wrongUrlForUpload = (): SimResponse =>
  google(400, 'wrongUrlForUpload', 'Upload requests must include an uploadType URL parameter and a URL path beginning with /upload/', { domain: 'global' });

/** New video fields with the defaults: public, People & Blogs, titled after the file (Slug header) or "unknown". */
function defaults(fileName: string): VideoFields {
  const title = fileName.replace(/\.[^.]+$/, '').slice(0, 100) || 'unknown';
  return {
    title,
    description: '',
    meta: {
      categoryId: '22',
      tags: [],
      privacyStatus: 'public',
      embeddable: true,
      license: 'youtube',
      publicStatsViewable: true,
      selfDeclaredMadeForKids: false,
    },
  };
}

const mediaType = (header: string | undefined): string => (header ?? 'application/octet-stream').split(';')[0].trim();

interface Created {
  response: SimResponse;
  created?: YtVideo;
}

/** POST /upload/youtube/v3/videos: the three upload types. */
export function insertVideo(state: YoutubeState, req: SimRequest, token: YtToken): Created {
  const p = parts(req, VIDEO_PARTS);
  if ('error' in p) return { response: p.error };
  if (!token.scopes.some((s) => UPLOAD_SCOPES.includes(s))) return { response: errors.insufficientScope() };
  const limited = state.uploadOutcomes.limitReached(state.now());
  if (limited) return { response: limited };
  const fileName = typeof req.headers.slug === 'string' ? decodeURIComponent(req.headers.slug) : '';
  const uploadType = req.query.get('uploadType');
  if (uploadType === 'media') {
    const type = mediaType(req.headers['content-type']);
    if (!MEDIA_TYPE.test(type)) return { response: badContent(type) };
    if (req.rawBody.length === 0) return { response: mediaBodyRequired() };
    return finish(state, req, { fields: defaults(fileName), parts: p.ok, mimeType: type, fileName, size: req.rawBody.length, uploadType });
  }
  if (uploadType === 'multipart') {
    const related = parseMultipartRelated(req.rawBody, req.headers['content-type']);
    if (!related) return { response: errors.parseError() };
    const [meta, media] = related;
    if (!media || media.data.length === 0) return { response: mediaBodyRequired() };
    const type = mediaType(media.contentType);
    if (!MEDIA_TYPE.test(type)) return { response: badContent(type) };
    const resource = parseResource(meta?.data);
    if (!resource) return { response: errors.parseError() };
    const fields = readVideoFields(resource, p.ok, defaults(fileName), 'insert', state.now());
    if ('error' in fields) return { response: fields.error };
    return finish(state, req, { fields: fields.ok, parts: p.ok, mimeType: type, fileName, size: media.data.length, uploadType, resource });
  }
  if (uploadType === 'resumable') {
    const resource = req.rawBody.length === 0 ? {} : parseResource(req.rawBody);
    if (!resource) return { response: errors.parseError() };
    const fields = readVideoFields(resource, p.ok, defaults(fileName), 'insert', state.now());
    if ('error' in fields) return { response: fields.error };
    const type = mediaType(header(req, 'x-upload-content-type'));
    if (!MEDIA_TYPE.test(type)) return { response: badContent(type) };
    const declared = header(req, 'x-upload-content-length');
    const session: UploadSession = {
      id: `AUj${randomBytes(24).toString('base64url')}`,
      clientId: token.clientId,
      channelId: token.channelId,
      parts: p.ok,
      fields: fields.ok,
      mimeType: type,
      fileName,
      total: declared !== undefined && /^\d+$/.test(declared) ? Number(declared) : null,
      received: 0,
    };
    state.uploads.set(session.id, session);
    const url = new URL(`${req.origin}${req.mount}/upload/youtube/v3/videos`);
    url.searchParams.set('uploadType', 'resumable');
    url.searchParams.set('upload_id', session.id);
    url.searchParams.set('part', [...p.ok].join(','));
    return {
      response: {
        status: 200,
        headers: { location: url.toString(), 'x-guploader-uploadid': session.id },
        raw: { contentType: 'text/html; charset=UTF-8', data: '' },
      },
    };
  }
  return { response: wrongUrlForUpload() };
}

/**
 * PUT /upload/youtube/v3/videos?upload_id=…: the bytes of a resumable session, whole or a chunk
 * (Content-Range: bytes first-last/total), or a status query (Content-Range: bytes *\/total).
 */
export function resumeUpload(state: YoutubeState, req: SimRequest): Created {
  const session = state.uploads.get(req.query.get('upload_id') ?? '');
  if (!session) return { response: google(404, 'notFound', 'Not Found', { domain: 'global' }) };
  if (session.video) return { response: json(200, videoJson(session.video, state.store.channel.channelId, state.channelTitle, session.parts)) };
  const taken = takeChunk(session, req);
  if ('response' in taken) return { response: taken.response };
  return complete(state, req, session);
}

/** Where a resumable session stands: bytes received so far and the total once known. */
export interface ResumableProgress {
  received: number;
  total: number | null;
}

/**
 * One PUT of a resumable session (Google's protocol): the whole file, a chunk with
 * `Content-Range: bytes a-b/total`, or a status query (`bytes *\/total`). `done` when every byte
 * has arrived; otherwise the answer to give (308 with the Range received, or 400). `keep` gets each
 * chunk taken, for sessions that keep the bytes.
 */
export function takeChunk(session: ResumableProgress, req: SimRequest, keep?: (data: Buffer) => void): { done: true } | { response: SimResponse } {
  const range = header(req, 'content-range');
  const incomplete = (): { response: SimResponse } => ({
    response: {
      status: 308,
      headers: session.received > 0 ? { range: `bytes=0-${session.received - 1}` } : {},
      raw: { contentType: 'text/html; charset=UTF-8', data: '' },
    },
  });
  if (range === undefined) {
    // The whole file in one request.
    session.received = req.rawBody.length;
    session.total ??= session.received;
    keep?.(req.rawBody);
  } else {
    const query = /^bytes \*\/(\d+|\*)$/.exec(range);
    if (query) {
      if (query[1] !== '*') session.total = Number(query[1]);
      return session.total !== null && session.received >= session.total && session.total > 0 ? { done: true } : incomplete();
    }
    const chunk = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(range);
    if (!chunk) return { response: google(400, 'badRequest', 'Failed to parse Content-Range header.', { domain: 'global' }) };
    const [first, last] = [Number(chunk[1]), Number(chunk[2])];
    if (chunk[3] !== '*') session.total = Number(chunk[3]);
    if (last < first || req.rawBody.length !== last - first + 1)
      return { response: google(400, 'badRequest', 'Failed to parse Content-Range header.', { domain: 'global' }) };
    // A chunk that does not continue where the session stands is not taken: the 308 says where to resume.
    if (first !== session.received) return incomplete();
    session.received = last + 1;
    keep?.(req.rawBody);
  }
  if (session.total === null || session.received < session.total) return incomplete();
  if (session.received > session.total) return { response: google(400, 'badContent', 'The uploaded content is larger than announced.', { domain: 'global' }) };
  return { done: true };
}

function complete(state: YoutubeState, req: SimRequest, session: UploadSession): Created {
  if (session.received === 0) return { response: mediaBodyRequired() };
  const done = finish(state, req, {
    fields: session.fields,
    parts: session.parts,
    mimeType: session.mimeType,
    fileName: session.fileName,
    size: session.received,
    uploadType: 'resumable',
  });
  session.video = done.created;
  // The resumable protocol answers the finished upload with 201 Created.
  return { ...done, response: { ...done.response, status: done.created ? 201 : done.response.status } };
}

function finish(
  state: YoutubeState,
  req: SimRequest,
  u: { fields: VideoFields; parts: Set<string>; mimeType: string; fileName: string; size: number; uploadType: string; resource?: Record<string, unknown> },
): Created {
  const now = state.now();
  const video = state.store.addApiVideo({
    title: u.fields.title,
    description: u.fields.description,
    at: now,
    meta: u.fields.meta,
    file: { name: u.fileName || `${u.fields.title}.mp4`, size: u.size, mimeType: u.mimeType },
  });
  state.uploadOutcomes.uploaded(video, now);
  state.ctx.world.addReceived({
    network: 'youtube',
    at: new Date(now).toISOString(),
    kind: 'post_publish',
    method: req.method,
    path: '/upload/youtube/v3/videos',
    targetId: state.store.channel.channelId,
    externalId: video.id,
    text: video.title,
    body: { uploadType: u.uploadType, mimeType: u.mimeType, bytes: u.size, ...(u.resource ? { resource: u.resource } : {}) },
  });
  return { response: json(200, videoJson(video, state.store.channel.channelId, state.channelTitle, u.parts, true)), created: video };
}

export function parseResource(data: Buffer | undefined): Record<string, unknown> | null {
  if (!data || data.length === 0) return {};
  try {
    const parsed: unknown = JSON.parse(data.toString('utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function header(req: SimRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
