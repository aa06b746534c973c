import { json, type SimRequest, type SimResponse } from '../../core/http';
import { parseMultipart, type FormPart } from '../../core/multipart';
import type { World } from '../../core/world';
import { errors } from './errors';

/**
 * X API v2 media upload (docs.x.com, Media: upload), as twitter-api-v2's v2.uploadMedia drives it:
 *   POST /2/media/upload/initialize      {media_type, total_bytes, media_category} → {data: {id, media_key, expires_after_secs}}
 *   POST /2/media/upload/:id/append      multipart: segment_index, media → {data: {expires_at}}
 *   POST /2/media/upload/:id/finalize    → {data: {id, media_key, size, expires_after_secs[, processing_info]}}
 *   GET  /2/media/upload?command=STATUS&media_id=…  → {data: {id, media_key, processing_info}}
 *   POST /2/media/upload                 multipart: media, media_category[, media_type] (one request)
 *   POST /2/media/metadata               {id, metadata: {alt_text: {text}}}
 * Videos and GIFs finalize with processing_info "pending" (check_after_secs 1) and are processed
 * by the first STATUS call; images need none. A media id is good for tweets (media.media_ids) and
 * DMs (attachments) of its uploader for 24 hours. The bytes are kept only as their count; a PNG's
 * width and height are read from its header.
 */
export type XMediaType = 'photo' | 'video' | 'animated_gif' | 'subtitles';

export interface XMedia {
  id: string;
  mediaKey: string;
  type: XMediaType;
  mimeType: string;
  category: string;
  ownerId: string;
  totalBytes: number;
  /** Bytes received per segment index. */
  segments: Map<number, number>;
  head?: Buffer;
  finalized: boolean;
  processed: boolean;
  createdAt: number;
  altText?: string;
  width?: number;
  height?: number;
  /** additional_owners: users who may attach it besides its uploader (up to 100). */
  owners: Set<string>;
  /** Subtitle files attached to a video (v1.1 media/subtitles/create), by language code. */
  subtitles?: Map<string, { mediaId: string; displayName: string }>;
}

const MEDIA_ID_BASE = 1_890_000_000_000_000_000n;
export const EXPIRES_S = 86_400;
const MB = 1024 * 1024;
/** Media types X takes, with their kind and size limit. */
const TYPES: Record<string, { type: XMediaType; max: number }> = {
  'image/jpeg': { type: 'photo', max: 5 * MB },
  'image/png': { type: 'photo', max: 5 * MB },
  'image/webp': { type: 'photo', max: 5 * MB },
  'image/bmp': { type: 'photo', max: 5 * MB },
  'image/pjpeg': { type: 'photo', max: 5 * MB },
  'image/tiff': { type: 'photo', max: 5 * MB },
  'image/gif': { type: 'animated_gif', max: 15 * MB },
  'video/mp4': { type: 'video', max: 512 * MB },
  'video/webm': { type: 'video', max: 512 * MB },
  'video/mp2t': { type: 'video', max: 512 * MB },
  'video/quicktime': { type: 'video', max: 512 * MB },
  // SubRip subtitles (twitter-api-v2 sends them as text/plain with media_category Subtitles).
  'text/plain': { type: 'subtitles', max: 1 * MB },
  'application/x-subrip': { type: 'subtitles', max: 1 * MB },
};
const CATEGORIES = ['amplify_video', 'tweet_gif', 'tweet_image', 'tweet_video', 'dm_gif', 'dm_image', 'dm_video', 'subtitles'];
/** Media keys start with the kind (3 photo, 7 video, 16 GIF); subtitles get the sim's own 17. */
const KEY_PREFIX: Record<XMediaType, string> = { photo: '3', video: '7', animated_gif: '16', subtitles: '17' };

/** A media_category as either API spells it (tweet_image, TweetImage, TWEET_IMAGE) → X's v2 spelling, or undefined. */
export function category(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const squashed = value.replace(/_/g, '').toLowerCase();
  return CATEGORIES.find((c) => c.replace(/_/g, '') === squashed);
}

/** additional_owners as a list (v2) or a comma list (v1.1): up to 100 user ids, or the refusal. */
export function additionalOwners(value: unknown): string[] | SimResponse {
  if (value === undefined || value === '') return [];
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',').map((v) => v.trim()) : null;
  if (!list || list.length > 100 || !list.every((v) => typeof v === 'string' && /^\d{1,19}$/.test(v)))
    return bad('additional_owners', value, 'The `additional_owners` field must list up to 100 user ids');
  return list as string[];
}

export class XMediaStore {
  private readonly byId = new Map<string, XMedia>();
  private serial = 0;

  get(id: string): XMedia | undefined {
    return this.byId.get(id);
  }

  /** A media id the user may attach now: theirs (or shared with them by additional_owners), finalized, processed, not expired, and no subtitle file. */
  usable(id: unknown, userId: string, now: number): XMedia | undefined {
    const m = typeof id === 'string' ? this.byId.get(id) : undefined;
    if (!m || m.type === 'subtitles' || !(m.ownerId === userId || m.owners.has(userId))) return undefined;
    return m.finalized && m.processed && now - m.createdAt < EXPIRES_S * 1000 ? m : undefined;
  }

  create(ownerId: string, mimeType: string, category: string, totalBytes: number, now: number, owners: string[] = []): XMedia {
    const id = String(MEDIA_ID_BASE + BigInt(++this.serial));
    const type = TYPES[mimeType].type;
    const media: XMedia = {
      id,
      mediaKey: `${KEY_PREFIX[type]}_${id}`,
      type,
      mimeType,
      category,
      ownerId,
      totalBytes,
      segments: new Map(),
      finalized: false,
      processed: type === 'photo' || type === 'subtitles',
      createdAt: now,
      owners: new Set(owners),
    };
    this.byId.set(id, media);
    return media;
  }
}

/** A PNG's size from its IHDR chunk (bytes 16–23); other formats keep none. */
export function pngSize(head: Buffer | undefined): { width: number; height: number } | undefined {
  if (!head || head.length < 24 || head.readUInt32BE(0) !== 0x89504e47) return undefined;
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

export const bad = (parameter: string, value: unknown, message: string) =>
  errors.invalidRequest(parameter, typeof value === 'string' ? value : (JSON.stringify(value) ?? ''), message);

export interface MediaCall {
  media: XMediaStore;
  world: World;
  req: SimRequest;
  userId: string;
  scopes: readonly string[];
  now: number;
}

/** The media routes below /2/media; undefined for other paths. */
export function mediaRoute(call: MediaCall, seg: string[]): SimResponse | undefined {
  if (seg[0] !== 'media') return undefined;
  const { req } = call;
  const upload = seg[1] === 'upload';
  if (!upload && !(seg[1] === 'metadata' && seg.length === 2)) return undefined;
  if (!call.scopes.includes('media.write')) return errors.forbidden('Your client app is not permitted to upload media (media.write scope required).');
  if (seg[1] === 'metadata') return req.method === 'POST' ? metadata(call) : undefined;
  if (seg.length === 2 && req.method === 'GET') return status(call);
  if (seg.length === 2 && req.method === 'POST') return oneShot(call);
  if (seg.length === 3 && seg[2] === 'initialize' && req.method === 'POST') return initialize(call);
  if (seg.length === 4 && req.method === 'POST') {
    const media = call.media.get(seg[2]);
    if (media?.ownerId !== call.userId) return bad('id', seg[2], 'The media id is not valid');
    if (seg[3] === 'append') return append(call, media);
    if (seg[3] === 'finalize') return finalize(call, media);
  }
  return undefined;
}

export function checkType(mimeType: unknown, category: unknown, totalBytes: unknown): SimResponse | null {
  if (typeof mimeType !== 'string' || !TYPES[mimeType])
    return bad('media_type', mimeType, `The \`media_type\` must be one of [${Object.keys(TYPES).join(', ')}]`);
  if (category !== undefined && !(typeof category === 'string' && CATEGORIES.includes(category)))
    return bad('media_category', category, `The \`media_category\` must be one of [${CATEGORIES.join(', ')}]`);
  if (!(typeof totalBytes === 'number' && Number.isInteger(totalBytes) && totalBytes > 0))
    return bad('total_bytes', totalBytes, 'The `total_bytes` field must be a positive integer');
  if (totalBytes > TYPES[mimeType].max) return bad('total_bytes', String(totalBytes), `File size exceeds ${TYPES[mimeType].max} bytes.`);
  return null;
}

export const defaultCategory = (mimeType: string): string => {
  const type = TYPES[mimeType].type;
  return type === 'photo' ? 'tweet_image' : type === 'video' ? 'tweet_video' : type === 'subtitles' ? 'subtitles' : 'tweet_gif';
};

function initialize(call: MediaCall): SimResponse {
  const { req } = call;
  if (req.badBody) return bad('body', '', 'Request body is not valid JSON');
  const { media_type: mimeType, media_category: category } = req.body;
  const totalBytes = typeof req.body.total_bytes === 'string' ? Number(req.body.total_bytes) : req.body.total_bytes;
  const refused = checkType(mimeType, category, totalBytes);
  if (refused) return refused;
  const owners = additionalOwners(req.body.additional_owners);
  if (!Array.isArray(owners)) return owners;
  const m = call.media.create(
    call.userId,
    mimeType as string,
    (category as string | undefined) ?? defaultCategory(mimeType as string),
    totalBytes as number,
    call.now,
    owners,
  );
  return json(200, { data: { id: m.id, media_key: m.mediaKey, expires_after_secs: EXPIRES_S } });
}

const field = (parts: FormPart[], name: string): FormPart | undefined => parts.find((p) => p.name === name);

function append(call: MediaCall, media: XMedia): SimResponse {
  if (media.finalized) return bad('id', media.id, 'The media upload has already been finalized');
  const parts = parseMultipart(call.req.rawBody, call.req.headers['content-type']);
  const chunk = parts ? field(parts, 'media') : undefined;
  if (!parts || !chunk) return bad('media', '', 'The `media` field is required (multipart/form-data)');
  const index = Number(field(parts, 'segment_index')?.data.toString('utf8') ?? NaN);
  if (!(Number.isInteger(index) && index >= 0 && index <= 999)) return bad('segment_index', '', 'The `segment_index` field must be an integer from 0 to 999');
  media.segments.set(index, chunk.data.length);
  if (index === 0) media.head = chunk.data.subarray(0, 32);
  return json(200, { data: { expires_at: Math.floor(media.createdAt / 1000) + EXPIRES_S } });
}

function finalizedBody(media: XMedia): Record<string, unknown> {
  const data: Record<string, unknown> = { id: media.id, media_key: media.mediaKey, size: media.totalBytes, expires_after_secs: EXPIRES_S };
  if (!media.processed) data.processing_info = { state: 'pending', check_after_secs: 1 };
  return { data };
}

function finalize(call: MediaCall, media: XMedia): SimResponse {
  if (media.finalized) return json(200, finalizedBody(media));
  const received = [...media.segments.values()].reduce((a, b) => a + b, 0);
  if (received !== media.totalBytes) return bad('total_bytes', String(media.totalBytes), 'Segments do not add up to provided total file size.');
  media.finalized = true;
  Object.assign(media, pngSize(media.head));
  record(call, media, `/2/media/upload/${media.id}/finalize`);
  return json(200, finalizedBody(media));
}

function status(call: MediaCall): SimResponse {
  const q = call.req.query;
  if (q.get('command') !== null && q.get('command') !== 'STATUS') return bad('command', q.get('command'), 'The `command` parameter must be STATUS');
  const id = q.get('media_id');
  const media = id ? call.media.get(id) : undefined;
  if (media?.ownerId !== call.userId || !media.finalized) return bad('media_id', id ?? '', 'The media id is not valid');
  // Processing finishes by the time anyone asks.
  media.processed = true;
  return json(200, { data: { id: media.id, media_key: media.mediaKey, processing_info: { state: 'succeeded', progress_percent: 100 } } });
}

function oneShot(call: MediaCall): SimResponse {
  const parts = parseMultipart(call.req.rawBody, call.req.headers['content-type']);
  const file = parts ? field(parts, 'media') : undefined;
  if (!parts || !file) return bad('media', '', 'The `media` field is required (multipart/form-data)');
  const mimeType = field(parts, 'media_type')?.data.toString('utf8') ?? file.contentType;
  const category = field(parts, 'media_category')?.data.toString('utf8');
  const refused = checkType(mimeType, category, file.data.length);
  if (refused) return refused;
  const media = call.media.create(call.userId, mimeType as string, category ?? defaultCategory(mimeType as string), file.data.length, call.now);
  media.segments.set(0, file.data.length);
  media.head = file.data.subarray(0, 32);
  return finalize(call, media);
}

function metadata(call: MediaCall): SimResponse {
  const { req } = call;
  if (req.badBody) return bad('body', '', 'Request body is not valid JSON');
  const media = typeof req.body.id === 'string' ? call.media.get(req.body.id) : undefined;
  if (media?.ownerId !== call.userId) return bad('id', req.body.id, 'The media id is not valid');
  const meta = req.body.metadata as { alt_text?: { text?: unknown } } | undefined;
  const text = meta?.alt_text?.text;
  if (typeof text !== 'string' || Array.from(text).length > 1000)
    return bad('metadata.alt_text.text', text, 'The alt text must be a string of at most 1000 characters');
  media.altText = text;
  return json(200, { data: { id: media.id, associated_metadata: { alt_text: { text } } } });
}

export function record(call: MediaCall, media: XMedia, path: string): void {
  call.world.addReceived({
    network: 'x',
    at: new Date(call.now).toISOString(),
    kind: 'media_upload',
    method: call.req.method,
    path,
    targetId: media.id,
    externalId: media.mediaKey,
    text: media.mimeType,
    body: { media_type: media.mimeType, media_category: media.category, total_bytes: media.totalBytes },
  });
}

/** X's media object (media.fields): media_key and type by default; the rest when asked and known. */
export function mediaJson(m: XMedia, fields: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = { media_key: m.mediaKey, type: m.type };
  const ext = m.mimeType === 'image/png' ? 'png' : 'jpg';
  if (fields.has('url') && m.type === 'photo') out.url = `https://pbs.twimg.com/media/${m.id}.${ext}`;
  if (fields.has('preview_image_url') && m.type !== 'photo') out.preview_image_url = `https://pbs.twimg.com/ext_tw_video_thumb/${m.id}/pu/img/preview.jpg`;
  if (fields.has('width') && m.width !== undefined) out.width = m.width;
  if (fields.has('height') && m.height !== undefined) out.height = m.height;
  if (fields.has('alt_text') && m.altText !== undefined) out.alt_text = m.altText;
  return out;
}

export const MEDIA_FIELDS = new Set([
  'alt_text',
  'duration_ms',
  'height',
  'media_key',
  'non_public_metrics',
  'organic_metrics',
  'preview_image_url',
  'promoted_metrics',
  'public_metrics',
  'type',
  'url',
  'variants',
  'width',
]);
