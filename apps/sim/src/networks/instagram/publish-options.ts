import { mediaNumber } from '../../core/media';
import { jsonArray, scalarText } from '../facebook/post-extras';

/**
 * Content publishing parameters beyond the URL, caption, type and children (Instagram Platform
 * reference "IG User Media"): validated per media type and kept on the container, then on the
 * media. Read back where the IG Media node documents a field: `collaborators` (the edge
 * GET /{ig-media-id}/collaborators), `share_to_feed` (a reel's `is_shared_to_feed`), `cover_url`
 * and `thumb_offset` (the reel's or video's `thumbnail_url`, the frame or cover Instagram
 * re-hosts). `user_tags`, `location_id` and `audio_name` have no Media field to read them from:
 * kept, and recorded in /_sim/received with the publish.
 */
export interface IgPublishOptions {
  userTags?: Array<{ username: string; x?: number; y?: number }>;
  locationId?: string;
  collaborators?: string[];
  coverUrl?: string;
  thumbOffset?: number;
  shareToFeed?: boolean;
  audioName?: string;
}

type Kind = 'IMAGE' | 'VIDEO' | 'REELS' | 'STORIES' | 'CAROUSEL';

const MAX_USER_TAGS = 20;
const MAX_COLLABORATORS = 3;
const USERNAME = /^[A-Za-z0-9._]{1,30}$/;
const isUrl = (v: unknown): v is string => typeof v === 'string' && /^https?:\/\/\S+$/.test(v);

/** A list parameter: a JSON array, or (collaborators) a comma list of usernames. */
const jsonList = (value: unknown): unknown[] | null => jsonArray(value) ?? (typeof value === 'string' ? value.split(',').map((v) => v.trim()) : null);

const onlyFor = (name: string, kinds: string) => `The parameter ${name} is only available for media_type ${kinds}`;

/**
 * Reads the options of a container of `kind` (`carouselItem`: a child of a carousel). `param` reads
 * one request parameter. The options, or the (#100) text.
 */
export function readPublishOptions(param: (name: string) => unknown, kind: Kind, carouselItem: boolean): IgPublishOptions | string {
  const out: IgPublishOptions = {};
  const video = kind === 'VIDEO' || kind === 'REELS';
  const rawTags = param('user_tags');
  if (rawTags !== undefined) {
    if (kind === 'CAROUSEL') return 'The parameter user_tags goes on the carousel items, not on the carousel';
    const list = jsonList(rawTags);
    if (!list || list.length > MAX_USER_TAGS) return `The parameter user_tags must be a list of at most ${MAX_USER_TAGS} {username, x, y}`;
    const tags: NonNullable<IgPublishOptions['userTags']> = [];
    for (const raw of list) {
      const t = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : null;
      if (!t || typeof t.username !== 'string' || !USERNAME.test(t.username)) return 'Each of user_tags needs a valid username';
      // An image tag sits at x, y (0 to 1 from the top left); a video's has no place.
      const x = Number(t.x);
      const y = Number(t.y);
      if (!video && !(t.x !== undefined && t.y !== undefined && x >= 0 && x <= 1 && y >= 0 && y <= 1))
        return 'Each of user_tags on an image needs x and y from 0.0 to 1.0';
      tags.push(video ? { username: t.username } : { username: t.username, x, y });
    }
    out.userTags = tags;
  }
  const location = param('location_id');
  if (location !== undefined) {
    if (carouselItem) return 'The parameter location_id goes on the carousel, not on its items';
    if (!/^\d+$/.test(scalarText(location))) return 'The parameter location_id must be the ID of a Page with a location';
    out.locationId = scalarText(location);
  }
  const collaborators = param('collaborators');
  if (collaborators !== undefined) {
    if (carouselItem || kind === 'STORIES') return onlyFor('collaborators', 'IMAGE, REELS or CAROUSEL');
    const list = jsonList(collaborators);
    if (!list || list.length === 0 || list.length > MAX_COLLABORATORS || !list.every((u) => typeof u === 'string' && USERNAME.test(u)))
      return `The parameter collaborators must list 1 to ${MAX_COLLABORATORS} usernames`;
    out.collaborators = list as string[];
  }
  const cover = param('cover_url');
  if (cover !== undefined) {
    if (kind !== 'REELS') return onlyFor('cover_url', 'REELS');
    if (!isUrl(cover)) return 'The parameter cover_url must be a URL';
    out.coverUrl = cover;
  }
  const offset = param('thumb_offset');
  if (offset !== undefined) {
    if (!video) return onlyFor('thumb_offset', 'VIDEO or REELS');
    const ms = Number(offset);
    if (!Number.isInteger(ms) || ms < 0) return 'The parameter thumb_offset must be a number of milliseconds';
    out.thumbOffset = ms;
  }
  const share = param('share_to_feed');
  if (share !== undefined) {
    if (kind !== 'REELS') return onlyFor('share_to_feed', 'REELS');
    const text = scalarText(share).toLowerCase();
    if (text !== 'true' && text !== 'false') return 'The parameter share_to_feed must be a boolean';
    out.shareToFeed = text === 'true';
  }
  const audio = param('audio_name');
  if (audio !== undefined) {
    if (kind !== 'REELS') return onlyFor('audio_name', 'REELS');
    if (typeof audio !== 'string' || audio.trim() === '') return 'The parameter audio_name must be a non-empty string';
    out.audioName = audio;
  }
  return out;
}

/** What the thumbnail is made from: the cover, the frame at thumb_offset, or the first frame. */
export function thumbnailKey(mediaId: string, options: IgPublishOptions | undefined): string {
  if (options?.coverUrl) return `${mediaId}:cover:${options.coverUrl}`;
  return options?.thumbOffset ? `${mediaId}:thumb:${options.thumbOffset}` : `${mediaId}:thumb`;
}

/** GET /{ig-media-id}/collaborators: the invited accounts (nobody in the sim answers an invite). */
export function collaboratorsEdge(options: IgPublishOptions | undefined): Record<string, unknown> {
  return {
    data: (options?.collaborators ?? []).map((username) => ({ id: mediaNumber(`ig-user:${username}`).padEnd(17, '0'), username, invite_status: 'Pending' })),
  };
}

/** The options as the /_sim/received record shows them (request parameter names). */
export function optionsRecord(options: IgPublishOptions | undefined): Record<string, unknown> {
  if (!options) return {};
  const out: Record<string, unknown> = {};
  if (options.userTags) out.user_tags = options.userTags;
  if (options.locationId) out.location_id = options.locationId;
  if (options.collaborators) out.collaborators = options.collaborators;
  if (options.coverUrl) out.cover_url = options.coverUrl;
  if (options.thumbOffset !== undefined) out.thumb_offset = options.thumbOffset;
  if (options.shareToFeed !== undefined) out.share_to_feed = options.shareToFeed;
  if (options.audioName) out.audio_name = options.audioName;
  return out;
}
