import type { DataSource, QueryRunner } from 'typeorm';
import type { Network } from '@resonance/contracts';
import { sqlClient } from '@resonance/db';
import { Rng, ZipfSampler } from '@resonance/sim';
import { insertBulkContacts, insertBulkPosts, resetContactIds, resetPostIds, resetThreadIds } from './generate.queries';
import type { BenchOptions } from './options';
import { TextPool } from './text-pool';
import { BENCH_NETWORKS, type BenchWorld } from './world';
import type { BulkPlan } from './bulk-plan';
import { writeThreadsAndMessages, type NetworkCounts } from './generate-threads';

const DAY = 86_400_000;
const POST_EVERY_MS = 8 * 3_600_000;
const NETWORK_WEIGHTS: Record<Network, number> = { facebook: 30, instagram: 20, x: 15, linkedin: 13, youtube: 12, xing: 10 };
/** Networks whose channels hold private conversations (LinkedIn pages and YouTube have none). */
const HAS_DIRECT: Record<Network, boolean> = { facebook: true, instagram: true, x: true, linkedin: false, youtube: false, xing: true };

export interface GenerateResult {
  threads: number;
  messages: number;
  posts: number;
  contacts: number;
  longThreadId: string;
  /** Threads and messages per network (Facebook and Instagram side by side, NETWORK_WEIGHTS). */
  byNetwork: NetworkCounts;
  /** Wall time of each step, ms. */
  loadMs: number;
  indexMs: number;
}

/**
 * Writes the bulk data set: posts and contacts per channel, then threads and messages, set-based
 * (multi-row INSERT … SELECT FROM json_to_recordset, 10,000 rows per statement, two connections).
 * Ids of posts, contacts and threads are assigned here (OVERRIDING SYSTEM VALUE), so messages need
 * no lookups; the sequences are moved past them afterwards. Like pg_restore, the load runs with
 * triggers off (session_replication_role = replica) and builds the full-text GIN index after the
 * rows are in; rollups are rebuilt by the caller from the raw messages.
 */
export async function generateBulk(ds: DataSource, world: BenchWorld, options: BenchOptions, log: (line: string) => void): Promise<GenerateResult> {
  const started = Date.now();
  const now = Date.now();
  const rng = new Rng('bench:structure');
  const pool = new TextPool('bench:texts');
  const contactsPerChannel = Math.max(50, Math.round(options.threads / 8));
  const plan: BulkPlan = {
    world,
    options,
    now,
    rng,
    pool,
    hasDirect: HAS_DIRECT,
    posts: {} as BulkPlan['posts'],
    contactBase: {} as Record<Network, number>,
    contactsPerChannel,
    zipf: new ZipfSampler(contactsPerChannel, 0.9),
    pickNetwork: () => rng.weighted(NETWORK_WEIGHTS),
  };
  await ds.query(`DROP INDEX IF EXISTS message_search_idx`);
  const runners = await Promise.all([0, 1].map(() => replicaRunner(ds)));
  try {
    let postId = 0;
    let contactId = 0;
    let postCount = 0;
    for (const network of BENCH_NETWORKS) {
      const channelId = world.channels[network];
      const posts: Array<Record<string, unknown>> = [];
      const times: number[] = [];
      for (let at = now - options.days * DAY - 7 * DAY; at < now; at += POST_EVERY_MS) {
        posts.push({
          id: ++postId,
          external_id: `bench-post-${network}-${postId}`,
          text: pool.posts[postId % pool.posts.length],
          published_at: new Date(at).toISOString(),
        });
        times.push(at);
      }
      plan.posts[network] = { ids: posts.map((p) => p.id as number), times };
      postCount += posts.length;
      await insertBulkPosts.run({ workspaceId: world.workspaceId, channelId, posts: JSON.stringify(posts) }, sqlClient(runners[0].manager));
      plan.contactBase[network] = contactId;
      for (let from = 0; from < contactsPerChannel; from += 10_000) {
        const batch = [];
        for (let i = from; i < Math.min(contactsPerChannel, from + 10_000); i++) {
          const customer = pool.generator.customer(i);
          batch.push({ id: contactId + i + 1, external_id: `bench-${network}-user-${i}`, name: customer.name });
        }
        await insertBulkContacts.run({ workspaceId: world.workspaceId, channelId, contacts: JSON.stringify(batch) }, sqlClient(runners[0].manager));
      }
      contactId += contactsPerChannel;
    }
    log(`bulk: ${postCount} posts, ${contactId} contacts`);
    const written = await writeThreadsAndMessages(plan, runners, log);
    for (const reset of [resetPostIds, resetContactIds, resetThreadIds]) await reset.run(undefined, sqlClient(ds));
    const loadMs = Date.now() - started;
    const indexStart = Date.now();
    await runners[0].query(`SET maintenance_work_mem = '256MB'`);
    await runners[0].query(`CREATE INDEX message_search_idx ON message USING gin (search_vector)`);
    await runners[0].query(`ANALYZE`);
    const indexMs = Date.now() - indexStart;
    log(`bulk: ${written.threads} threads, ${written.messages} messages in ${loadMs} ms; search index and ANALYZE ${indexMs} ms`);
    return { ...written, posts: postCount, contacts: contactId, loadMs, indexMs };
  } finally {
    await Promise.all(runners.map((r) => r.release()));
  }
}

async function replicaRunner(ds: DataSource): Promise<QueryRunner> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  await runner.query(`SET session_replication_role = replica`);
  await runner.query(`SET synchronous_commit = off`);
  return runner;
}
