import type { SyncInput, SyncPage } from '../../interfaces';
import { syncRun } from '../../sync-run';
import { xingClient } from '../client';
import type { XingSettings } from '../settings';
import { commentPages } from './comments';
import { conversationPages } from './conversations';
import { updatePages, type SeenUpdates } from './updates';

/**
 * XING's sync streams, in the order they are stored:
 * - updates: the company's updates within the window, newest first, with their comment totals;
 * - comments: per update, its (flat, oldest-first) comments from the stored offset on; an update is
 *   read when its total grew, was never read, or is due for reconciliation (read again from 0);
 * - conversations: conversations updated since the watermark (newest first), each with its
 *   messages (newest first) back to the watermark.
 * Cursors travel with the page they follow (SyncPage.commit): saved only once it is stored.
 */
export const XING_STREAMS = ['updates', 'comments', 'conversations'] as const;

export async function* xingSyncPages(settings: XingSettings, input: SyncInput): AsyncGenerator<SyncPage> {
  const run = syncRun(xingClient(settings, input.ctx), input);
  const seen: SeenUpdates = new Map();
  yield* updatePages(run, seen);
  yield* commentPages(run, seen);
  yield* conversationPages(run);
}
