import { arr, obj, str, type JsonObject, type UnifiedRecord } from '@resonance/contracts';
import type { SyncPage } from '../../interfaces';
import type { SyncRun } from '../../sync-run';
import { fbTimeToIso } from '../../facebook/mapper';
import type { InstagramClient } from '../client';
import { mapMentionedMedia } from '../mapper';

const TAG_FIELDS = 'id,caption,timestamp,permalink,username,media_type,media_url,thumbnail_url,comments_count';
const MAX_PAGES = 50;

/**
 * The mentions stream: media in which others tagged the account (GET /{ig-user-id}/tags), newest
 * first, within the window. Its last page may carry `cursors.after` without `next`: only `next`
 * means more. Comments that mention the account cannot be listed: they arrive by the `mentions`
 * webhook and are read one by one (mentioned_comment; `parse instagram mentions`).
 */
export async function* mentionPages(run: SyncRun<InstagramClient>): AsyncGenerator<SyncPage> {
  const { client, accountId, windowStart } = run;
  let body: JsonObject = await client.get(`${accountId}/tags`, { fields: TAG_FIELDS, limit: 50 });
  for (let round = 0; ; round += 1) {
    const records: UnifiedRecord[] = [];
    let older = false;
    for (const raw of arr(body.data)) {
      const createdAt = fbTimeToIso(obj(raw).timestamp);
      if (createdAt && Date.parse(createdAt) < windowStart) {
        older = true;
        continue;
      }
      records.push(...mapMentionedMedia(raw));
    }
    if (records.length) yield { stream: 'mentions', records };
    const next = str(obj(body.paging).next);
    if (older || !next || round >= MAX_PAGES) break;
    body = await client.getUrl(next);
  }
}
