import { arr, obj, type JsonObject, type UnifiedRecord } from '@resonance/contracts';
import type { SyncPage } from '../../interfaces';
import type { SyncRun } from '../../sync-run';
import type { GraphClient } from '../client';
import { fbTimeToIso, mapPost } from '../mapper';

/** The posts of this run's feed read: id → creation time and comment count (for the comments stream). */
export type SeenPosts = Map<string, { createdAt: string; count: number | undefined }>;

const FEED_LIMIT = 50;

/** The posts stream: the page feed within the window (newest first), with their comment counts. */
export async function* postPages(run: SyncRun<GraphClient>, seen: SeenPosts): AsyncGenerator<SyncPage> {
  const { client, accountId: pageId, windowStart, now } = run;
  let body: JsonObject = await client.get(`${pageId}/feed`, {
    fields: 'id,message,story,created_time,permalink_url,from,shares,reactions.summary(true).limit(0),comments.filter(stream).summary(true).limit(0)',
    limit: FEED_LIMIT,
    since: Math.floor(windowStart / 1000),
  });
  for (;;) {
    const records: UnifiedRecord[] = [];
    let older = false;
    for (const raw of arr(body.data)) {
      const createdAt = fbTimeToIso(obj(raw).created_time);
      if (createdAt && Date.parse(createdAt) < windowStart) {
        older = true;
        continue;
      }
      const id = obj(raw).id;
      if (typeof id !== 'string') continue;
      const summary = obj(obj(obj(raw).comments).summary).total_count;
      seen.set(id, { createdAt: createdAt ?? now.toISOString(), count: typeof summary === 'number' ? summary : undefined });
      records.push(...mapPost(raw, { pageId }));
    }
    if (records.length) yield { stream: 'posts', records };
    const next = typeof obj(body.paging).next === 'string' ? (obj(body.paging).next as string) : null;
    if (older || !next) break;
    body = await client.getUrl(next);
  }
}
