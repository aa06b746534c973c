import { createHash } from 'node:crypto';
import { localized } from './localizations';
import type { YtAuthor, YtComment, YtThread, YtVideo, YtVideoMeta } from './store';

/** YouTube Data API v3 resource bodies (youtube#comment, youtube#commentThread, youtube#video, ...). */
export type TextFormat = 'html' | 'plainText';

type Json = Record<string, unknown>;

export const etag = (...parts: unknown[]): string => createHash('sha1').update(JSON.stringify(parts)).digest('base64url').slice(0, 27);

/** YouTube times: ISO 8601 in UTC with whole seconds ("2022-11-14T10:23:02Z"). */
export const ytTime = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/\n/g, '<br>');

function authorFields(a: YtAuthor): Json {
  return {
    authorDisplayName: a.name,
    authorProfileImageUrl: `https://yt3.ggpht.com/ytc/${a.channelId.slice(2, 14)}=s48-c-k-c0x00ffffff-no-rj`,
    authorChannelUrl: `http://www.youtube.com/channel/${a.channelId}`,
    authorChannelId: { value: a.channelId },
  };
}

export function commentJson(c: YtComment, channelId: string, format: TextFormat): Json {
  const snippet: Json = {
    ...authorFields(c.author),
    channelId,
    ...(c.thread.video ? { videoId: c.thread.video.id } : {}),
    textDisplay: format === 'html' ? escapeHtml(c.text) : c.text,
    textOriginal: c.text,
    ...(c.parentId ? { parentId: c.parentId } : {}),
    canRate: true,
    viewerRating: 'none',
    likeCount: c.likeCount,
    publishedAt: ytTime(c.publishedAt),
    updatedAt: ytTime(c.updatedAt ?? c.publishedAt),
    // Shown to the channel owner (the sim's only caller) for a comment that is not published.
    ...(c.moderationStatus && c.moderationStatus !== 'published' ? { moderationStatus: c.moderationStatus } : {}),
  };
  return { kind: 'youtube#comment', etag: etag(c.id, c.text, c.likeCount), id: c.id, snippet };
}

/** Threads list at most this many replies inline; the rest come from comments.list?parentId. */
export const EMBEDDED_REPLIES = 5;

export function threadJson(t: YtThread, channelId: string, parts: Set<string>, format: TextFormat): Json {
  const out: Json = { kind: 'youtube#commentThread', etag: etag(t.id, t.replies.length), id: t.id };
  if (parts.has('snippet')) {
    out.snippet = {
      channelId,
      ...(t.video ? { videoId: t.video.id } : {}),
      topLevelComment: commentJson(t.top, channelId, format),
      canReply: true,
      totalReplyCount: t.replies.length,
      isPublic: true,
    };
  }
  if (parts.has('replies') && t.replies.length > 0) {
    out.replies = { comments: t.replies.slice(0, EMBEDDED_REPLIES).map((r) => commentJson(r, channelId, format)) };
  }
  return out;
}

/** Thumbnails in YouTube's sizes; a custom one (thumbnails.set) adds the larger sizes, as YouTube makes them from it. */
export function thumbnailsJson(v: YtVideo): Json {
  const base = `https://i.ytimg.com/vi/${v.id}`;
  const suffix = v.thumbnail ? `?v=${v.thumbnail.version}` : '';
  const out: Json = {
    default: { url: `${base}/default.jpg${suffix}`, width: 120, height: 90 },
    medium: { url: `${base}/mqdefault.jpg${suffix}`, width: 320, height: 180 },
    high: { url: `${base}/hqdefault.jpg${suffix}`, width: 480, height: 360 },
  };
  if (v.thumbnail) {
    out.standard = { url: `${base}/sddefault.jpg${suffix}`, width: 640, height: 480 };
    out.maxres = { url: `${base}/maxresdefault.jpg${suffix}`, width: 1280, height: 720 };
  }
  return out;
}

/** Generated videos: public, category 22 (People & Blogs), no tags. */
const DEFAULT_META: YtVideoMeta = {
  categoryId: '22',
  tags: [],
  privacyStatus: 'public',
  embeddable: true,
  license: 'youtube',
  publicStatsViewable: true,
  selfDeclaredMadeForKids: false,
};

export const videoMeta = (v: YtVideo): YtVideoMeta => v.meta ?? DEFAULT_META;

/** Whether others can watch the video: public, and its upload neither failed nor was rejected (those only its owner sees). */
export const watchable = (v: YtVideo): boolean => videoMeta(v).privacyStatus === 'public' && !v.outcome?.uploadStatus;

/**
 * A youtube#video with the parts asked for. The caller is always the channel's owner, so the
 * owner-only parts (fileDetails, processingDetails) are filled for uploaded videos. `justUploaded`:
 * the videos.insert answer, where YouTube still says uploadStatus "uploaded" (processing follows).
 */
export function videoJson(v: YtVideo, channelId: string, channelTitle: string, parts: Set<string>, justUploaded = false, hl: string | null = null): Json {
  const meta = videoMeta(v);
  const out: Json = {
    kind: 'youtube#video',
    etag: etag(v.id, v.views, v.likes, v.threads.length, v.title, v.description, meta, v.thumbnail, v.captions?.length, v.outcome),
    id: v.id,
  };
  if (parts.has('snippet')) {
    out.snippet = {
      publishedAt: ytTime(v.publishedAt),
      channelId,
      title: v.title,
      description: v.description,
      thumbnails: thumbnailsJson(v),
      channelTitle,
      ...(meta.tags.length > 0 ? { tags: meta.tags } : {}),
      categoryId: meta.categoryId,
      liveBroadcastContent: 'none',
      ...(meta.defaultLanguage ? { defaultLanguage: meta.defaultLanguage } : {}),
      localized: localized({ title: v.title, description: v.description }, meta.localizations, hl),
    };
  }
  if (parts.has('contentDetails')) {
    out.contentDetails = {
      duration: isoDuration(videoSeconds(v)),
      dimension: '2d',
      definition: 'hd',
      caption: String((v.captions ?? []).some((c) => !c.isDraft)),
      licensedContent: false,
      contentRating: {},
      projection: 'rectangular',
    };
  }
  if (parts.has('localizations') && meta.localizations) out.localizations = meta.localizations;
  if (parts.has('recordingDetails') && meta.recordingDetails) out.recordingDetails = meta.recordingDetails;
  if (parts.has('status')) {
    out.status = {
      uploadStatus: (!justUploaded && v.outcome?.uploadStatus) || (justUploaded || v.outcome?.processingStatus ? 'uploaded' : 'processed'),
      ...(!justUploaded && v.outcome?.failureReason ? { failureReason: v.outcome.failureReason } : {}),
      ...(!justUploaded && v.outcome?.rejectionReason ? { rejectionReason: v.outcome.rejectionReason } : {}),
      privacyStatus: meta.privacyStatus,
      ...(meta.publishAt !== undefined ? { publishAt: new Date(meta.publishAt).toISOString() } : {}),
      license: meta.license,
      embeddable: meta.embeddable,
      publicStatsViewable: meta.publicStatsViewable,
      madeForKids: meta.selfDeclaredMadeForKids,
      selfDeclaredMadeForKids: meta.selfDeclaredMadeForKids,
      ...(meta.containsSyntheticMedia !== undefined ? { containsSyntheticMedia: meta.containsSyntheticMedia } : {}),
    };
  }
  if (parts.has('statistics')) {
    const comments = v.threads.reduce((n, t) => n + 1 + t.replies.length, 0);
    // Counters are decimal strings in the real API.
    out.statistics = { viewCount: String(v.views), likeCount: String(v.likes), favoriteCount: '0', commentCount: String(comments) };
  }
  if (v.file && parts.has('fileDetails')) out.fileDetails = { fileName: v.file.name, fileSize: String(v.file.size), fileType: 'video' };
  if (v.file && parts.has('processingDetails')) {
    const failed = v.outcome?.processingStatus;
    out.processingDetails = justUploaded
      ? { processingStatus: 'processing', processingProgress: { partsTotal: '1', partsProcessed: '0', timeLeftMs: '1000' } }
      : failed
        ? { processingStatus: failed, ...(v.outcome?.processingFailureReason ? { processingFailureReason: v.outcome.processingFailureReason } : {}) }
        : { processingStatus: 'succeeded', thumbnailsAvailability: 'available' };
  }
  return out;
}

/**
 * A video's length in seconds. The sim keeps no media, so it is derived: an upload's from its file
 * size (at 2 Mbit/s, at least a second), a generated video's from its id (15 s to 45 min).
 */
export function videoSeconds(v: YtVideo): number {
  if (v.file) return Math.max(1, Math.round(v.file.size / 250_000));
  return 15 + (createHash('sha256').update(v.id).digest().readUInt32BE(0) % 2685);
}

/** ISO 8601 durations as YouTube writes them: PT#H#M#S, zero parts left out (PT0S for none). */
export function isoDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}

export const uploadsPlaylistOf = (channelId: string): string => `UU${channelId.slice(2)}`;

/** A list answer without paging (reference lists, caption tracks, channel sections): kind, etag, items. */
export function itemsJson(kind: string, items: Json[]): Json {
  return {
    kind,
    etag: etag(
      kind,
      items.map((i) => i.etag),
    ),
    items,
  };
}

export function listJson(kind: string, items: Json[], perPage: number, total: number, nextPageToken?: string, prevPageToken?: string): Json {
  return {
    kind,
    etag: etag(
      kind,
      items.map((i) => i.etag),
    ),
    ...(nextPageToken ? { nextPageToken } : {}),
    ...(prevPageToken ? { prevPageToken } : {}),
    pageInfo: { totalResults: total, resultsPerPage: perPage },
    items,
  };
}

/** Page tokens are opaque to clients: here, where the next page starts, base64url-encoded. */
export const encodePageToken = (position: number): string => Buffer.from(`yt:${position}`).toString('base64url');

export function decodePageToken(token: string | null): number | null | 'bad' {
  if (token === null || token === '') return null;
  const m = /^yt:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : 'bad';
}
