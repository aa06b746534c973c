import { obj } from '@resonance/contracts';
import type { SimResponse } from '../../core/http';
import { google } from './errors';
import type { YtVideoMeta } from './store';

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
  return { ok: { title, description, meta } };
}
