import { arr, obj, str, type JsonObject, type UnifiedRecord } from '@resonance/contracts';
import type { SyncPage } from '../../interfaces';
import type { SyncRun } from '../../sync-run';
import { fbTimeToIso } from '../../facebook/mapper';
import { messagingNode } from '../auth';
import type { InstagramClient } from '../client';
import { conversationCustomer, idOf, mapConversation, mapMessagesPage } from '../mapper';

interface ConversationsCursor {
  /** Conversations updated at or after this (minus the overlap) are read again. */
  watermark: string;
}

/** The defaults carry no text (only id, created_time, is_unsupported): the fields are asked for. */
// `story` (a reply to or mention in a story) and `shares` (a shared post) are fields of their own, not attachments.
export const MESSAGE_FIELDS = 'messages{id,created_time,from,to,message,attachments,story,shares}';
/** Graph times have one-second resolution and items can become visible a moment late. */
const OVERLAP_MS = 2 * 60_000;
const MAX_PAGES = 100;

/**
 * The conversations stream: Instagram conversations (`platform=instagram`) updated since the
 * watermark, newest first, each read with its participants and messages back to the watermark.
 */
export async function* conversationPages(run: SyncRun<InstagramClient>): AsyncGenerator<SyncPage> {
  const { client, accountId, windowStart } = run;
  const conv = obj(run.state.conversations) as Partial<ConversationsCursor>;
  const watermark = conv.watermark ? Date.parse(conv.watermark) : windowStart;
  const from = watermark - OVERLAP_MS;
  let newest = watermark;
  let list: JsonObject = await client.get(`${messagingNode(run.ctx)}/conversations`, { platform: 'instagram', fields: 'id,updated_time', limit: 25 });
  for (let round = 0; ; round += 1) {
    let older = false;
    for (const raw of arr(list.data)) {
      const updated = Date.parse(fbTimeToIso(obj(raw).updated_time) ?? '');
      if (Number.isFinite(updated) && updated < from) {
        older = true;
        break;
      }
      if (Number.isFinite(updated)) newest = Math.max(newest, updated);
      const id = idOf(obj(raw).id);
      if (!id) continue;
      const full: JsonObject = await client.get(id, { fields: `id,updated_time,participants,${MESSAGE_FIELDS}` });
      const customer = conversationCustomer(full, accountId);
      const records: UnifiedRecord[] = mapConversation({ ...full, messages: undefined }, { accountId });
      let messages = obj(full.messages);
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const mapped = mapMessagesPage(messages, { accountId }, customer).filter((r) => r.kind === 'message');
        records.push(...mapped);
        const last = mapped[mapped.length - 1];
        const oldest = last?.kind === 'message' ? Date.parse(last.createdAt) : NaN;
        const next = str(obj(messages.paging).next);
        if (!next || (Number.isFinite(oldest) && oldest < from)) break;
        messages = await client.getUrl(next);
      }
      yield { stream: 'conversations', records: records.filter((r) => r.kind !== 'hint') };
    }
    const next = str(obj(list.paging).next);
    if (older || !next || round >= MAX_PAGES) break;
    list = await client.getUrl(next);
  }
  yield { stream: 'conversations', records: [], commit: { conversations: { watermark: new Date(newest).toISOString() } satisfies ConversationsCursor } };
}
