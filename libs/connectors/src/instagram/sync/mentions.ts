import { arr, obj, str, type JsonObject, type UnifiedRecord } from '@resonance/contracts';
import type { SyncPage } from '../../interfaces';
import type { SyncRun } from '../../sync-run';
import { fbTimeToIso } from '../../facebook/mapper';
import type { InstagramClient } from '../client';
import { idOf, mapMentionedMedia, mapMentioningComments } from '../mapper';

const TAG_FIELDS = 'id,caption,timestamp,permalink,username,media_type,media_url,thumbnail_url,comments_count';
const REPLY_FIELDS = 'id,text,timestamp,username,from{id,username}';
const COMMENT_FIELDS = `id,text,timestamp,username,from{id,username},replies{${REPLY_FIELDS}}`;
const MAX_PAGES = 50;
/** The newest tagged media whose comments are read each run (one call each). */
const MAX_MEDIA_READ = 50;

/**
 * The mentions stream: media in which others tagged or named the account (GET /{ig-user-id}/tags),
 * newest first, within the window — and, through `mentioned_media.media_id(…){comments{…}}` (the
 * only way to read others' media), the comments there that name the account, each a mention thread
 * with its replies. The `mentions` webhook carries only ids: it starts a run of this stream. The
 * last /tags page may carry `cursors.after` without `next`: only `next` means more.
 */
export async function* mentionPages(run: SyncRun<InstagramClient>): AsyncGenerator<SyncPage> {
  const { client, accountId, windowStart } = run;
  const handle = str(obj(await client.get(accountId, { fields: 'username' })).username);
  let body: JsonObject = await client.get(`${accountId}/tags`, { fields: TAG_FIELDS, limit: 50 });
  let read = 0;
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
      const mediaId = idOf(obj(raw).id);
      if (!handle || !mediaId || read >= MAX_MEDIA_READ || obj(raw).comments_count === 0) continue;
      read += 1;
      const answer = obj(await client.get(accountId, { fields: `mentioned_media.media_id(${mediaId}){id,comments{${COMMENT_FIELDS}}}` }));
      records.push(...mapMentioningComments(answer.mentioned_media, { accountId }, handle));
    }
    if (records.length) yield { stream: 'mentions', records };
    const next = str(obj(body.paging).next);
    if (older || !next || round >= MAX_PAGES) break;
    body = await client.getUrl(next);
  }
}
