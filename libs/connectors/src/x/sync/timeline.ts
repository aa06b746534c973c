import { obj, type JsonObject } from '@resonance/contracts';
import type { SyncPage } from '../../interfaces';
import type { SyncRun } from '../../sync-run';
import { TWEET_FIELDS, USER_FIELDS, type XClient } from '../client';
import { mapTweetsPage } from '../mapper';
import { MAX_RESULTS, maxId, type PendingPass } from './paging';

export interface SinceCursor {
  sinceId?: string;
  pending?: PendingPass;
}

/**
 * Reads one timeline (own tweets or mentions) from since_id (or the window start), all pages,
 * resumable: X pages with next_token inside one since_id snapshot, so the new since_id is
 * committed with the last page, after every page before it was stored.
 */
export async function* timelinePages(
  run: SyncRun<XClient>,
  input: { stream: 'own' | 'mentions'; path: string; window: string; ownConversations: Set<string> },
): AsyncGenerator<SyncPage> {
  const since = obj(run.state[input.stream]) as SinceCursor;
  const { sinceId } = since;
  let token = since.pending?.token;
  let newest = since.pending?.newest ?? sinceId;
  for (;;) {
    const body: JsonObject = await run.client.get(input.window, input.path, {
      max_results: MAX_RESULTS,
      'tweet.fields': TWEET_FIELDS,
      expansions: 'author_id,referenced_tweets.id',
      'user.fields': USER_FIELDS,
      ...(sinceId ? { since_id: sinceId } : { start_time: new Date(run.windowStart).toISOString() }),
      pagination_token: token,
    });
    const meta = obj(body.meta);
    if (typeof meta.newest_id === 'string') newest = maxId(newest, meta.newest_id);
    const records = mapTweetsPage(body, { accountId: run.accountId, ownConversations: input.ownConversations }).filter((r) => r.kind !== 'page');
    token = typeof meta.next_token === 'string' ? meta.next_token : undefined;
    const cursor: SinceCursor = token ? { sinceId, pending: { token, newest } } : { sinceId: newest };
    yield { stream: input.stream, records, commit: { [input.stream]: cursor } };
    if (!token) return;
  }
}
