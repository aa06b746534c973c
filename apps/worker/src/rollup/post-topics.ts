import type { DataSource } from 'typeorm';
import { postTopic } from '@resonance/classifier';
import { sqlClient } from '@resonance/db';
import * as q from './post-topics.queries';

/**
 * Classifies the topic of posts that have none yet (posts stored before migration 1733800000000,
 * or written without one): `limit` per call, found by post_topic_pending_idx. The ingest classifies
 * new posts itself; the rollup job calls this on every run, so a backfill of any size finishes
 * a thousand posts every 10 s without a long statement. Returns how many it classified.
 */
export async function classifyPendingPostTopics(dataSource: DataSource, limit = 1_000): Promise<number> {
  const db = sqlClient(dataSource);
  const posts = await q.pendingPostTopics.run({ limit }, db);
  if (!posts.length) return 0;
  await q.setPostTopics.run({ ids: posts.map((p) => p.id), topics: posts.map((p) => postTopic(p.text)) }, db);
  return posts.length;
}
