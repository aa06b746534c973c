import { arr, obj, type JsonObject, type UnifiedRecord } from '@resonance/contracts';
import type { SyncPage } from '../../interfaces';
import type { SyncRun } from '../../sync-run';
import type { GraphClient } from '../client';
import { conversationCustomer, fbTimeToIso, mapConversation, mapMessagesPage } from '../mapper';

interface ConversationsCursor {
  /** Conversations updated at or after this (minus the overlap) are read again. */
  watermark: string;
}

const PAGE_LIMIT = 100;
/** Graph times have one-second resolution and items can become visible a moment late. */
const OVERLAP_MS = 2 * 60_000;

/** The conversations stream: Messenger conversations updated since the watermark, and their new messages. */
export async function* conversationPages(run: SyncRun<GraphClient>): AsyncGenerator<SyncPage> {
  const { client, accountId: pageId, windowStart } = run;
  const conv = obj(run.state.conversations) as Partial<ConversationsCursor>;
  const watermark = conv.watermark ? Date.parse(conv.watermark) : windowStart;
  const from = watermark - OVERLAP_MS;
  let newest = watermark;
  let list: JsonObject = await client.get(`${pageId}/conversations`, { platform: 'messenger', fields: 'id,updated_time,unread_count,participants', limit: 25 });
  for (;;) {
    let older = false;
    for (const raw of arr(list.data)) {
      const updated = Date.parse(fbTimeToIso(obj(raw).updated_time) ?? '');
      if (Number.isFinite(updated) && updated < from) {
        older = true;
        break;
      }
      if (Number.isFinite(updated)) newest = Math.max(newest, updated);
      const customer = conversationCustomer(raw, pageId);
      const records: UnifiedRecord[] = mapConversation(raw, { pageId });
      let messages: JsonObject = await client.get(`${String(obj(raw).id)}/messages`, {
        fields: 'id,created_time,from,to,message,attachments',
        limit: PAGE_LIMIT,
      });
      for (;;) {
        const mapped = mapMessagesPage(messages, { pageId }, customer).filter((r) => r.kind === 'message');
        records.push(...mapped);
        const last = mapped[mapped.length - 1];
        const oldest = last?.kind === 'message' ? Date.parse(last.createdAt) : NaN;
        const more = typeof obj(messages.paging).next === 'string';
        if (!more || (Number.isFinite(oldest) && oldest < from)) break;
        messages = await client.getUrl(obj(messages.paging).next as string);
      }
      yield { stream: 'conversations', records };
    }
    const more = typeof obj(list.paging).next === 'string';
    if (older || !more) break;
    list = await client.getUrl(obj(list.paging).next as string);
  }
  yield { stream: 'conversations', records: [], commit: { conversations: { watermark: new Date(newest).toISOString() } satisfies ConversationsCursor } };
}
