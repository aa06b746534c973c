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
  /** The story it was published as (POST /{page}/photo_stories): no longer free for a post or another story. */
  storyId?: string;
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
  /** A reel or story video, uploaded through rupload between its start and finish phases. */
  flow?: FbVideoFlow;
}

/**
 * Where a reel (`POST /{page}/video_reels`) or video story (`/video_stories`) stands: bytes received
 * at the rupload URL, then the state its finish phase gave it. Its `status` field reports this.
 */
export interface FbVideoFlow {
  kind: 'reel' | 'story';
  /** `file_size` the first rupload request declared (undefined until then, or for a `file_url` upload). */
  size?: number;
  received: number;
  /** The first bytes, to tell a video container from anything else. */
  head: Buffer;
  /** Set by a `file_url` header instead of bytes (the sim fetches no URL). */
  fileUrl?: string;
  /** Set by the finish phase. */
  state?: 'PUBLISHED' | 'DRAFT' | 'SCHEDULED';
  finishedAt?: number;
}

/** A page story (`POST /{page}/photo_stories` or `/video_stories`), as `GET /{page}/stories` lists it. */
export interface FbStory {
  order: number;
  postId: string;
  createdAt: number;
  mediaType: 'photo' | 'video';
  mediaId: string;
}

/** The media of a photo or video post. */
export type FbPostMedia = { kind: 'photo'; photos: FbPhoto[] } | { kind: 'video'; video: FbVideo };
