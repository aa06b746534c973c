import type { SyncInput, SyncPage } from '../../interfaces';
import { syncRun } from '../../sync-run';
import { facebookClient } from '../auth';
import type { FacebookSettings } from '../settings';
import { commentPages } from './comments';
import { conversationPages } from './conversations';
import { postPages, type SeenPosts } from './posts';

/**
 * Facebook's sync streams, in the order they must be stored (posts before the comments that
 * point at them):
 * - posts: the page feed within the window, newest first, with each post's comment count;
 * - comments: per post, the `filter=stream` comments (replies included) in chronological order,
 *   continued from the stored `after` cursor; a post is polled when its comment count changed,
 *   was never polled, or was last polled long ago (which also reconciles any gap);
 * - conversations: Messenger conversations updated since the watermark, newest first, each with
 *   its messages back to the watermark.
 * Cursors are handed out with the page they follow (SyncPage.commit), so they are saved only
 * after that page is stored.
 */
export const FACEBOOK_STREAMS = ['posts', 'comments', 'conversations'] as const;

export async function* facebookSyncPages(settings: FacebookSettings, input: SyncInput): AsyncGenerator<SyncPage> {
  const run = syncRun(facebookClient(settings, input.ctx), input);
  const seen: SeenPosts = new Map();
  yield* postPages(run, seen);
  yield* commentPages(run, seen);
  yield* conversationPages(run);
}
