import type { SyncInput, SyncPage } from '../../interfaces';
import { syncRun } from '../../sync-run';
import { youtubeClient } from '../auth';
import type { YoutubeSettings } from '../settings';
import { commentPages } from './comments';
import { heldPages } from './held';
import { storedVideos, videoPages } from './videos';

/**
 * YouTube's sync streams, in the order they are stored (videos before the comments on them):
 * - videos: the channel's uploads playlist (newest first) within the window, read with their
 *   counters through videos.list; refreshed every few minutes, not every run (units are scarce);
 * - comments: commentThreads.list?allThreadsRelatedToChannelId&order=time, newest thread first.
 *   There is no "since": the walk stops at the first thread older than the newest one stored
 *   (minus an overlap). Replies beyond the ones embedded in a thread come from comments.list?parentId
 *   when the thread's totalReplyCount grew. New replies under older threads are found by a deep
 *   walk through the whole window every `reconcileEveryMs`.
 * - held: the comments YouTube holds for the channel's review (moderationStatus=heldForReview),
 *   read every few minutes (held.ts).
 * The watermark moves only when a walk finished, so a crash or a budget stop mid-walk reads the
 * missed pages again (the upsert stores them once).
 */
export const YOUTUBE_STREAMS = ['videos', 'comments', 'held'] as const;

export async function* youtubeSyncPages(settings: YoutubeSettings & { reconcileEveryMs: number }, input: SyncInput): AsyncGenerator<SyncPage> {
  const run = syncRun(youtubeClient(settings, input.ctx), input);
  const videos = storedVideos(run);
  yield* videoPages(run, videos);
  yield* commentPages(run, videos, settings.reconcileEveryMs);
  yield* heldPages(run, videos);
}
