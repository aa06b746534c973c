import { mediaKey } from '../../core/media';
import type { Mp4Facts } from '../../core/mp4';

/**
 * The organization's uploaded videos and documents (Videos and Documents APIs, videos.ts and
 * documents.ts): the state the routes keep, apart from them so the account's state holds it
 * without importing the routes. Images keep their own store (image-store.ts).
 */

/** LinkedIn's upload part size: a video's bytes go up in parts of 4 MiB, the last one shorter. */
export const VIDEO_PART_BYTES = 4 * 1024 * 1024;

export interface LiVideo {
  id: string;
  urn: string;
  owner: string;
  createdAt: number;
  fileSizeBytes: number;
  /** The ETag answered for each part, by part index; null until that part arrived. */
  parts: Array<string | null>;
  uploadToken: string;
  thumbnail: boolean;
  captions: boolean;
  /** Set by finalizeUpload. */
  finalizedAt: number | null;
  /** Reads of the video since it was finalized: the first answers PROCESSING. */
  readsSinceFinalize: number;
  /** What its MP4 header says (core/mp4.ts), gathered from the parts as they arrive; empty for other bytes. */
  facts: Mp4Facts;
  /** Processing failed (the fault media_processing_failed hit its finalizeUpload): PROCESSING_FAILED after PROCESSING. */
  failed?: boolean;
}

export interface LiDocument {
  id: string;
  urn: string;
  owner: string;
  createdAt: number;
  bytes: number | null;
  uploadedAt: number | null;
  /** Reads since the bytes arrived: the first answers PROCESSING. */
  readsSinceUpload: number;
  /** Processing failed (the fault media_processing_failed hit its upload): PROCESSING_FAILED after PROCESSING. */
  failed?: boolean;
}

/** The statuses the Videos and Documents APIs document for an upload. */
export type MediaStatus = 'WAITING_UPLOAD' | 'PROCESSING' | 'AVAILABLE' | 'PROCESSING_FAILED';

/** How long LinkedIn takes to process a finalized video or an uploaded document, on the sim clock. */
export const PROCESSING_MS = 5_000;

export class LinkedInMedia {
  private readonly videos = new Map<string, LiVideo>();
  private readonly documents = new Map<string, LiDocument>();
  private serial = 0;

  video(urnOrId: string): LiVideo | undefined {
    return this.videos.get(urnOrId.replace(/^urn:li:video:/, ''));
  }

  document(urnOrId: string): LiDocument | undefined {
    return this.documents.get(urnOrId.replace(/^urn:li:document:/, ''));
  }

  // Ids like LinkedIn's (videos "C5F10AQ…", documents "D4D10AQ…"), from the serial and time so a restarted sim makes new ones.
  private id(prefix: string, at: number): string {
    return `${prefix}${mediaKey(`li-media:${++this.serial}:${at}`, 12).toUpperCase()}`;
  }

  createVideo(input: { owner: string; fileSizeBytes: number; thumbnail: boolean; captions: boolean }, at: number): LiVideo {
    const id = this.id('C5F10AQ', at);
    const video: LiVideo = {
      id,
      urn: `urn:li:video:${id}`,
      owner: input.owner,
      createdAt: at,
      fileSizeBytes: input.fileSizeBytes,
      parts: Array.from({ length: Math.max(1, Math.ceil(input.fileSizeBytes / VIDEO_PART_BYTES)) }, () => null),
      // A multi-part upload has a token that finalizeUpload must echo; a single part has an empty one.
      uploadToken: input.fileSizeBytes > VIDEO_PART_BYTES ? mediaKey(`li-upload-token:${id}`, 32) : '',
      thumbnail: input.thumbnail,
      captions: input.captions,
      finalizedAt: null,
      readsSinceFinalize: 0,
      facts: {},
    };
    this.videos.set(id, video);
    return video;
  }

  createDocument(owner: string, at: number): LiDocument {
    const id = this.id('D4D10AQ', at);
    const doc: LiDocument = { id, urn: `urn:li:document:${id}`, owner, createdAt: at, bytes: null, uploadedAt: null, readsSinceUpload: 0 };
    this.documents.set(id, doc);
    return doc;
  }

  /** The byte range of part `index` of a video. */
  static partRange(video: LiVideo, index: number): { firstByte: number; lastByte: number } {
    const firstByte = index * VIDEO_PART_BYTES;
    return { firstByte, lastByte: Math.min(video.fileSizeBytes, firstByte + VIDEO_PART_BYTES) - 1 };
  }

  /**
   * WAITING_UPLOAD until finalized; PROCESSING for the first read after finalizeUpload (or
   * PROCESSING_MS on the sim clock), then AVAILABLE — or PROCESSING_FAILED when processing failed.
   * `read` counts the read.
   */
  videoStatus(video: LiVideo, now: number, read: boolean): MediaStatus {
    if (video.finalizedAt === null) return 'WAITING_UPLOAD';
    const processing = video.readsSinceFinalize === 0 && now - video.finalizedAt < PROCESSING_MS;
    if (read) video.readsSinceFinalize += 1;
    return processing ? 'PROCESSING' : video.failed ? 'PROCESSING_FAILED' : 'AVAILABLE';
  }

  /** The same for a document, from the time its bytes arrived. */
  documentStatus(doc: LiDocument, now: number, read: boolean): MediaStatus {
    if (doc.uploadedAt === null) return 'WAITING_UPLOAD';
    const processing = doc.readsSinceUpload === 0 && now - doc.uploadedAt < PROCESSING_MS;
    if (read) doc.readsSinceUpload += 1;
    return processing ? 'PROCESSING' : doc.failed ? 'PROCESSING_FAILED' : 'AVAILABLE';
  }
}
