import { randomBytes } from 'node:crypto';
import { obj } from '@resonance/contracts';
import { json, listParam, type SimRequest, type SimResponse } from '../../core/http';
import { parseMultipartRelated } from '../../core/multipart';
import { CAPTION_CONTENT_TYPE, detectFormat, parseCues, renderCues, TFMT } from './caption-format';
import { errors, google } from './errors';
import { parts } from './params';
import { etag, itemsJson } from './serialize';
import type { YoutubeState } from './state';
import type { YtCaption, YtVideo } from './store';
import { parseResource, takeChunk, wrongUrlForUpload } from './upload-routes';
import type { CaptionSession } from './upload-session';
import { WRITE_SCOPES, type YtToken } from './tokens';

/**
 * captions of the channel's videos, as Google documents them (quota: list 50, insert 400, update
 * 450, download 200, delete 50):
 *   GET    /youtube/v3/captions?part=snippet&videoId=…[&id=…]            captions.list
 *   POST   /upload/youtube/v3/captions?part=snippet&uploadType=multipart  captions.insert (the
 *          caption resource as JSON, then the caption file; what @googleapis/youtube sends)
 *   PUT    /youtube/v3/captions?part=snippet  {id, snippet: {isDraft}}    captions.update
 *   PUT    /upload/youtube/v3/captions?part=snippet&uploadType=multipart  captions.update with a new file
 * Both uploads also take uploadType=resumable: the resource first (200, the session URL in
 * Location), then the file PUT there whole or in chunks (Content-Range), as for videos.insert.
 *   GET    /youtube/v3/captions/{id}[?tfmt=sbv|scc|srt|ttml|vtt][&tlang=] captions.download
 *   DELETE /youtube/v3/captions?id=…                                     captions.delete → 204
 * `sync` (deprecated by YouTube in 2024) is accepted without effect. Recorded in /_sim/received as
 * caption_upload, caption_edit and caption_delete.
 */
const AUDIO_TRACK_TYPES = ['unknown', 'primary', 'commentary', 'descriptive'] as const;

const noContent = (): SimResponse => ({ status: 204, raw: { contentType: 'application/json', data: '' } });
const captionError = (code: number, reason: string, message: string, location?: string): SimResponse =>
  google(code, reason, message, {
    domain: 'youtube.caption',
    ...(location ? { location, locationType: location.startsWith('body') ? 'other' : 'parameter' } : {}),
  });
const captionNotFound = (location: string): SimResponse => captionError(404, 'captionNotFound', 'The caption track could not be found.', location);
const videoNotFound = (location: string): SimResponse =>
  captionError(404, 'videoNotFound', 'The video identified by the <code>videoId</code> parameter could not be found.', location);
const contentRequired = (): SimResponse => captionError(400, 'contentRequired', 'The request does not contain the caption track contents.', 'body');

const canWrite = (t: YtToken): boolean => t.scopes.some((s) => WRITE_SCOPES.includes(s));

function captionsOf(state: YoutubeState): YtCaption[] {
  return state.store.videos.flatMap((v) => v.captions ?? []);
}

export function captionJson(c: YtCaption, names: Set<string>): Record<string, unknown> {
  return {
    kind: 'youtube#caption',
    etag: etag('caption', c.id, c.lastUpdated, c.isDraft, c.name),
    id: c.id,
    ...(names.has('snippet')
      ? {
          snippet: {
            videoId: c.video.id,
            lastUpdated: new Date(c.lastUpdated).toISOString(),
            trackKind: 'standard',
            language: c.language,
            name: c.name,
            audioTrackType: c.audioTrackType,
            isCC: c.isCC,
            isLarge: false,
            isEasyReader: c.isEasyReader,
            isDraft: c.isDraft,
            isAutoSynced: false,
            status: 'serving',
          },
        }
      : {}),
  };
}

/** captions.list: the tracks of one video (videoId required), optionally only those of `id`. */
export function listCaptions(state: YoutubeState, req: SimRequest, token: YtToken): SimResponse {
  const p = parts(req, ['id', 'snippet']);
  if ('error' in p) return p.error;
  if (!canWrite(token)) return errors.insufficientScope();
  const videoId = req.query.get('videoId');
  if (!videoId) return errors.required('videoId');
  const video = state.store.video(videoId);
  if (!video) return videoNotFound('videoId');
  const ids = listParam(req.query, 'id');
  const list = (video.captions ?? []).filter((c) => ids === null || ids.includes(c.id));
  const items = list.map((c) => captionJson(c, p.ok));
  return json(200, itemsJson('youtube#captionListResponse', items));
}

type Upload = { resource: Record<string, unknown>; file: string } | { resumable: Record<string, unknown> } | { error: SimResponse };

/**
 * The caption resource and the file of an upload: multipart (both in one request) or the first
 * request of a resumable one (the resource; the file follows at the session URL).
 */
function readUpload(req: SimRequest): Upload {
  const type = req.query.get('uploadType');
  if (type === 'resumable') {
    const resource = req.rawBody.length === 0 ? {} : parseResource(req.rawBody);
    return resource ? { resumable: resource } : { error: errors.parseError() };
  }
  if (type !== 'multipart') return { error: type === null ? wrongUrlForUpload() : contentRequired() };
  const related = parseMultipartRelated(req.rawBody, req.headers['content-type']);
  if (!related) return { error: errors.parseError() };
  const [meta, media] = related;
  const resource = parseResource(meta?.data);
  if (!resource) return { error: errors.parseError() };
  if (!media || media.data.length === 0) return { error: contentRequired() };
  return { resource, file: media.data.toString('utf8') };
}

/** POST (insert) or PUT (update) with uploadType=resumable: 200 with the session URL in Location. */
function startSession(
  state: YoutubeState,
  req: SimRequest,
  token: YtToken,
  names: Set<string>,
  resource: Record<string, unknown>,
  mode: CaptionSession['mode'],
): SimResponse {
  const id = `AUj${randomBytes(24).toString('base64url')}`;
  const declared = req.headers['x-upload-content-length'];
  state.captionUploads.set(id, {
    id,
    mode,
    token,
    parts: names,
    resource,
    chunks: [],
    received: 0,
    total: typeof declared === 'string' && /^\d+$/.test(declared) ? Number(declared) : null,
  });
  const url = new URL(`${req.origin}${req.mount}/upload/youtube/v3/captions`);
  url.searchParams.set('uploadType', 'resumable');
  url.searchParams.set('upload_id', id);
  url.searchParams.set('part', [...names].join(','));
  return { status: 200, headers: { location: url.toString(), 'x-guploader-uploadid': id }, raw: { contentType: 'text/html; charset=UTF-8', data: '' } };
}

/** PUT to a caption session URL: the file whole or in chunks; when complete, the insert (201) or update (200) it began. */
export function resumeCaption(state: YoutubeState, req: SimRequest): SimResponse {
  const session = state.captionUploads.get(req.query.get('upload_id') ?? '');
  if (!session) return google(404, 'notFound', 'Not Found', { domain: 'global' });
  if (session.done) return session.done;
  const taken = takeChunk(session, req, (data) => session.chunks.push(data));
  if ('response' in taken) return taken.response;
  const file = Buffer.concat(session.chunks).toString('utf8');
  if (file.length === 0) return contentRequired();
  const token = session.token as YtToken;
  const answer =
    session.mode === 'insert'
      ? createCaption(state, req, token, session.parts, session.resource, file)
      : changeCaption(state, req, session.parts, session.resource, file);
  if (answer.status >= 400) return answer;
  session.done = { ...answer, status: session.mode === 'insert' ? 201 : 200 };
  return session.done;
}

function fileOf(text: string): Pick<YtCaption, 'file' | 'cues'> {
  const format = detectFormat(text);
  return { file: { data: text, format }, cues: parseCues(text, format) };
}

/** captions.insert at the upload origin: snippet.videoId, language and name are required; one track per language and name. */
export function insertCaption(state: YoutubeState, req: SimRequest, token: YtToken): SimResponse {
  const p = parts(req, ['id', 'snippet']);
  if ('error' in p) return p.error;
  if (!canWrite(token)) return errors.insufficientScope();
  const upload = readUpload(req);
  if ('error' in upload) return upload.error;
  if ('resumable' in upload) {
    // The metadata is checked before any file comes (and again when it is complete).
    const meta = readInsert(state, token, upload.resumable);
    return 'error' in meta ? meta.error : startSession(state, req, token, p.ok, upload.resumable, 'insert');
  }
  return createCaption(state, req, token, p.ok, upload.resource, upload.file);
}

/** The caption resource of an insert: snippet.videoId (one of the channel's), language, name, audioTrackType. */
function readInsert(
  state: YoutubeState,
  token: YtToken,
  resource: Record<string, unknown>,
): { error: SimResponse } | { video: YtVideo; language: string; name: string; audio: YtCaption['audioTrackType']; snippet: Record<string, unknown> } {
  const snippet = obj(resource.snippet);
  const { videoId, language, name } = snippet;
  if (typeof videoId !== 'string' || !videoId)
    return {
      error: google(400, 'required', 'Required parameter: snippet.videoId', { domain: 'global', location: 'body.snippet.videoId', locationType: 'other' }),
    };
  if (typeof language !== 'string' || !/^[a-zA-Z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language))
    return { error: captionError(400, 'invalidMetadata', 'The request contains invalid metadata values: snippet.language.', 'body.snippet.language') };
  if (name !== undefined && typeof name !== 'string')
    return { error: captionError(400, 'invalidMetadata', 'The request contains invalid metadata values: snippet.name.', 'body.snippet.name') };
  const audio = AUDIO_TRACK_TYPES.find((t) => t === (snippet.audioTrackType ?? 'unknown'));
  if (!audio)
    return {
      error: captionError(400, 'invalidMetadata', 'The request contains invalid metadata values: snippet.audioTrackType.', 'body.snippet.audioTrackType'),
    };
  const video = state.store.video(videoId);
  if (!video) return { error: videoNotFound('body.snippet.videoId') };
  if (token.channelId !== state.store.channel.channelId)
    return { error: captionError(403, 'forbidden', 'The permissions associated with the request are not sufficient to upload the caption track.') };
  const trackName = typeof name === 'string' ? name : '';
  if ((video.captions ?? []).some((c) => c.language === language && c.name === trackName))
    return { error: captionError(409, 'captionExists', 'The specified video already has a caption track with the given snippet.language and snippet.name.') };
  return { video, language, name: trackName, audio, snippet };
}

/** captions.insert once the file is here (multipart, or a completed resumable session). */
function createCaption(state: YoutubeState, req: SimRequest, token: YtToken, names: Set<string>, resource: Record<string, unknown>, file: string): SimResponse {
  const meta = readInsert(state, token, resource);
  if ('error' in meta) return meta.error;
  const { video, language, audio, snippet } = meta;
  const trackName = meta.name;
  const caption: YtCaption = {
    id: `AUieDa${state.store.apiId('caption', 38)}`,
    video,
    language,
    name: trackName,
    isDraft: snippet.isDraft === true,
    audioTrackType: audio,
    isCC: snippet.isCC === true,
    isEasyReader: snippet.isEasyReader === true,
    lastUpdated: state.now(),
    ...fileOf(file),
  };
  video.captions = [...(video.captions ?? []), caption];
  record(state, req, 'caption_upload', caption, { snippet, format: caption.file.format, bytes: Buffer.byteLength(file) });
  return json(200, captionJson(caption, names));
}

/** captions.update: isDraft (the only writable property) and, at the upload origin, a new file. */
export function updateCaption(state: YoutubeState, req: SimRequest, token: YtToken, upload: boolean): SimResponse {
  const p = parts(req, ['id', 'snippet']);
  if ('error' in p) return p.error;
  if (!canWrite(token)) return errors.insufficientScope();
  if (!upload) return req.badBody ? errors.parseError() : changeCaption(state, req, p.ok, req.body, undefined);
  const read = readUpload(req);
  if ('error' in read) return read.error;
  if ('resumable' in read) {
    const found = findCaption(state, read.resumable);
    return 'error' in found ? found.error : startSession(state, req, token, p.ok, read.resumable, 'update');
  }
  return changeCaption(state, req, p.ok, read.resource, read.file);
}

function findCaption(state: YoutubeState, resource: Record<string, unknown>): { ok: YtCaption } | { error: SimResponse } {
  const id = resource.id;
  if (typeof id !== 'string' || !id)
    return { error: google(400, 'required', 'Required parameter: id', { domain: 'global', location: 'body.id', locationType: 'other' }) };
  const caption = captionsOf(state).find((c) => c.id === id);
  return caption ? { ok: caption } : { error: captionNotFound('body.id') };
}

/** The update itself: snippet.isDraft when the snippet part is named, the cues when a file came. */
function changeCaption(state: YoutubeState, req: SimRequest, names: Set<string>, resource: Record<string, unknown>, file: string | undefined): SimResponse {
  const found = findCaption(state, resource);
  if ('error' in found) return found.error;
  const caption = found.ok;
  const snippet = obj(resource.snippet);
  if (names.has('snippet') && snippet.isDraft !== undefined) {
    if (typeof snippet.isDraft !== 'boolean')
      return captionError(400, 'invalidMetadata', 'The request contains invalid metadata values: snippet.isDraft.', 'body.snippet.isDraft');
    caption.isDraft = snippet.isDraft;
  }
  if (file !== undefined) Object.assign(caption, fileOf(file));
  caption.lastUpdated = state.now();
  record(state, req, 'caption_edit', caption, { id: caption.id, snippet, ...(file !== undefined ? { bytes: Buffer.byteLength(file) } : {}) });
  return json(200, captionJson(caption, names));
}

/** captions.download: the file as uploaded, or its cues in tfmt (sbv, scc, srt, ttml, vtt); tlang is accepted but the sim does not translate. */
export function downloadCaption(state: YoutubeState, req: SimRequest, token: YtToken, id: string): SimResponse {
  if (!canWrite(token)) return errors.insufficientScope();
  const caption = captionsOf(state).find((c) => c.id === id);
  if (!caption) return captionNotFound('id');
  const tfmt = req.query.get('tfmt');
  if (tfmt !== null && !(TFMT as readonly string[]).includes(tfmt))
    return errors.invalidParam('tfmt', `Invalid value '${tfmt}'. Values must be one of: ${TFMT.join(', ')}`);
  const tlang = req.query.get('tlang');
  if (tlang !== null && !/^[a-zA-Z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tlang)) return errors.invalidParam('tlang', `Invalid value '${tlang}'.`);
  if (tfmt === null) return { status: 200, raw: { contentType: CAPTION_CONTENT_TYPE[caption.file.format], data: caption.file.data } };
  const format = tfmt as (typeof TFMT)[number];
  return { status: 200, raw: { contentType: CAPTION_CONTENT_TYPE[format], data: renderCues(caption.cues, format, caption.language) } };
}

/** captions.delete (?id=): 204, the track is gone. */
export function deleteCaption(state: YoutubeState, req: SimRequest, token: YtToken): SimResponse {
  if (!canWrite(token)) return errors.insufficientScope();
  const id = req.query.get('id');
  if (!id) return errors.required('id');
  const caption = captionsOf(state).find((c) => c.id === id);
  if (!caption) return captionNotFound('id');
  caption.video.captions = (caption.video.captions ?? []).filter((c) => c !== caption);
  record(state, req, 'caption_delete', caption, Object.fromEntries(req.query));
  return noContent();
}

function record(
  state: YoutubeState,
  req: SimRequest,
  kind: 'caption_upload' | 'caption_edit' | 'caption_delete',
  c: YtCaption,
  body: Record<string, unknown>,
): void {
  state.record(req, kind, req.path, c.video.id, c.id, c.name || c.language, body);
}
