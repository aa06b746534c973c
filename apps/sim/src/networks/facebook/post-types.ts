/**
 * What a page post carries beyond its text (imported by the store; depends on nothing, so the
 * store, the publish routes and the media library share it without an import cycle).
 */

/** A place Page a post is tagged at (`place`). */
export interface FbPlace {
  id: string;
  name: string;
  location: { city: string; country: string; latitude: number; longitude: number; street?: string; zip?: string };
}

/** targeting, feed_targeting, backdated_time, place and tags, as validated at publish time. */
export interface FbPostExtras {
  targeting?: Record<string, unknown>;
  feedTargeting?: Record<string, unknown>;
  backdatedAt?: number;
  backdatedGranularity?: string;
  place?: FbPlace;
  tags?: Array<{ id: string; name: string }>;
}

/** A photo uploaded to the page (`POST /{page}/photos`). */
export interface FbPhoto {
  id: string;
  order: number;
  createdAt: number;
  caption: string;
  /** Where the CDN serves it (the sim fetches no URL: a `url` upload keeps the URL it was given). */
  src: string;
  width: number;
  height: number;
  /** The post the photo is in; none for an unpublished photo meant for `attached_media`. */
  postId?: string;
  published: boolean;
  extras?: FbPostExtras;
  /** People (or text) tagged in the picture (`tags`), `alt_text_custom`, `no_story` and `temporary` (photo-extras.ts). */
  tags?: FbPhotoTag[];
  altText?: string;
  noStory?: boolean;
  temporary?: boolean;
}

/** One tag in a photo: a person (tag_uid) or free text (tag_text), at x/y per cent of the picture. */
export interface FbPhotoTag {
  user?: { id: string; name: string };
  text?: string;
  x?: number;
  y?: number;
  at: number;
}

/** A video uploaded to the page (`POST /{page}/videos`). */
export interface FbVideo {
  id: string;
  order: number;
  createdAt: number;
  title?: string;
  description: string;
  source: string;
  thumbnail: string;
  /** Seconds (the sim reads no file: a fixed length). */
  length: number;
  postId?: string;
  published: boolean;
  scheduledAt?: number;
  extras?: FbPostExtras;
}

/** The media of a photo or video post. */
export type FbPostMedia = { kind: 'photo'; photos: FbPhoto[] } | { kind: 'video'; video: FbVideo };
