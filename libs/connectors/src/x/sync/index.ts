import type { SyncInput, SyncPage } from '../../interfaces';
import { syncRun } from '../../sync-run';
import { xClient } from '../auth';
import type { XSettings } from '../settings';
import { conversationPages, watchedConversations } from './conversations';
import { dmPages } from './dms';
import { mentionPages } from './mentions';
import { ownTweetPages } from './own';

/**
 * X's sync streams, in the order they are stored:
 * - own: the account's own tweets (GET /2/users/:id/tweets since_id): its posts, which root the
 *   conversations to watch, and its native replies anywhere (responses);
 * - mentions: GET /2/users/:id/mentions since_id — every tweet that names the account;
 * - conversations: replies under the account's posts that do not name it, by recent search
 *   `conversation_id:A OR conversation_id:B …` with each conversation's own since_id;
 * - dms: GET /2/dm_events (newest first) back to the newest event already stored.
 * X pages with next_token inside one since_id snapshot, so a stream's new since_id is committed
 * with its last page, after every page before it was stored; a crash re-reads from the old one.
 */
export const X_STREAMS = ['own', 'mentions', 'conversations', 'dms'] as const;

export async function* xSyncPages(settings: XSettings, input: SyncInput): AsyncGenerator<SyncPage> {
  const run = syncRun(xClient(settings, input.ctx), input);
  const watched = watchedConversations(run);
  yield* ownTweetPages(run, watched);
  yield* mentionPages(run, watched.ids);
  yield* conversationPages(run, watched);
  yield* dmPages(run);
}
