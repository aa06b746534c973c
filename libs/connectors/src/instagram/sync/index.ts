import type { SyncInput, SyncPage } from '../../interfaces';
import { syncRun } from '../../sync-run';
import { instagramClient } from '../auth';
import type { InstagramSettings } from '../settings';
import { commentPages } from './comments';
import { conversationPages } from './conversations';
import { mediaPages, type SeenMedia } from './media';
import { mentionPages } from './mentions';

/**
 * Instagram's sync streams, in the order they must be stored (media before the comments that
 * point at them):
 * - media: the account's media within the window, newest first, with comment counts;
 * - comments: per media item whose count changed (or is due), its comments and their replies;
 * - mentions: media in which others tagged the account (/tags);
 * - conversations: direct conversations updated since the watermark, with their messages.
 * Cursors are handed out with the page they follow (SyncPage.commit), saved only once it is stored.
 */
export const INSTAGRAM_STREAMS = ['media', 'comments', 'mentions', 'conversations'] as const;

export async function* instagramSyncPages(settings: InstagramSettings, input: SyncInput): AsyncGenerator<SyncPage> {
  const run = syncRun(instagramClient(settings, input.ctx), input);
  const seen: SeenMedia = new Map();
  yield* mediaPages(run, seen);
  yield* commentPages(run, seen);
  yield* mentionPages(run);
  yield* conversationPages(run);
}
