import { obj, type UnifiedRecord } from '@resonance/contracts';
import type { SyncPage } from '../../interfaces';
import type { SyncRun } from '../../sync-run';
import { XING_PAGE, type XingClient } from '../client';
import { listOf, mapContext, mapConversation, mapMessagesPage } from '../mapper';

/** Times have one-second resolution and items can appear a moment late. */
const OVERLAP_MS = 2 * 60_000;

/** The conversations stream: conversations updated since the watermark, with their new messages. */
export async function* conversationPages(run: SyncRun<XingClient>): AsyncGenerator<SyncPage> {
  const { client, ctx, windowStart } = run;
  const map = mapContext(ctx);
  const conv = obj(run.state.conversations) as { watermark?: string };
  const watermark = conv.watermark ? Date.parse(conv.watermark) : windowStart;
  const from = watermark - OVERLAP_MS;
  let newest = watermark;
  const userPath = typeof ctx.credentials.userId === 'string' ? ctx.credentials.userId : 'me';
  for (let offset = 0; ; offset += XING_PAGE) {
    const body = await client.get(`users/${userPath}/conversations`, { limit: XING_PAGE, offset });
    const { total, items } = listOf(body, 'conversations');
    let older = false;
    for (const raw of items) {
      const thread = mapConversation(raw);
      if (!thread) continue;
      const updated = Date.parse(thread.updatedAt ?? '');
      if (Number.isFinite(updated) && updated < from) {
        older = true;
        break;
      }
      if (Number.isFinite(updated)) newest = Math.max(newest, updated);
      const records: UnifiedRecord[] = [thread];
      for (let mOffset = 0; ; mOffset += XING_PAGE) {
        const messages = await client.get(`users/${userPath}/conversations/${thread.externalId}/messages`, { limit: XING_PAGE, offset: mOffset });
        const list = listOf(messages, 'messages');
        const mapped = mapMessagesPage(messages, { ...map, objectId: thread.externalId }).filter((r) => r.kind === 'message');
        records.push(...mapped);
        const last = mapped[mapped.length - 1];
        const oldest = last?.kind === 'message' ? Date.parse(last.createdAt) : NaN;
        if (list.items.length === 0 || list.total === undefined || mOffset + list.items.length >= list.total || (Number.isFinite(oldest) && oldest < from))
          break;
      }
      yield { stream: 'conversations', records };
    }
    if (older || items.length === 0 || total === undefined || offset + items.length >= total) break;
  }
  yield { stream: 'conversations', records: [], commit: { conversations: { watermark: new Date(newest).toISOString() } } };
}
