import { arr, type JsonObject, obj, stringOnly, type UnifiedRecord } from '@resonance/contracts';
import { isConnectorError } from '../errors';
import type { ConnectorContext, StreamStates, SyncInput, SyncPage } from '../interfaces';
import { youtubeAccessToken } from './auth';
import { YoutubeClient } from './client';
import { mapCommentsPage, mapCommentThread, mapVideosPage, ytTimeToIso } from './mapper';
import type { YoutubeSettings } from './settings';

/**
 * YouTube's sync streams, in the order they are stored (videos before the comments on them):
 * - videos: the channel's uploads playlist (newest first) within the window, read with their
 *   counters through videos.list; refreshed every few minutes, not every run (units are scarce);
 * - comments: commentThreads.list?allThreadsRelatedToChannelId&order=time, newest thread first.
 *   There is no "since": the walk stops at the first thread older than the newest one stored
 *   (minus an overlap). Replies beyond the ones embedded in a thread come from comments.list?parentId
 *   when the thread's totalReplyCount grew. New replies under older threads are found by a deep
 *   walk through the whole window every `reconcileEveryMs`.
 * The watermark moves only when a walk finished, so a crash or a budget stop mid-walk reads the
 * missed pages again (the upsert stores them once).
 */
export const YOUTUBE_STREAMS = ['videos', 'comments'] as const;

interface VideosCursor {
  uploads?: string;
  refreshedAt?: string;
  /** Videos stored as posts (newest first): a thread on any other video reads that video first. */
  ids?: string[];
}

interface ThreadSeen {
  /** totalReplyCount when the thread's replies were last read in full. */
  n: number;
  /** The top-level comment's time. */
  t: string;
}

export interface CommentsCursor {
  newest?: string;
  reconciledAt?: string;
  threads?: Record<string, ThreadSeen>;
  /**
   * A walk that stopped before its end (quota plan, failure, crash after a stored page): where it
   * goes on, so a channel short of units still gets through a long walk instead of re-reading its
   * first pages on every run.
   */
  walk?: { pageToken: string; newest: string | null; deep: boolean };
}

const THREAD_PAGE = 100;
const REPLY_PAGE = 100;
const VIDEO_PAGE = 50;
const MAX_VIDEOS = 200;
const MAX_TRACKED_THREADS = 5_000;
const VIDEOS_EVERY_MS = 10 * 60_000;
/** Comments can become visible a moment after their publishedAt (held for review, clock skew). */
const OVERLAP_MS = 2 * 60_000;

export function youtubeClient(settings: YoutubeSettings, ctx: ConnectorContext): YoutubeClient {
  return new YoutubeClient({ settings, accessToken: youtubeAccessToken(ctx.credentials), budget: ctx.budget });
}

export async function* youtubeSyncPages(settings: YoutubeSettings & { reconcileEveryMs: number }, input: SyncInput): AsyncGenerator<SyncPage> {
  const { ctx, now, backfillSince } = input;
  const client = youtubeClient(settings, ctx);
  const videos: VideosCursor = { ...(obj(input.state.videos) as VideosCursor) };
  yield* videoPages(client, ctx.account.externalId, videos, backfillSince.getTime(), now);
  yield* commentPages(client, ctx.account.externalId, obj(input.state.comments) as CommentsCursor, videos, { windowStart: backfillSince.getTime(), now, reconcileEveryMs: settings.reconcileEveryMs });
}

/** Reads the uploads into posts when due; `cursor` is updated in place (the comments stream extends it). */
async function* videoPages(client: YoutubeClient, channelId: string, cursor: VideosCursor, windowStart: number, now: Date): AsyncGenerator<SyncPage> {
  if (cursor.refreshedAt && now.getTime() - Date.parse(cursor.refreshedAt) < VIDEOS_EVERY_MS) return;
  let uploads = cursor.uploads;
  if (!uploads) {
    const ch: JsonObject = await client.list('channels', { part: 'contentDetails', id: channelId });
    uploads = stringOnly(obj(obj(obj(arr(ch.items)[0]).contentDetails).relatedPlaylists).uploads);
  }
  const ids: string[] = [];
  let pageToken: string | undefined;
  while (uploads && ids.length < MAX_VIDEOS) {
    let page: JsonObject;
    try {
      page = await client.list('playlistItems', { part: 'contentDetails', playlistId: uploads, maxResults: VIDEO_PAGE, pageToken });
    } catch (error) {
      // A channel that never uploaded has no uploads playlist: no videos, not a failure.
      if (isConnectorError(error) && error.code === 'NOT_FOUND') break;
      throw error;
    }
    let older = false;
    for (const item of arr(page.items)) {
      const d = obj(obj(item).contentDetails);
      const published = Date.parse(ytTimeToIso(d.videoPublishedAt) ?? '');
      if (Number.isFinite(published) && published < windowStart) {
        older = true;
        break;
      }
      const id = stringOnly(d.videoId);
      if (id) ids.push(id);
    }
    pageToken = stringOnly(page.nextPageToken);
    if (older || !pageToken) break;
  }
  for (let i = 0; i < ids.length; i += VIDEO_PAGE) yield { stream: 'videos', records: await readVideos(client, ids.slice(i, i + VIDEO_PAGE)) };
  if (uploads) cursor.uploads = uploads;
  cursor.refreshedAt = now.toISOString();
  cursor.ids = ids;
  yield { stream: 'videos', records: [], commit: { videos: { ...cursor } } };
}

/** videos.list for up to 50 ids → posts with their counters. */
async function readVideos(client: YoutubeClient, ids: string[]): Promise<UnifiedRecord[]> {
  const body = await client.list('videos', { part: 'snippet,statistics', id: ids.join(','), maxResults: VIDEO_PAGE });
  return mapVideosPage(body).filter((r) => r.kind === 'post');
}

async function* commentPages(
  client: YoutubeClient,
  channelId: string,
  cursor: CommentsCursor,
  videos: VideosCursor,
  { windowStart, now, reconcileEveryMs }: { windowStart: number; now: Date; reconcileEveryMs: number },
): AsyncGenerator<SyncPage> {
  const knownVideos = new Set(videos.ids ?? []);
  const added: string[] = [];
  const threads: Record<string, ThreadSeen> = {};
  for (const [id, seen] of Object.entries(cursor.threads ?? {})) if (Date.parse(seen.t) >= windowStart) threads[id] = seen;
  const stored = cursor.newest ? Date.parse(cursor.newest) : NaN;
  const resumed = cursor.walk;
  const deep = resumed?.deep ?? (!Number.isFinite(stored) || !cursor.reconciledAt || now.getTime() - Date.parse(cursor.reconciledAt) >= reconcileEveryMs);
  const stopBefore = deep ? windowStart : stored - OVERLAP_MS;
  let newest = Math.max(Number.isFinite(stored) ? stored : 0, resumed?.newest ? Date.parse(resumed.newest) : 0);
  let pageToken: string | undefined = resumed?.pageToken;

  const snapshot = (done: boolean): StreamStates => {
    const kept = Object.entries(threads)
      .sort((a, b) => b[1].t.localeCompare(a[1].t))
      .slice(0, MAX_TRACKED_THREADS);
    const next: CommentsCursor = { threads: Object.fromEntries(kept) };
    const watermark = done && newest > 0 ? new Date(newest).toISOString() : cursor.newest;
    if (watermark) next.newest = watermark;
    const reconciledAt = done && deep ? now.toISOString() : cursor.reconciledAt;
    if (reconciledAt) next.reconciledAt = reconciledAt;
    if (!done && pageToken) next.walk = { pageToken, newest: newest > 0 ? new Date(newest).toISOString() : null, deep };
    return { comments: next, videos: { ...videos, ids: [...added, ...(videos.ids ?? [])].slice(0, MAX_VIDEOS) } };
  };

  for (;;) {
    const query = { part: 'snippet,replies', allThreadsRelatedToChannelId: channelId, order: 'time', maxResults: THREAD_PAGE, textFormat: 'plainText' };
    let body: JsonObject;
    try {
      body = await client.list('commentThreads', { ...query, pageToken });
    } catch (error) {
      // A stored page token Google no longer accepts: the walk starts again from the newest thread.
      if (!(pageToken && pageToken === resumed?.pageToken && isConnectorError(error) && error.code === 'INVALID_REQUEST')) throw error;
      pageToken = undefined;
      body = await client.list('commentThreads', query);
    }
    const records: UnifiedRecord[] = [];
    let older = false;
    for (const raw of arr(body.items)) {
      const t = obj(raw);
      const snippet = obj(t.snippet);
      const id = stringOnly(t.id);
      const at = ytTimeToIso(obj(obj(snippet.topLevelComment).snippet).publishedAt);
      if (!id || !at) continue;
      if (Date.parse(at) < stopBefore) {
        // Threads come newest first: everything after this one is older still.
        older = true;
        break;
      }
      newest = Math.max(newest, Date.parse(at));
      records.push(...mapCommentThread(raw));
      const total = typeof snippet.totalReplyCount === 'number' ? snippet.totalReplyCount : 0;
      const embedded = arr(obj(t.replies).comments).length;
      if (total > embedded && threads[id]?.n !== total) {
        try {
          records.push(...(await replies(client, id, stringOnly(snippet.videoId) ?? null)));
        } catch (error) {
          // Keep what this page got so far (threads whose replies were read are marked so): the
          // next run reads the page again but only the replies still missing.
          // Comments on videos not stored yet wait for that page's full read (posts go first).
          const ready = records.filter((r) => r.kind !== 'message' || !r.postExternalId || knownVideos.has(r.postExternalId));
          if (isConnectorError(error) && ready.length === records.length) yield { stream: 'comments', records: ready, commit: snapshot(false) };
          throw error;
        }
      }
      threads[id] = { n: total, t: at };
    }
    // Videos uploaded since the last read of the uploads (or beyond it): stored before their comments.
    const unseen = [...new Set(records.flatMap((r) => (r.kind === 'message' && r.postExternalId && !knownVideos.has(r.postExternalId) ? [r.postExternalId] : [])))];
    for (let i = 0; i < unseen.length; i += VIDEO_PAGE) {
      records.unshift(...(await readVideos(client, unseen.slice(i, i + VIDEO_PAGE))));
      for (const id of unseen.slice(i, i + VIDEO_PAGE)) {
        knownVideos.add(id);
        added.unshift(id);
      }
    }
    pageToken = stringOnly(body.nextPageToken);
    const done = older || !pageToken;
    yield { stream: 'comments', records, commit: snapshot(done) };
    if (done) return;
  }
}

/** Every reply of one thread (comments.list?parentId), page by page. */
async function replies(client: YoutubeClient, parentId: string, videoId: string | null): Promise<UnifiedRecord[]> {
  const out: UnifiedRecord[] = [];
  let pageToken: string | undefined;
  for (;;) {
    const body: JsonObject = await client.list('comments', { part: 'snippet', parentId, maxResults: REPLY_PAGE, textFormat: 'plainText', pageToken });
    out.push(...mapCommentsPage(body, { parentId, videoId }).filter((r) => r.kind === 'message'));
    pageToken = stringOnly(body.nextPageToken);
    if (!pageToken) return out;
  }
}
