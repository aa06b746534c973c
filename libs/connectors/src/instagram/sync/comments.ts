import { arr, obj, str, type JsonObject, type MessageRecord } from '@resonance/contracts';
import type { StreamStates, SyncPage } from '../../interfaces';
import { trackCursors, type SyncRun } from '../../sync-run';
import type { InstagramClient } from '../client';
import { idOf, mapComment, mapCommentsPage } from '../mapper';
import type { SeenMedia } from './media';

export interface MediaCursor {
  createdAt: string;
  /** Comment count when this media was last read to the end. */
  count?: number;
  polledAt?: string;
}

export const COMMENT_FIELDS = 'id,text,timestamp,username,from{id,username},parent_id,hidden,media{id},user{id}';
const PAGE_LIMIT = 50;
const MAX_TRACKED_MEDIA = 200;
/** Every media item in the window is read again at least this often, whatever its count says. */
const RECONCILE_EVERY_MS = 15 * 60_000;
/** Bounds a looping cursor: far more pages than a media item's comments fill. */
const MAX_PAGES = 200;

/** The replies of one top-level comment beyond those its `replies{…}` expansion carried. */
async function* moreReplies(client: InstagramClient, parentId: string, next: string | undefined, ctx: { accountId: string; mediaId: string }) {
  let url = next;
  for (let round = 0; url && round < MAX_PAGES; round += 1) {
    const page: JsonObject = await client.getUrl(url);
    yield mapCommentsPage(page, ctx, { id: parentId }).filter((r): r is MessageRecord => r.kind === 'message');
    url = str(obj(page.paging).next);
  }
}

/**
 * The comments stream: the top-level comments of each media item whose count changed (or that is
 * due for reconciliation), with their replies (`replies{…}` and, past its first page,
 * /{comment}/replies). Instagram gives no order to rely on, so a media item is read to the end
 * (each page ends on `paging.next` absent, whatever cursors it carries) and then marked.
 */
export async function* commentPages(run: SyncRun<InstagramClient>, seen: SeenMedia): AsyncGenerator<SyncPage> {
  const { client, accountId, windowStart, now } = run;
  const { cursors, tracked } = trackCursors<MediaCursor>({
    stored: obj(run.state.comments) as Record<string, MediaCursor>,
    seen: [...seen].map(([id, m]) => [id, m.createdAt]),
    windowStart,
    max: MAX_TRACKED_MEDIA,
  });
  const snapshot = (): StreamStates => ({ comments: Object.fromEntries(Object.entries(cursors).map(([id, c]) => [id, { ...c }])) });

  for (const [mediaId, cursor] of tracked) {
    const count = seen.get(mediaId)?.count;
    const due = !cursor.polledAt || Date.parse(cursor.polledAt) < now.getTime() - RECONCILE_EVERY_MS;
    if (!due && count !== undefined && count === cursor.count) continue;
    // No (organic) comment on it: nothing to read — the list would only say so (comments on ads are never listed).
    if (count === 0) {
      Object.assign(cursor, { count, polledAt: now.toISOString() });
      continue;
    }
    const ctx = { accountId, mediaId };
    let page: JsonObject = await client.get(`${mediaId}/comments`, { fields: `${COMMENT_FIELDS},replies{${COMMENT_FIELDS}}`, limit: PAGE_LIMIT });
    for (let round = 0; ; round += 1) {
      const records: MessageRecord[] = [];
      for (const raw of arr(page.data)) {
        records.push(...mapComment(raw, ctx));
        const id = idOf(obj(raw).id);
        const repliesNext = str(obj(obj(obj(raw).replies).paging).next);
        if (id && repliesNext) for await (const more of moreReplies(client, id, repliesNext, ctx)) records.push(...more);
      }
      const next = str(obj(page.paging).next);
      if (!next || round >= MAX_PAGES) {
        cursor.count = count;
        cursor.polledAt = now.toISOString();
      }
      yield { stream: 'comments', records, commit: snapshot() };
      if (!next || round >= MAX_PAGES) break;
      page = await client.getUrl(next);
    }
  }
  // Media that left the window are forgotten.
  yield { stream: 'comments', records: [], commit: snapshot() };
}
