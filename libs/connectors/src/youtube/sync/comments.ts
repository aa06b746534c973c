import { arr, obj, stringOnly, type JsonObject, type UnifiedRecord } from '@resonance/contracts';
import { isConnectorError } from '../../errors';
import type { StreamStates, SyncPage } from '../../interfaces';
import type { SyncRun } from '../../sync-run';
import type { YoutubeClient } from '../client';
import { mapCommentsPage, mapCommentThread, ytTimeToIso } from '../mapper';
import { MAX_VIDEOS, readVideos, VIDEO_PAGE, type VideosCursor } from './videos';

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
const MAX_TRACKED_THREADS = 5_000;
/** Comments can become visible a moment after their publishedAt (held for review, clock skew). */
const OVERLAP_MS = 2 * 60_000;

/** The comments stream: one walk through the comment threads, newest first (see index.ts). */
export async function* commentPages(run: SyncRun<YoutubeClient>, videos: VideosCursor, reconcileEveryMs: number): AsyncGenerator<SyncPage> {
  const { client, accountId: channelId, windowStart, now } = run;
  const cursor = obj(run.state.comments) as CommentsCursor;
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
    const unseen = [
      ...new Set(records.flatMap((r) => (r.kind === 'message' && r.postExternalId && !knownVideos.has(r.postExternalId) ? [r.postExternalId] : []))),
    ];
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
