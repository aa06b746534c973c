import { obj } from '@resonance/contracts';
import type { SimResponse } from '../../core/http';
import { google } from './errors';
import { readLocalizations } from './localizations';
import type { YtRecordingDetails, YtVideoMeta } from './store';

/**
 * The writable properties of a video resource, as videos.insert and videos.update read them:
 * snippet.title, description, tags, categoryId, defaultLanguage; status.privacyStatus, publishAt,
 * embeddable, license, publicStatsViewable, selfDeclaredMadeForKids, containsSyntheticMedia.
 * videos.update replaces every writable property of each part it names: one left out of the body
 * goes back to its default, as Google documents. Errors in the shape YouTube sends for video
 * metadata (domain youtube.video, location body.snippet.categoryId, locationType other).
 */

/** YouTube's assignable video categories (videoCategories.list, regionCode US). */
export const VIDEO_CATEGORIES: Record<string, string> = {
  '1': 'Film & Animation',
  '2': 'Autos & Vehicles',
  '10': 'Music',
  '15': 'Pets & Animals',
  '17': 'Sports',
  '19': 'Travel & Events',
  '20': 'Gaming',
  '22': 'People & Blogs',
  '23': 'Comedy',
  '24': 'Entertainment',
  '25': 'News & Politics',
  '26': 'Howto & Style',
  '27': 'Education',
  '28': 'Science & Technology',
  '29': 'Nonprofits & Activism',
};

const PRIVACY = ['public', 'unlisted', 'private'] as const;
const LICENSES = ['youtube', 'creativeCommon'] as const;

export interface VideoFields {
  title: string;
  description: string;
  meta: YtVideoMeta;
}

type Read = { ok: VideoFields } | { error: SimResponse };

const invalid = (reason: string, message: string, location: string): { error: SimResponse } => ({
  error: google(400, reason, message, { domain: 'youtube.video', location: `body.${location}`, locationType: 'other' }),
});

const bool = (v: unknown, fallback: boolean): boolean => (typeof v === 'boolean' ? v : fallback);

/**
 * The video's fields after a write of `parts` with `body`. `current`: the video as it stands
 * (update) or the defaults (insert); `titleRequired`: update with snippet needs title and categoryId.
 */
export function readVideoFields(body: Record<string, unknown>, parts: Set<string>, current: VideoFields, mode: 'insert' | 'update', now: number): Read {
  let { title, description } = current;
  let meta: YtVideoMeta = { ...current.meta };
  if (parts.has('snippet')) {
    const snippet = obj(body.snippet);
    const rawTitle = snippet.title;
    if (mode === 'update' && (typeof rawTitle !== 'string' || rawTitle.trim() === ''))
      return invalid('invalidTitle', 'The request metadata specifies an invalid or empty video title.', 'snippet.title');
    if (rawTitle !== undefined) {
      if (typeof rawTitle !== 'string' || rawTitle.trim() === '' || rawTitle.length > 100 || /[<>]/.test(rawTitle))
        return invalid('invalidTitle', 'The request metadata specifies an invalid or empty video title.', 'snippet.title');
      title = rawTitle;
    }
    const rawDescription = snippet.description ?? '';
    if (typeof rawDescription !== 'string' || Buffer.byteLength(rawDescription) > 5000 || /[<>]/.test(rawDescription))
      return invalid('invalidDescription', 'The request metadata specifies an invalid video description.', 'snippet.description');
    description = rawDescription;
    const tags = snippet.tags ?? [];
    // YouTube counts the tags' characters plus the commas between them (500 at most).
    if (!Array.isArray(tags) || tags.some((t) => typeof t !== 'string') || (tags as string[]).join(',').length > 500)
      return invalid('invalidTags', 'The request metadata specifies invalid video keywords.', 'snippet.tags');
    const categoryId = snippet.categoryId === undefined && mode === 'insert' ? '22' : snippet.categoryId;
    if (typeof categoryId !== 'string' || !(categoryId in VIDEO_CATEGORIES))
      return invalid(
        'invalidCategoryId',
        'The <code>snippet.categoryId</code> property specifies an invalid category ID. Use the <code><a href="/youtube/v3/docs/videoCategories/list">videoCategories.list</a></code> method to retrieve supported categories.',
        'snippet.categoryId',
      );
    const defaultLanguage = typeof snippet.defaultLanguage === 'string' && snippet.defaultLanguage ? snippet.defaultLanguage : undefined;
    meta = { ...meta, categoryId, tags: tags as string[], defaultLanguage };
  }
  if (parts.has('status')) {
    const status = obj(body.status);
    const privacyStatus = status.privacyStatus ?? 'public';
    const privacy = PRIVACY.find((p) => p === privacyStatus);
    if (!privacy) return invalid('invalidVideoMetadata', 'The request metadata is invalid.', 'status.privacyStatus');
    const license = LICENSES.find((l) => l === (status.license ?? 'youtube'));
    if (!license) return invalid('invalidVideoMetadata', 'The request metadata is invalid.', 'status.license');
    let publishAt: number | undefined;
    if (status.publishAt !== undefined && status.publishAt !== null) {
      publishAt = typeof status.publishAt === 'string' ? Date.parse(status.publishAt) : NaN;
      // A scheduled publication needs a private video and a time ahead.
      if (!Number.isFinite(publishAt) || privacy !== 'private' || publishAt <= now)
        return invalid('invalidPublishAt', 'The request metadata specifies an invalid scheduled publishing time.', 'status.publishAt');
    }
    meta = {
      ...meta,
      privacyStatus: privacy,
      publishAt,
      license,
      embeddable: bool(status.embeddable, true),
      publicStatsViewable: bool(status.publicStatsViewable, true),
      selfDeclaredMadeForKids: bool(status.selfDeclaredMadeForKids, false),
      containsSyntheticMedia: typeof status.containsSyntheticMedia === 'boolean' ? status.containsSyntheticMedia : undefined,
    };
  }
  if (parts.has('localizations')) {
    const localizations = readLocalizations(body.localizations, meta.defaultLanguage, 'youtube.video');
    if ('error' in localizations) return localizations;
    meta = { ...meta, localizations: localizations.ok };
  }
  if (parts.has('recordingDetails')) {
    const recording = readRecordingDetails(body.recordingDetails);
    if (recording === 'bad')
      return invalid(
        'invalidRecordingDetails',
        'The <code>recordingDetails</code> object in the request metadata specifies invalid recording details.',
        'recordingDetails',
      );
    meta = { ...meta, recordingDetails: recording };
  }
  return { ok: { title, description, meta } };
}

const inRange = (n: unknown, limit: number): n is number => typeof n === 'number' && Number.isFinite(n) && Math.abs(n) <= limit;

/** recordingDetails: recordingDate (RFC 3339), location {latitude, longitude, altitude?}, locationDescription. */
function readRecordingDetails(raw: unknown): YtRecordingDetails | undefined | 'bad' {
  if (raw === undefined || raw === null) return undefined;
  const r = obj(raw);
  const out: YtRecordingDetails = {};
  if (r.recordingDate !== undefined) {
    if (typeof r.recordingDate !== 'string' || !/^\d{4}-\d\d-\d\dT/.test(r.recordingDate) || !Number.isFinite(Date.parse(r.recordingDate))) return 'bad';
    out.recordingDate = r.recordingDate;
  }
  if (r.location !== undefined) {
    const l = obj(r.location);
    if (!inRange(l.latitude, 90) || !inRange(l.longitude, 180) || (l.altitude !== undefined && !inRange(l.altitude, 1e6))) return 'bad';
    out.location = { latitude: l.latitude, longitude: l.longitude, ...(l.altitude !== undefined ? { altitude: l.altitude } : {}) };
  }
  if (r.locationDescription !== undefined) {
    if (typeof r.locationDescription !== 'string') return 'bad';
    out.locationDescription = r.locationDescription;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
