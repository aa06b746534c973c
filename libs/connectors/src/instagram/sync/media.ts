import { arr, obj, str, type JsonObject, type UnifiedRecord } from '@resonance/contracts';
import type { SyncPage } from '../../interfaces';
import type { SyncRun } from '../../sync-run';
import { fbTimeToIso } from '../../facebook/mapper';
import type { InstagramClient } from '../client';
import { idOf, mapMedia } from '../mapper';

/** The media of this run's read: id → creation time and comment count (for the comments stream). */
export type SeenMedia = Map<string, { createdAt: string; count: number | undefined }>;

export const MEDIA_FIELDS = 'id,caption,comments_count,like_count,media_type,media_url,thumbnail_url,permalink,timestamp';
const MEDIA_LIMIT = 50;

/**
 * The media stream: the account's media within the window, newest first, with their comment
 * counts. Ends on the first item older than the window or on a page without `paging.next`.
 */
export async function* mediaPages(run: SyncRun<InstagramClient>, seen: SeenMedia): AsyncGenerator<SyncPage> {
  const { client, accountId, windowStart, now } = run;
  let body: JsonObject = await client.get(`${accountId}/media`, { fields: MEDIA_FIELDS, limit: MEDIA_LIMIT });
  for (;;) {
    const records: UnifiedRecord[] = [];
    let older = false;
    for (const raw of arr(body.data)) {
      const createdAt = fbTimeToIso(obj(raw).timestamp);
      if (createdAt && Date.parse(createdAt) < windowStart) {
        older = true;
        continue;
      }
      const id = idOf(obj(raw).id);
      if (!id) continue;
      const commentCount = obj(raw).comments_count;
      seen.set(id, { createdAt: createdAt ?? now.toISOString(), count: typeof commentCount === 'number' ? commentCount : undefined });
      records.push(...mapMedia(raw));
    }
    if (records.length) yield { stream: 'media', records };
    const next = str(obj(body.paging).next);
    if (older || !next) break;
    body = await client.getUrl(next);
  }
}
