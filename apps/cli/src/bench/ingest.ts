import type { DataSource } from 'typeorm';
import { sqlClient } from '@resonance/db';
import { createGenerator, DEFAULT_INTENT_WEIGHTS, type GeneratedItem, type RunningSim, type TrafficGenerator } from '@resonance/sim';
import { MAX_BATCH_RECORDS } from '@resonance/worker';
import { channelSyncState, countChannelMessages, rawUpsertMessages, rawUpsertThreads, readBackMessages } from './ingest.queries';
import { waitFor } from './processes';
import type { BenchRuleNumbers } from './rules';
import { round } from './stats';

/** The raw upsert writes batches as large as the largest a sync run stores in one transaction. */
const BATCH = MAX_BATCH_RECORDS;

export interface IngestNumbers {
  perSecond: number;
  rawUpsertPerSecond: number;
  ratioToRawUpsert: number;
  comments: number;
  /** The comments of each network synced side by side (`--instagram-share`): those counted in `comments`, and all put on the sim. */
  byNetwork: Record<IngestNetwork, { comments: number; loaded: number }>;
  pipelineMs: number;
  rawMs: number;
  /** The rules active while the pipeline ran and what they did (all 0 without --rules). */
  rules: BenchRuleNumbers;
  /** --pause-outbound: the rules' hides and likes waited in the paused outbound queue while the pipeline ran. */
  outboundPaused: boolean;
}

/** The networks the ingest measurement syncs at once: a retailer's Facebook page and Instagram account. */
export type IngestNetwork = 'facebook' | 'instagram';

/**
 * The share of spam and chatter (other_spam) in the bench's comments: about 4 %, of which the
 * campaign and scam texts (half of the sim's other_spam texts) carry a spam reason — a page's few
 * per cent. The sim's default (12 of 100) is the demo's, which shows every inbox feature at once;
 * with it the bench's spam rule hid several times what a real page's would (docs/benchmarks.md,
 * Stop 36). The other intents keep the sim's weights.
 */
export const BENCH_INTENT_WEIGHTS = { ...DEFAULT_INTENT_WEIGHTS, other_spam: 4 } as const;

/**
 * The bench's own stream of sim traffic (comments only; few posts, so every post stays within
 * the connector's tracked window). One generator for the whole run keeps the sim's ids unique.
 */
export function benchTraffic(now: number, comments: number, seed = 'bench:ingest'): TrafficGenerator {
  return createGenerator({
    seed,
    startTime: now - 86_400_000,
    perMinute: Math.max(1, comments / (0.8 * 1_440)),
    kinds: { post: 0.05, comment: 50, reply: 14, accountReply: 4, message: 0, accountMessage: 0 },
    intents: BENCH_INTENT_WEIGHTS,
  });
}

/** What was put on the sim: every comment, and those the sync reads back in full (the target of the measurement). */
export interface LoadedComments {
  comments: number;
  /**
   * Comments on the account's own posts. Instagram's comments that mention the account on
   * others' media (about 1 in 12 threads) are read only for the newest media that mention it
   * (the connector's mentions stream, as on Instagram, where webhooks announce the rest), so
   * they are stored but not waited for.
   */
  onOwnPosts: number;
}

/** Puts `count` comments (and the posts they need) on the sim's Facebook page or Instagram account, without webhooks. */
export function loadSimComments(sim: RunningSim, generator: TrafficGenerator, count: number, network: IngestNetwork = 'facebook'): LoadedComments {
  const saved = sim.context.settings.webhookUrl;
  sim.context.settings.webhookUrl = null;
  let comments = 0;
  let elsewhere = 0;
  const ownPosts = new Set<string>();
  try {
    while (comments < count) {
      const batch: GeneratedItem[] = [];
      while (batch.length < 5_000 && comments < count) {
        const item = generator.next();
        batch.push(item);
        if (item.kind === 'comment') comments += 1;
      }
      for (const t of sim[network].ingest(batch)) {
        if (t.kind === 'post') ownPosts.add(t.externalId);
        else if (t.kind === 'comment' && t.postExternalId !== null && !ownPosts.has(t.postExternalId)) elsewhere += 1;
      }
    }
  } finally {
    sim.context.settings.webhookUrl = saved;
  }
  return { comments, onOwnPosts: comments - elsewhere };
}

/**
 * The whole pipeline: the worker process (already started, the sim already holding the comments)
 * syncs the channels side by side (the Facebook page and the Instagram account): HTTP pages →
 * mapper → IngestStore (contacts, threads, messages, classifier, thread timers), pages read ahead
 * and stored in batches. Timed from the first sync taking a channel's lease to the end of the last
 * sync run after which every channel holds its comments.
 *
 * While it measures, the harness reads only the channels' rows (by primary key) every 20 ms: a
 * count of a channel's messages is a scan of the message table (~80 ms at quick scale), so
 * messages are counted only once no sync run holds a lease, and outside the clock.
 */
export async function measurePipeline(
  ds: DataSource,
  channels: ReadonlyArray<{ channelId: string; comments: number }>,
  timeoutMs: number,
): Promise<{ perSecond: number; ms: number }> {
  const states = async () =>
    Promise.all(
      channels.map(async ({ channelId }) => {
        const [row] = await channelSyncState.run({ channelId }, sqlClient(ds));
        if (!row) throw new Error(`bench: channel account ${channelId} is gone`);
        return row;
      }),
    );
  const comments = channels.reduce((sum, c) => sum + c.comments, 0);
  // A run that began and ended between two polls (a tiny smoke run) counts from when it was seen.
  const started = await waitFor(
    async () => ((await states()).some((s) => s.busy || s.synced) ? process.hrtime.bigint() : undefined),
    60_000,
    'the worker to start syncing',
    20,
  );
  const ended = await waitFor(
    async () => {
      if ((await states()).some((s) => s.busy)) return undefined;
      const releasedBy = process.hrtime.bigint();
      for (const { channelId, comments: expected } of channels) {
        const [{ n }] = await countChannelMessages.run({ channelId }, sqlClient(ds));
        if (n < expected) return undefined;
      }
      return releasedBy;
    },
    timeoutMs,
    `${comments} comments to be stored`,
    20,
  );
  const ms = Number(ended - started) / 1e6;
  return { perSecond: Math.round((comments / ms) * 1000), ms: round(ms) };
}

/**
 * The same rows straight into PostgreSQL: the stored comments (of both channels) are read back and written again
 * under another channel account, in batches of the largest size a sync run stores at once, each one
 * transaction with one multi-row INSERT … SELECT for its threads and one for its messages:
 * no HTTP, no mapping, no contacts, classifier or thread timers.
 */
export async function measureRawUpsert(
  ds: DataSource,
  sourceChannelIds: readonly string[],
  targetChannelId: string,
  workspaceId: string,
): Promise<{ perSecond: number; ms: number; rows: number }> {
  const rows = [];
  for (const channelId of sourceChannelIds) rows.push(...(await readBackMessages.run({ channelId }, sqlClient(ds))));
  const runner = ds.createQueryRunner();
  await runner.connect();
  const start = process.hrtime.bigint();
  try {
    for (let i = 0; i < rows.length; i += BATCH) {
      const page = rows.slice(i, i + BATCH);
      const payload = JSON.stringify(page);
      await runner.startTransaction();
      await rawUpsertThreads.run({ workspaceId, channelId: targetChannelId, rows: payload }, sqlClient(runner.manager));
      await rawUpsertMessages.run({ workspaceId, channelId: targetChannelId, rows: payload }, sqlClient(runner.manager));
      await runner.commitTransaction();
    }
  } finally {
    await runner.release();
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { perSecond: Math.round((rows.length / ms) * 1000), ms: round(ms), rows: rows.length };
}
