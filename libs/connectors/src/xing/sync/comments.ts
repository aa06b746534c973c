import { obj } from '@resonance/contracts';
import type { StreamStates, SyncPage } from '../../interfaces';
import { trackCursors, type SyncRun } from '../../sync-run';
import { XING_PAGE, type XingClient } from '../client';
import { listOf, mapCommentsPage, mapContext } from '../mapper';
import type { SeenUpdates } from './updates';

interface UpdateCursor {
  createdAt: string;
  /** Comments read so far (the next offset). */
  offset: number;
  polledAt?: string;
}

const MAX_TRACKED_UPDATES = 200;
/** Every update in the window is read again from the start this often (deleted comments shift offsets). */
const RECONCILE_EVERY_MS = 15 * 60_000;

/** The comments stream: the comments of updates whose total moved (or that are due). */
export async function* commentPages(run: SyncRun<XingClient>, seen: SeenUpdates): AsyncGenerator<SyncPage> {
  const { client, windowStart, now } = run;
  const map = mapContext(run.ctx);
  const { cursors, tracked } = trackCursors<UpdateCursor>({
    stored: obj(run.state.comments) as Record<string, UpdateCursor>,
    seen: [...seen].map(([id, u]) => [id, u.createdAt]),
    windowStart,
    max: MAX_TRACKED_UPDATES,
    initial: { offset: 0 },
  });
  const snapshot = (): StreamStates => ({ comments: structuredClone(cursors) });

  for (const [updateId, cursor] of tracked) {
    const due = !cursor.polledAt || now.getTime() - Date.parse(cursor.polledAt) >= RECONCILE_EVERY_MS;
    const total = seen.get(updateId)?.total;
    if (!due && total !== undefined && total <= cursor.offset) continue;
    if (due) cursor.offset = 0;
    for (;;) {
      const body = await client.get(`companies/updates/${updateId}/comments`, { limit: XING_PAGE, offset: cursor.offset });
      const { total: all, items } = listOf(body, 'comments');
      const records = mapCommentsPage(body, { ...map, objectId: updateId, offset: cursor.offset }).filter((r) => r.kind === 'message');
      cursor.offset += items.length;
      const done = items.length === 0 || all === undefined || cursor.offset >= all;
      if (done) cursor.polledAt = due ? now.toISOString() : (cursor.polledAt ?? now.toISOString());
      yield { stream: 'comments', records, commit: snapshot() };
      if (done) break;
    }
  }
  yield { stream: 'comments', records: [], commit: snapshot() };
}
