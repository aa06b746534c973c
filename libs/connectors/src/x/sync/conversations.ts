import { obj, type JsonObject } from '@resonance/contracts';
import type { SyncPage } from '../../interfaces';
import type { SyncRun } from '../../sync-run';
import { TWEET_FIELDS, USER_FIELDS, type XClient } from '../client';
import { mapTweetsPage } from '../mapper';
import { idCompare, MAX_RESULTS, maxId, type PendingPass } from './paging';

interface TrackedConversation {
  createdAt: string;
  /** Replies newer than this id are still to be read. Starts at the post itself. */
  sinceId: string;
}
interface ConversationsCursor {
  tracked: Record<string, TrackedConversation>;
  /** A search pass over these conversations that ended early. */
  pending?: PendingPass & { ids: string[]; sinceId: string };
}

/** Recent search sees seven days back. */
const SEARCH_WINDOW_MS = 7 * 86_400_000 - 60_000;
/** Conversations per search query: 10 × "conversation_id:<19 digits>" joined by OR stays under the 512-character query limit. */
const CONVERSATIONS_PER_QUERY = 10;
const MAX_TRACKED = 200;

/** The conversations under the account's posts that this run watches (the own stream adds new ones). */
export interface WatchedConversations {
  /** The stream's state as the last run saved it. */
  stored: Partial<ConversationsCursor>;
  tracked: Record<string, TrackedConversation>;
  /** Their ids: a tweet in one of them belongs to the account's conversations. */
  ids: Set<string>;
  /** The oldest time recent search (and so this stream) still reaches. */
  searchFrom: number;
}

export function watchedConversations(run: SyncRun<XClient>): WatchedConversations {
  const stored = obj(run.state.conversations) as Partial<ConversationsCursor>;
  const tracked: Record<string, TrackedConversation> = { ...stored.tracked };
  return { stored, tracked, ids: new Set(Object.keys(tracked)), searchFrom: Math.max(run.windowStart, run.now.getTime() - SEARCH_WINDOW_MS) };
}

/** Conversations recent search can still see (and the newest ones, at most MAX_TRACKED). */
export function prune(tracked: Record<string, TrackedConversation>, from: number): Record<string, TrackedConversation> {
  const kept = Object.entries(tracked)
    .filter(([, t]) => Date.parse(t.createdAt) >= from)
    .sort((a, b) => idCompare(b[0], a[0]))
    .slice(0, MAX_TRACKED);
  return Object.fromEntries(kept);
}

/**
 * The conversations stream: replies under the account's posts that do not name it, by recent
 * search `conversation_id:A OR conversation_id:B …` with each conversation's own since_id, in
 * batches of one search query each (a pass that ended early goes first, from where it stopped).
 */
export async function* conversationPages(run: SyncRun<XClient>, watched: WatchedConversations): AsyncGenerator<SyncPage> {
  const { client, accountId } = run;
  const live = prune(watched.tracked, watched.searchFrom);
  const ids = Object.keys(live).sort((a, b) => idCompare(live[a].sinceId, live[b].sinceId));
  const batches: Array<{ ids: string[]; sinceId: string; pending?: PendingPass }> = [];
  const stored = watched.stored.pending;
  const pending = stored?.ids.every((id) => live[id]) ? stored : undefined;
  if (pending) batches.push({ ids: pending.ids, sinceId: pending.sinceId, pending });
  const rest = ids.filter((id) => !pending?.ids.includes(id));
  for (let i = 0; i < rest.length; i += CONVERSATIONS_PER_QUERY) {
    const batch = rest.slice(i, i + CONVERSATIONS_PER_QUERY);
    batches.push({ ids: batch, sinceId: batch.map((id) => live[id].sinceId).reduce((a, b) => (idCompare(a, b) <= 0 ? a : b)) });
  }
  for (const batch of batches) {
    let token = batch.pending?.token;
    let newest = batch.pending?.newest;
    for (;;) {
      const body: JsonObject = await client.get('GET /2/tweets/search/recent', '2/tweets/search/recent', {
        query: batch.ids.map((id) => `conversation_id:${id}`).join(' OR '),
        since_id: batch.sinceId,
        max_results: MAX_RESULTS,
        'tweet.fields': TWEET_FIELDS,
        expansions: 'author_id,referenced_tweets.id',
        'user.fields': USER_FIELDS,
        next_token: token,
      });
      const meta = obj(body.meta);
      if (typeof meta.newest_id === 'string') newest = maxId(newest, meta.newest_id);
      const records = mapTweetsPage(body, { accountId, ownConversations: watched.ids }).filter((r) => r.kind === 'message');
      token = typeof meta.next_token === 'string' ? meta.next_token : undefined;
      if (token) {
        yield {
          stream: 'conversations',
          records,
          commit: { conversations: { tracked: { ...live }, pending: { ids: batch.ids, sinceId: batch.sinceId, token, newest } } satisfies ConversationsCursor },
        };
        continue;
      }
      if (newest) for (const id of batch.ids) live[id] = { ...live[id], sinceId: maxId(live[id].sinceId, newest) ?? newest };
      yield { stream: 'conversations', records, commit: { conversations: { tracked: { ...live } } satisfies ConversationsCursor } };
      break;
    }
  }
}
