import { createHash } from 'node:crypto';
import type { GeneratedCustomer, GeneratedItem } from '../../generator';

/**
 * The YouTube channel's world: videos, comment threads (a top-level comment and its replies: two
 * levels, as on YouTube) on videos or on the channel itself, as generated or written through the
 * API. Lists are append-only in insertion order, which is also time order.
 */
export interface YtAuthor {
  channelId: string;
  name: string;
}

export interface YtVideo {
  id: string;
  order: number;
  publishedAt: number;
  title: string;
  description: string;
  views: number;
  likes: number;
  threads: YtThread[];
  /** Ratings by channel (videos.rate); a like is also in `likes`. */
  ratings?: Map<string, 'like' | 'dislike'>;
  /** What videos.insert and videos.update set; absent on generated videos (public, People & Blogs). */
  meta?: YtVideoMeta;
  /** Set by videos.insert: the uploaded file. */
  file?: { name: string; size: number; mimeType: string };
  /** Set by thumbnails.set: the custom thumbnail's type and size. */
  thumbnail?: { mimeType: string; size: number; version: number };
  /** Caption tracks uploaded with captions.insert (gone with the video). */
  captions?: YtCaption[];
  /** How YouTube's handling of the upload ended when not well (set through /_sim/youtube/uploads). */
  outcome?: YtUploadOutcome;
}

/** status.uploadStatus failed/rejected with its reason, processingDetails.processingStatus failed/terminated with its reason. */
export interface YtUploadOutcome {
  uploadStatus?: 'failed' | 'rejected';
  failureReason?: string;
  rejectionReason?: string;
  processingStatus?: 'failed' | 'terminated';
  processingFailureReason?: string;
}

/** A caption track (captions.insert): its metadata and the cues of the uploaded file. */
export interface YtCaption {
  id: string;
  video: YtVideo;
  language: string;
  name: string;
  isDraft: boolean;
  audioTrackType: 'unknown' | 'primary' | 'commentary' | 'descriptive';
  isCC: boolean;
  isEasyReader: boolean;
  lastUpdated: number;
  /** The file as uploaded and the format it was read as (download without tfmt answers it unchanged). */
  file: { data: string; format: CaptionFormat };
  cues: CaptionCue[];
}

export type CaptionFormat = 'srt' | 'vtt' | 'sbv' | 'ttml' | 'scc' | 'text';

/** One cue: milliseconds from the start and its text (lines joined by \n). */
export interface CaptionCue {
  start: number;
  end: number;
  text: string;
}

/** The writable snippet and status properties of a video (videos.insert, videos.update). */
export interface YtVideoMeta {
  categoryId: string;
  tags: string[];
  defaultLanguage?: string;
  privacyStatus: 'public' | 'unlisted' | 'private';
  /** Scheduled publication (only on a private video): it turns public at this time. */
  publishAt?: number;
  embeddable: boolean;
  license: 'youtube' | 'creativeCommon';
  publicStatsViewable: boolean;
  selfDeclaredMadeForKids: boolean;
  containsSyntheticMedia?: boolean;
  /** The localizations part: title and description per language (needs defaultLanguage). */
  localizations?: Record<string, YtLocalization>;
  /** The recordingDetails part, as written. */
  recordingDetails?: YtRecordingDetails;
}

export interface YtLocalization {
  title: string;
  description: string;
}

export interface YtRecordingDetails {
  /** RFC 3339, as written. */
  recordingDate?: string;
  location?: { latitude: number; longitude: number; altitude?: number };
  locationDescription?: string;
}

export interface YtComment {
  id: string;
  order: number;
  thread: YtThread;
  /** null for the top-level comment. */
  parentId: string | null;
  author: YtAuthor;
  fromChannel: boolean;
  text: string;
  publishedAt: number;
  likeCount: number;
  /** Set when its author edited it (comments.update). */
  updatedAt?: number;
  /** Set by comments.setModerationStatus; absent: published. */
  moderationStatus?: 'published' | 'heldForReview' | 'rejected';
}

export interface YtThread {
  id: string;
  order: number;
  /** null: a comment on the channel itself (no video), an older kind YouTube still lists. */
  video: YtVideo | null;
  top: YtComment;
  replies: YtComment[];
}

/** Every tenth top-level comment is written on the channel rather than under a video. */
const CHANNEL_LEVEL_EVERY = 10;
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A YouTube-looking id (base64url characters) derived from a seed: stable across runs. */
export function ytId(seed: string, length: number): string {
  const digest = createHash('sha256').update(seed).digest();
  let out = '';
  for (let i = 0; i < length; i++) out += ID_ALPHABET[digest[i % digest.length] % 64];
  return out;
}

export class YoutubeStore {
  readonly videos: YtVideo[] = [];
  /** Threads in insertion (= top-level time) order. */
  readonly threads: YtThread[] = [];
  private readonly videosById = new Map<string, YtVideo>();
  private readonly videosBySeq = new Map<number, YtVideo>();
  private readonly threadsById = new Map<string, YtThread>();
  private readonly commentsById = new Map<string, YtComment>();
  private readonly commentsBySeq = new Map<number, YtComment>();
  private order = 0;
  private apiSerial = 0;
  readonly channel: YtAuthor;

  constructor(
    channelId: string,
    channelName: string,
    private readonly seed: number,
  ) {
    this.channel = { channelId, name: channelName };
  }

  video(id: string): YtVideo | undefined {
    return this.videosById.get(id);
  }

  thread(id: string): YtThread | undefined {
    return this.threadsById.get(id);
  }

  comment(id: string): YtComment | undefined {
    return this.commentsById.get(id);
  }

  /** Authors banned from the channel's comments (setModerationStatus banAuthor=true). */
  readonly bannedAuthors = new Set<string>();

  /** videos.insert as the channel: a new video, first in the uploads. */
  addApiVideo(init: { title: string; description: string; at: number; meta: YtVideoMeta; file: YtVideo['file'] }): YtVideo {
    const video: YtVideo = {
      id: ytId(`${this.seed}:upload:${++this.apiSerial}`, 11),
      order: ++this.order,
      publishedAt: init.at,
      title: init.title,
      description: init.description,
      views: 0,
      likes: 0,
      threads: [],
      meta: init.meta,
      file: init.file,
    };
    this.videos.push(video);
    this.videosById.set(video.id, video);
    return video;
  }

  /** videos.delete: the video, its comment threads and their comments are gone from every read. */
  removeVideo(v: YtVideo): void {
    for (const t of [...v.threads]) this.removeComment(t.top);
    this.videosById.delete(v.id);
    // Comments the generator still makes for a deleted video have nowhere to go: they are dropped.
    for (const [seq, video] of this.videosBySeq) if (video === v) this.videosBySeq.delete(seq);
    const at = this.videos.indexOf(v);
    if (at >= 0) this.videos.splice(at, 1);
  }

  /** comments.delete: the comment is gone from every read (a top-level comment takes its thread's replies with it). */
  removeComment(c: YtComment): void {
    this.commentsById.delete(c.id);
    if (c.parentId === null) {
      for (const r of c.thread.replies) this.commentsById.delete(r.id);
      this.threadsById.delete(c.thread.id);
      for (const list of [this.threads, c.thread.video?.threads ?? []]) {
        const at = list.indexOf(c.thread);
        if (at >= 0) list.splice(at, 1);
      }
    } else {
      const i = c.thread.replies.indexOf(c);
      if (i >= 0) c.thread.replies.splice(i, 1);
    }
  }

  /** A new id for an object written through the API (playlists, playlist items, captions share the uploads' serial). */
  apiId(kind: string, length: number): string {
    return ytId(`${this.seed}:${kind}:${++this.apiSerial}`, length);
  }

  /** The highest counter this store has put in an id or cursor (a restarted world continues above it). */
  get idHighWater(): number {
    return Math.max(this.order, this.apiSerial);
  }

  /** Continues numbering above `floor`, so a restarted world never reuses an id. */
  resumeAbove(floor: number): void {
    this.order = Math.max(this.order, floor);
    this.apiSerial = Math.max(this.apiSerial, floor);
  }

  customer(c: GeneratedCustomer): YtAuthor {
    return { channelId: `UC${ytId(`customer:${c.index}`, 22)}`, name: c.name };
  }

  /** Adds one generated item (private messages do not exist on YouTube); returns what was created. */
  add(item: GeneratedItem): YtVideo | YtComment | undefined {
    if (item.kind === 'post') {
      const [title, ...rest] = item.text.split(/(?<=[.!?])\s+/);
      const video: YtVideo = {
        id: ytId(`${this.seed}:video:${item.seq}`, 11),
        order: ++this.order,
        publishedAt: item.createdAt,
        title: title.slice(0, 100),
        description: rest.join(' '),
        views: 0,
        likes: 0,
        threads: [],
      };
      this.videos.push(video);
      this.videosById.set(video.id, video);
      this.videosBySeq.set(item.seq, video);
      return video;
    }
    if (item.kind !== 'comment') return undefined;
    const video = this.videosBySeq.get(item.postSeq);
    if (!video) return undefined;
    const author = item.author ? this.customer(item.author) : this.channel;
    video.views += 7;
    if (item.seq % 3 === 0) video.likes += 1;
    if (item.parentSeq === null) {
      const onChannel = item.seq % CHANNEL_LEVEL_EVERY === 0;
      const comment = this.addThread(onChannel ? null : video, author, !item.author, item.text, item.createdAt, `${this.seed}:c:${item.seq}`);
      this.commentsBySeq.set(item.seq, comment);
      return comment;
    }
    const parent = this.commentsBySeq.get(item.parentSeq);
    if (!parent) return undefined;
    const reply = this.addReply(parent.thread, author, !item.author, item.text, item.createdAt, `${this.seed}:r:${item.seq}`);
    this.commentsBySeq.set(item.seq, reply);
    return reply;
  }

  /** commentThreads.insert as the channel: a new top-level comment under a video. */
  addApiThread(video: YtVideo, text: string, at: number): YtComment {
    return this.addThread(video, this.channel, true, text, at, `${this.seed}:api:${++this.apiSerial}`);
  }

  /** comments.insert as the channel: a reply under the thread's top-level comment. */
  addApiReply(thread: YtThread, text: string, at: number): YtComment {
    return this.addReply(thread, this.channel, true, text, at, `${this.seed}:api:${++this.apiSerial}`);
  }

  private addThread(video: YtVideo | null, author: YtAuthor, fromChannel: boolean, text: string, at: number, idSeed: string): YtComment {
    // Top-level comment ids: 26 characters ending in "AaABAg", like the real ones.
    const id = `Ug${ytId(idSeed, 18)}4AaABAg`;
    const thread = { id, order: ++this.order, video } as YtThread;
    const top: YtComment = { id, order: thread.order, thread, parentId: null, author, fromChannel, text, publishedAt: at, likeCount: 0 };
    thread.top = top;
    thread.replies = [];
    this.threads.push(thread);
    this.threadsById.set(id, thread);
    this.commentsById.set(id, top);
    video?.threads.push(thread);
    return top;
  }

  private addReply(thread: YtThread, author: YtAuthor, fromChannel: boolean, text: string, at: number, idSeed: string): YtComment {
    // Reply ids are the parent's id, a dot, and 22 characters of their own.
    const reply: YtComment = {
      id: `${thread.id}.${ytId(idSeed, 22)}`,
      order: ++this.order,
      thread,
      parentId: thread.id,
      author,
      fromChannel,
      text,
      publishedAt: at,
      likeCount: 0,
    };
    thread.replies.push(reply);
    this.commentsById.set(reply.id, reply);
    return reply;
  }
}
