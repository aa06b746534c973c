import { arr, obj, type JsonObject } from '@resonance/contracts';
import type { StreamStates, SyncPage } from '../../interfaces';
import { trackCursors, type SyncRun } from '../../sync-run';
import type { GraphClient } from '../client';
import { mapCommentsPage } from '../mapper';
import type { SeenPosts } from './posts';

export interface PostCursor {
  createdAt: string;
  /** Comments cursor: continue after this comment. */
  after?: string;
  /** Comment count when this post was last read to the end. */
  count?: number;
  polledAt?: string;
}

const PAGE_LIMIT = 100;
const MAX_TRACKED_POSTS = 200;
/** Every post in the window is read again at least this often, whatever its count says. */
const RECONCILE_EVERY_MS = 15 * 60_000;

/** The comments stream: the comments of the posts whose count changed (or that are due for reconciliation). */
export async function* commentPages(run: SyncRun<GraphClient>, seen: SeenPosts): AsyncGenerator<SyncPage> {
  const { client, accountId: pageId, windowStart, now } = run;
  const { cursors, tracked } = trackCursors<PostCursor>({
    stored: obj(run.state.comments) as Record<string, PostCursor>,
    seen: [...seen].map(([id, p]) => [id, p.createdAt]),
    windowStart,
    max: MAX_TRACKED_POSTS,
  });
  // Each cursor holds only strings and numbers: a copy per cursor is a deep copy (structuredClone
  // of up to MAX_TRACKED_POSTS cursors for every page of comments was a visible cost of a sync run).
  const snapshot = (): StreamStates => ({ comments: Object.fromEntries(Object.entries(cursors).map(([id, c]) => [id, { ...c }])) });

  for (const [postId, cursor] of tracked) {
    const count = seen.get(postId)?.count;
    const due = !cursor.polledAt || Date.parse(cursor.polledAt) < now.getTime() - RECONCILE_EVERY_MS;
    if (!due && count !== undefined && count === cursor.count) continue;
    let page: JsonObject = await client.get(`${postId}/comments`, {
      filter: 'stream',
      order: 'chronological',
      limit: PAGE_LIMIT,
      fields: 'id,message,created_time,from,parent{id},permalink_url,attachment',
      after: cursor.after,
    });
    for (;;) {
      const records = mapCommentsPage(page, { pageId, postId }).filter((r) => r.kind === 'message');
      const after = obj(obj(page.paging).cursors).after;
      if (typeof after === 'string' && arr(page.data).length) cursor.after = after;
      const more = typeof obj(page.paging).next === 'string';
      if (!more) {
        cursor.count = count;
        cursor.polledAt = now.toISOString();
      }
      yield { stream: 'comments', records, commit: snapshot() };
      if (!more) break;
      page = await client.getUrl(obj(page.paging).next as string);
    }
  }
  // Posts that left the window are forgotten.
  yield { stream: 'comments', records: [], commit: snapshot() };
}
