import type { UnifiedRecord } from '@resonance/contracts';
import type { SyncPage } from '../../interfaces';
import type { SyncRun } from '../../sync-run';
import { XING_PAGE, type XingClient } from '../client';
import { listOf, mapUpdate } from '../mapper';

/** The updates of this run's read: id → creation time and comment total (for the comments stream). */
export type SeenUpdates = Map<string, { createdAt: string; total: number }>;

/** The updates stream: the company's updates within the window, newest first, with their comment totals. */
export async function* updatePages(run: SyncRun<XingClient>, seen: SeenUpdates): AsyncGenerator<SyncPage> {
  const { client, accountId: companyId, windowStart } = run;
  for (let offset = 0; ; offset += XING_PAGE) {
    const body = await client.get(`companies/${companyId}/updates`, { limit: XING_PAGE, offset });
    const { total, items } = listOf(body, 'updates');
    const records: UnifiedRecord[] = [];
    let older = false;
    for (const raw of items) {
      const post = mapUpdate(raw);
      if (!post) continue;
      if (Date.parse(post.publishedAt) < windowStart) {
        older = true;
        continue;
      }
      seen.set(post.externalId, { createdAt: post.publishedAt, total: post.counts?.comments ?? Number.MAX_SAFE_INTEGER });
      records.push(post);
    }
    if (records.length) yield { stream: 'updates', records };
    if (older || items.length === 0 || total === undefined || offset + items.length >= total) break;
  }
}
