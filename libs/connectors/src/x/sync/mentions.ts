import type { SyncPage } from '../../interfaces';
import type { SyncRun } from '../../sync-run';
import type { XClient } from '../client';
import { timelinePages } from './timeline';

/** The mentions stream: GET /2/users/:id/mentions since_id — every tweet that names the account. */
export function mentionPages(run: SyncRun<XClient>, ownConversations: Set<string>): AsyncGenerator<SyncPage> {
  return timelinePages(run, { stream: 'mentions', path: `2/users/${run.accountId}/mentions`, window: 'GET /2/users/:id/mentions', ownConversations });
}
