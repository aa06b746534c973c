import type { SyncPage } from '../../interfaces';
import type { SyncRun } from '../../sync-run';
import type { XClient } from '../client';
import { prune, type WatchedConversations } from './conversations';
import { timelinePages } from './timeline';

/**
 * The own stream: the account's own tweets (GET /2/users/:id/tweets since_id). Its posts start
 * conversations to watch (added to `watched`); its replies anywhere are responses.
 */
export async function* ownTweetPages(run: SyncRun<XClient>, watched: WatchedConversations): AsyncGenerator<SyncPage> {
  const { tracked, ids } = watched;
  for await (const page of timelinePages(run, {
    stream: 'own',
    path: `2/users/${run.accountId}/tweets`,
    window: 'GET /2/users/:id/tweets',
    ownConversations: ids,
  })) {
    for (const r of page.records) {
      if (r.kind === 'post' && !tracked[r.externalId]) {
        tracked[r.externalId] = { createdAt: r.publishedAt, sinceId: r.externalId };
        ids.add(r.externalId);
      }
    }
    // Conversations are saved with the posts that start them, so a crash loses none.
    yield {
      stream: page.stream,
      records: page.records,
      commit: { ...page.commit, conversations: { ...watched.stored, tracked: prune(tracked, watched.searchFrom) } },
    };
  }
}
