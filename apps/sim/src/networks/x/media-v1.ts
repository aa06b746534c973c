import { json, type SimResponse } from '../../core/http';
import { parseMultipart, type FormPart } from '../../core/multipart';
import { additionalOwners, category as categoryOf, checkType, defaultCategory, EXPIRES_S, pngSize, record, type MediaCall, type XMedia } from './media';

/**
 * The v1.1 media upload (upload.twitter.com/1.1/…, docs: "POST media/upload (INIT/APPEND/
 * FINALIZE)", "GET media/upload (STATUS)", "POST media/upload" simple, metadata and subtitles),
 * as twitter-api-v2's v1.uploadMedia drives it; clients reach it at the X origin through their
 * host override. Parameters come as form fields (urlencoded or multipart) or in the query:
 *   POST /1.1/media/upload.json command=INIT  total_bytes, media_type, media_category, additional_owners
 *        → {media_id, media_id_string, media_key, expires_after_secs}
 *   POST … command=APPEND media_id, segment_index, media (bytes) or media_data (base64) → 204
 *   POST … command=FINALIZE media_id → {media_id, media_id_string, media_key, size,
 *        expires_after_secs, image{image_type,w,h} | video{video_type}[, processing_info]}
 *   GET  … command=STATUS media_id → the same with processing_info succeeded
 *   POST … (no command) media or media_data: one image in one request (the simple upload takes images only)
 *   POST /1.1/media/metadata/create.json {media_id, alt_text: {text}} → 200, no body
 *   POST /1.1/media/subtitles/create.json {media_id, media_category, subtitle_info: {subtitles:
 *        [{media_id, language_code, display_name}]}} → 200; …/subtitles/delete.json removes by language
 * Errors in v1.1's shape ({errors: [{code, message}]}): 38 a parameter missing, 324 a media id
 * that does not validate. The same media store as v2: an id from either works for tweets and DMs.
 */
const v1Error = (status: number, code: number, message: string): SimResponse => json(status, { errors: [{ code, message }] });
const missing = (name: string) => v1Error(400, 38, `${name} parameter is missing.`);
const invalidId = () => v1Error(400, 324, 'The validation of media ids failed.');

/** The request's parameters: query, urlencoded or JSON body, and multipart fields (files kept as parts). */
function params(call: MediaCall): { get: (name: string) => string | undefined; file: (name: string) => FormPart | undefined } {
  const { req } = call;
  const parts = (req.headers['content-type'] ?? '').includes('multipart/form-data') ? (parseMultipart(req.rawBody, req.headers['content-type']) ?? []) : [];
  return {
    get: (name) => {
      const part = parts.find((p) => p.name === name);
      if (part) return part.data.toString('utf8');
      const body = req.body[name];
      if (typeof body === 'string' || typeof body === 'number') return String(body);
      return req.query.get(name) ?? undefined;
    },
    file: (name) => parts.find((p) => p.name === name),
  };
}

/** The bytes of a media part, or of media_data (base64). */
function bytesOf(p: ReturnType<typeof params>): Buffer | undefined {
  const file = p.file('media');
  if (file) return file.data;
  const data = p.get('media_data');
  return data === undefined ? undefined : Buffer.from(data, 'base64');
}

function mediaBody(m: XMedia, now: number): Record<string, unknown> {
  const left = Math.max(0, EXPIRES_S - Math.floor((now - m.createdAt) / 1000));
  const out: Record<string, unknown> = { media_id: Number(m.id), media_id_string: m.id, media_key: m.mediaKey, size: m.totalBytes, expires_after_secs: left };
  if (m.type === 'photo') out.image = { image_type: m.mimeType, ...(m.width !== undefined ? { w: m.width, h: m.height } : {}) };
  if (m.type === 'video' || m.type === 'animated_gif') out.video = { video_type: m.mimeType };
  return out;
}

function owned(call: MediaCall, id: string | undefined): XMedia | undefined {
  const m = id ? call.media.get(id) : undefined;
  return m?.ownerId === call.userId ? m : undefined;
}

function init(call: MediaCall, p: ReturnType<typeof params>): SimResponse {
  const mimeType = p.get('media_type');
  const rawCategory = p.get('media_category');
  const cat = rawCategory === undefined ? undefined : (categoryOf(rawCategory) ?? rawCategory);
  const total = p.get('total_bytes');
  if (total === undefined) return missing('total_bytes');
  if (mimeType === undefined) return missing('media_type');
  const refused = checkType(mimeType, cat, Number(total));
  if (refused) return refused;
  const owners = additionalOwners(p.get('additional_owners'));
  if (!Array.isArray(owners)) return owners;
  const m = call.media.create(call.userId, mimeType, cat ?? defaultCategory(mimeType), Number(total), call.now, owners);
  return json(200, { media_id: Number(m.id), media_id_string: m.id, expires_after_secs: EXPIRES_S, media_key: m.mediaKey });
}

function append(call: MediaCall, p: ReturnType<typeof params>): SimResponse {
  const m = owned(call, p.get('media_id'));
  if (!m) return p.get('media_id') === undefined ? missing('media_id') : invalidId();
  if (m.finalized) return v1Error(400, 324, 'The media upload has already been finalized.');
  const bytes = bytesOf(p);
  if (!bytes) return missing('media');
  const index = Number(p.get('segment_index'));
  if (!(Number.isInteger(index) && index >= 0 && index <= 999)) return missing('segment_index');
  m.segments.set(index, bytes.length);
  if (index === 0) m.head = bytes.subarray(0, 32);
  return { status: 204, raw: { contentType: 'text/plain', data: '' } };
}

function finalize(call: MediaCall, m: XMedia, path: string): SimResponse {
  if (!m.finalized) {
    const received = [...m.segments.values()].reduce((a, b) => a + b, 0);
    if (received !== m.totalBytes) return v1Error(400, 324, 'Segments do not add up to provided total file size.');
    m.finalized = true;
    Object.assign(m, pngSize(m.head));
    record(call, m, path);
  }
  const body = mediaBody(m, call.now);
  if (!m.processed) body.processing_info = { state: 'pending', check_after_secs: 1 };
  return json(200, body);
}

function simple(call: MediaCall, p: ReturnType<typeof params>): SimResponse {
  const bytes = bytesOf(p);
  if (!bytes) return missing('media');
  const mimeType = p.get('media_type') ?? p.file('media')?.contentType ?? 'image/jpeg';
  const rawCategory = p.get('media_category');
  const cat = rawCategory === undefined ? undefined : (categoryOf(rawCategory) ?? rawCategory);
  const refused = checkType(mimeType, cat, bytes.length);
  if (refused) return refused;
  if (!mimeType.startsWith('image/') || mimeType === 'image/gif')
    return v1Error(400, 324, 'The simple upload takes images only; upload videos and GIFs in chunks (INIT/APPEND/FINALIZE).');
  const owners = additionalOwners(p.get('additional_owners'));
  if (!Array.isArray(owners)) return owners;
  const m = call.media.create(call.userId, mimeType, cat ?? defaultCategory(mimeType), bytes.length, call.now, owners);
  m.segments.set(0, bytes.length);
  m.head = bytes.subarray(0, 32);
  return finalize(call, m, '/1.1/media/upload.json');
}

function upload(call: MediaCall): SimResponse {
  const p = params(call);
  const command = p.get('command');
  if (call.req.method === 'GET') {
    if (command !== 'STATUS') return missing('command');
    const m = owned(call, p.get('media_id'));
    if (!m?.finalized) return invalidId();
    m.processed = true; // processing is done by the time anyone asks
    return json(200, { ...mediaBody(m, call.now), processing_info: { state: 'succeeded', progress_percent: 100 } });
  }
  if (command === undefined) return simple(call, p);
  if (command === 'INIT') return init(call, p);
  if (command === 'APPEND') return append(call, p);
  if (command === 'FINALIZE') {
    const m = owned(call, p.get('media_id'));
    return m ? finalize(call, m, '/1.1/media/upload.json') : invalidId();
  }
  return v1Error(400, 38, 'command must be INIT, APPEND, FINALIZE or STATUS (case sensitive).');
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function metadataCreate(call: MediaCall): SimResponse {
  const { body } = call.req;
  const m = owned(call, typeof body.media_id === 'string' ? body.media_id : undefined);
  if (!m) return invalidId();
  const text = isObject(body.alt_text) ? body.alt_text.text : undefined;
  if (typeof text !== 'string' || Array.from(text).length > 1000) return v1Error(400, 38, 'alt_text.text must be a string of at most 1000 characters.');
  if (m.type !== 'photo' && m.type !== 'animated_gif') return v1Error(400, 324, 'Alt text is supported for images and GIFs only.');
  m.altText = text;
  return { status: 200, raw: { contentType: 'text/plain', data: '' } };
}

/** Subtitles go on a video of the user's, from subtitle files of the user's (uploaded with media_category Subtitles). */
function subtitles(call: MediaCall, remove: boolean): SimResponse {
  const { body } = call.req;
  const video = owned(call, typeof body.media_id === 'string' ? body.media_id : undefined);
  if (video?.type !== 'video') return invalidId();
  const list = isObject(body.subtitle_info) && Array.isArray(body.subtitle_info.subtitles) ? body.subtitle_info.subtitles : undefined;
  if (!list?.length) return missing('subtitle_info.subtitles');
  video.subtitles ??= new Map();
  for (const raw of list) {
    const s = isObject(raw) ? raw : {};
    const language = s.language_code;
    if (typeof language !== 'string' || !/^[a-z]{2}$/i.test(language)) return missing('language_code');
    if (remove) {
      video.subtitles.delete(language.toLowerCase());
      continue;
    }
    const file = owned(call, typeof s.media_id === 'string' ? s.media_id : undefined);
    if (file?.type !== 'subtitles' || !file.finalized) return invalidId();
    if (typeof s.display_name !== 'string' || !s.display_name) return missing('display_name');
    video.subtitles.set(language.toLowerCase(), { mediaId: file.id, displayName: s.display_name });
  }
  return { status: 200, raw: { contentType: 'text/plain', data: '' } };
}

/** The v1.1 media routes (full path), or undefined for other paths. */
export function v1MediaRoute(call: MediaCall, path: string): SimResponse | undefined {
  if (!call.scopes.includes('media.write')) return v1Error(403, 220, 'Your credentials do not allow access to this resource.');
  if (path === '/1.1/media/upload.json' && (call.req.method === 'POST' || call.req.method === 'GET')) return upload(call);
  if (call.req.method !== 'POST') return undefined;
  if (call.req.badBody) return v1Error(400, 38, 'The request body is not valid JSON.');
  if (path === '/1.1/media/metadata/create.json') return metadataCreate(call);
  if (path === '/1.1/media/subtitles/create.json') return subtitles(call, false);
  if (path === '/1.1/media/subtitles/delete.json') return subtitles(call, true);
  return undefined;
}
