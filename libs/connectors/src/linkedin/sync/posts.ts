import { arr, obj, type UnifiedRecord } from '@resonance/contracts';
import type { SyncPage } from '../../interfaces';
import type { SyncRun } from '../../sync-run';
import type { LinkedInClient } from '../client';
import { liTimeToIso, mapPost, nextStart } from '../mapper';

const POSTS_PAGE = 50;

/** The posts stream: the organization's posts within the window, newest first; `seen` gets each post's creation time. */
export async function* postPages(run: SyncRun<LinkedInClient>, seen: Map<string, string>): AsyncGenerator<SyncPage> {
  const { client, accountId: org, windowStart, now } = run;
  let start = 0;
  for (let round = 0; round < 200; round++) {
    const body = await client.get('/rest/posts', { q: 'author', author: org, sortBy: 'CREATED', start, count: POSTS_PAGE });
    const records: UnifiedRecord[] = [];
    let older = false;
    for (const raw of arr(obj(body).elements)) {
      const p = obj(raw);
      const createdIso = liTimeToIso(p.publishedAt) ?? liTimeToIso(p.createdAt);
      const created = createdIso ? Date.parse(createdIso) : undefined;
      if (created !== undefined && created < windowStart) {
        older = true;
        continue;
      }
      if (typeof p.id !== 'string') continue;
      seen.set(p.id, new Date(created ?? now.getTime()).toISOString());
      records.push(...mapPost(raw));
    }
    if (records.length) yield { stream: 'posts', records };
    const next = nextStart(body);
    if (older || next === null || next <= start) break;
    start = next;
  }
}
