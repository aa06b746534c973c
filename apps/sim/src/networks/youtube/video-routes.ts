import { obj } from '@resonance/contracts';
import { json, type SimRequest, type SimResponse } from '../../core/http';
import type { ReceivedItem } from '../../core/world';
import { errors, google } from './errors';
import { parts } from './params';
import { VIDEO_PARTS } from './read-routes';
import { etag, thumbnailsJson, videoJson, videoMeta } from './serialize';
import type { YoutubeState } from './state';
import type { YtVideo } from './store';
import { READ_SCOPES, WRITE_SCOPES, type YtToken } from './tokens';
import { readVideoFields } from './video-metadata';

/**
 * The channel's writes on its own videos (YouTube Data API v3), each 50 units:
 *   PUT    /youtube/v3/videos?part=snippet,status              videos.update → the video
 *   DELETE /youtube/v3/videos?id=…                              videos.delete → 204
 *   POST   /upload/youtube/v3/thumbnails/set?videoId=…          thumbnails.set (JPEG or PNG, ≤ 2 MB)
 *   POST   /youtube/v3/videos/reportAbuse                       videos.reportAbuse → 204
 * and GET /youtube/v3/videoAbuseReportReasons (1 unit), the reasons reportAbuse takes.
 * Recorded in /_sim/received as post_edit, post_delete, media_upload and video_report.
 */
const noContent = (): SimResponse => ({ status: 204, raw: { contentType: 'application/json', data: '' } });

const videoNotFound = (action: string, location: string, locationType = 'parameter'): SimResponse =>
  google(404, 'videoNotFound', `The video that you are trying to ${action} cannot be found.`, { domain: 'youtube.video', location, locationType });
const forbidden = (message: string): SimResponse => google(403, 'forbidden', message, { domain: 'youtube.video' });

function record(state: YoutubeState, req: SimRequest, kind: ReceivedItem['kind'], path: string, v: YtVideo, body: Record<string, unknown>): void {
  state.record(req, kind, path, v.id, v.id, v.title, body);
}

const owns = (state: YoutubeState, token: YtToken): boolean => token.channelId === state.store.channel.channelId;

/** videos.update: replaces the writable properties of the parts named (snippet: title and categoryId required). */
export function updateVideo(state: YoutubeState, req: SimRequest, token: YtToken): SimResponse {
  const p = parts(req, VIDEO_PARTS);
  if ('error' in p) return p.error;
  if (!token.scopes.some((s) => WRITE_SCOPES.includes(s))) return errors.insufficientScope();
  if (req.badBody) return errors.parseError();
  const id = typeof req.body.id === 'string' ? req.body.id : '';
  if (!id) return google(400, 'required', 'Required parameter: id', { domain: 'global', location: 'body.id', locationType: 'other' });
  const video = state.store.video(id);
  if (!video) return videoNotFound('update', 'body.id', 'other');
  if (!owns(state, token)) return forbidden('The video that you are trying to update cannot be updated. The request might not be properly authorized.');
  const current = { title: video.title, description: video.description, meta: videoMeta(video) };
  const fields = readVideoFields(req.body, p.ok, current, 'update', state.now());
  if ('error' in fields) return fields.error;
  video.title = fields.ok.title;
  video.description = fields.ok.description;
  video.meta = fields.ok.meta;
  record(state, req, 'post_edit', '/youtube/v3/videos', video, req.body);
  return json(200, videoJson(video, state.store.channel.channelId, state.channelTitle, p.ok));
}

/** videos.delete: the video and its comments are gone. */
export function deleteVideo(state: YoutubeState, req: SimRequest, token: YtToken): SimResponse {
  if (!token.scopes.some((s) => WRITE_SCOPES.includes(s))) return errors.insufficientScope();
  const id = req.query.get('id');
  if (!id) return errors.required('id');
  const video = state.store.video(id);
  if (!video) return videoNotFound('delete', 'id');
  if (!owns(state, token)) return forbidden('The video that you are trying to delete cannot be deleted. The request might not be properly authorized.');
  record(state, req, 'post_delete', '/youtube/v3/videos', video, Object.fromEntries(req.query));
  state.store.removeVideo(video);
  state.playlists.removeVideo(video);
  return noContent();
}

const MAX_THUMBNAIL = 2 * 1024 * 1024;

/** thumbnails.set: a JPEG or PNG (by its first bytes) of at most 2 MB becomes the video's thumbnail. */
export function setThumbnail(state: YoutubeState, req: SimRequest, token: YtToken): SimResponse {
  if (!token.scopes.some((s) => WRITE_SCOPES.includes(s) || s.endsWith('/youtube.upload'))) return errors.insufficientScope();
  const videoId = req.query.get('videoId');
  if (!videoId) return errors.required('videoId');
  const video = state.store.video(videoId);
  if (!video)
    return google(
      404,
      'videoNotFound',
      'The video that you are trying to insert a thumbnail image for cannot be found. Check the value of the <code>videoId</code> parameter to ensure that it is correct.',
      { domain: 'youtube.thumbnail', location: 'videoId', locationType: 'parameter' },
    );
  if (!owns(state, token)) return forbidden("The thumbnail can't be set for the specified video. The request might not be properly authorized.");
  const data = req.rawBody;
  if (data.length === 0) return google(400, 'mediaBodyRequired', 'The request does not include the image content.', { domain: 'youtube.thumbnail' });
  if (data.length > MAX_THUMBNAIL)
    return google(413, 'mediaBodyTooLarge', 'The thumbnail image file is too large: the maximum size is 2 MB.', { domain: 'youtube.thumbnail' });
  const jpeg = data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff;
  const png = data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  if (!jpeg && !png) return google(400, 'invalidImage', 'The provided image content is invalid.', { domain: 'youtube.thumbnail' });
  video.thumbnail = { mimeType: jpeg ? 'image/jpeg' : 'image/png', size: data.length, version: (video.thumbnail?.version ?? 0) + 1 };
  record(state, req, 'media_upload', '/upload/youtube/v3/thumbnails/set', video, { mimeType: video.thumbnail.mimeType, bytes: data.length });
  return json(200, { kind: 'youtube#thumbnailSetResponse', etag: etag('thumbnail', video.id, video.thumbnail.version), items: [thumbnailsJson(video)] });
}

/**
 * The reasons videos.reportAbuse takes. No recorded answer of videoAbuseReportReasons.list was at
 * hand, so ids and labels are the sim's own, in the documented shape (a reason with its secondary
 * reasons); `hl=de…` answers German labels.
 */
const REASONS: Array<{ id: string; en: string; de: string; secondary: Array<{ id: string; en: string; de: string }> }> = [
  { id: 'N', en: 'Sexual content', de: 'Sexuelle Inhalte', secondary: [{ id: '33', en: 'Nudity', de: 'Nacktheit' }] },
  {
    id: 'V',
    en: 'Violent or repulsive content',
    de: 'Gewaltverherrlichende oder abstoßende Inhalte',
    secondary: [
      { id: '1', en: 'Adults fighting', de: 'Kämpfe zwischen Erwachsenen' },
      { id: '4', en: 'Animal abuse', de: 'Tierquälerei' },
    ],
  },
  { id: 'H', en: 'Hateful or abusive content', de: 'Hasserfüllte oder beleidigende Inhalte', secondary: [{ id: '6', en: 'Bullying', de: 'Mobbing' }] },
  {
    id: 'S',
    en: 'Spam or misleading',
    de: 'Spam oder irreführende Inhalte',
    secondary: [
      { id: '27', en: 'Mass advertising', de: 'Massenwerbung' },
      { id: '29', en: 'Misleading text', de: 'Irreführender Text' },
      { id: '31', en: 'Scams / fraud', de: 'Betrug' },
    ],
  },
  { id: 'C', en: 'Child abuse', de: 'Kindesmissbrauch', secondary: [] },
];

export function listAbuseReasons(state: YoutubeState, req: SimRequest, token: YtToken): SimResponse {
  const p = parts(req, ['id', 'snippet']);
  if ('error' in p) return p.error;
  if (!token.scopes.some((s) => READ_SCOPES.includes(s))) return errors.insufficientScope();
  const german = /^de/i.test(req.query.get('hl') ?? '');
  const items = REASONS.map((r) => ({
    kind: 'youtube#videoAbuseReportReason',
    etag: etag('reason', r.id, german),
    id: r.id,
    ...(p.ok.has('snippet')
      ? { snippet: { label: german ? r.de : r.en, secondaryReasons: r.secondary.map((s) => ({ id: s.id, label: german ? s.de : s.en })) } }
      : {}),
  }));
  return json(200, { kind: 'youtube#videoAbuseReportReasonListResponse', etag: etag('reasons', german), items });
}

/** videos.reportAbuse ({videoId, reasonId, secondaryReasonId?, comments?, language?}): 204, nothing visible changes. */
export function reportAbuse(state: YoutubeState, req: SimRequest, token: YtToken): SimResponse {
  if (!token.scopes.some((s) => WRITE_SCOPES.includes(s))) return errors.insufficientScope();
  if (req.badBody) return errors.parseError();
  const body = obj(req.body);
  const videoId = typeof body.videoId === 'string' ? body.videoId : '';
  if (!videoId) return google(400, 'required', 'Required parameter: videoId', { domain: 'global', location: 'body.videoId', locationType: 'other' });
  const reason = REASONS.find((r) => r.id === body.reasonId);
  const secondary = body.secondaryReasonId;
  if (!reason || (secondary !== undefined && !reason.secondary.some((s) => s.id === secondary)))
    return google(
      400,
      'invalidAbuseReason',
      'The request contained an unexpected value for the <code>reason_id</code> property, or a combination of the <code>reason_id</code> and <code>secondary_reason_id</code> properties.',
      { domain: 'youtube.video', location: 'body.reasonId', locationType: 'other' },
    );
  const video = state.store.video(videoId);
  if (!video) return videoNotFound('report abuse for', 'body.videoId', 'other');
  record(state, req, 'video_report', '/youtube/v3/videos/reportAbuse', video, body);
  return noContent();
}
