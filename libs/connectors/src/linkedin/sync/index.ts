import type { SyncInput, SyncPage } from '../../interfaces';
import { syncRun } from '../../sync-run';
import { linkedinClient } from '../auth';
import type { LinkedInSettings } from '../settings';
import { commentPages } from './comments';
import { postPages } from './posts';

/**
 * LinkedIn's sync streams, in the order they are stored (posts before their comments):
 * - posts: the organization's posts (/rest/posts?q=author, newest first) within the window;
 * - comments: per post, its comment count (/rest/socialActions/{post}) decides whether to read it;
 *   then its top-level comments (start/count paging, oldest first) and, for each top-level comment
 *   whose reply count changed, its replies (/rest/socialActions/{comment}/comments).
 * LinkedIn has no "since" on comments, so a post is read again from the start when its count
 * changed or every RECONCILE_EVERY_MS; the upsert is idempotent. Private messages: LinkedIn has
 * no API for page messages, so there is no such stream.
 */
export const LINKEDIN_STREAMS = ['posts', 'comments'] as const;

export async function* linkedinSyncPages(settings: LinkedInSettings, input: SyncInput): AsyncGenerator<SyncPage> {
  const run = syncRun(linkedinClient(settings, input.ctx), input);
  const seen = new Map<string, string>();
  yield* postPages(run, seen);
  yield* commentPages(run, seen);
}
