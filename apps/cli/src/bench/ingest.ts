import type { DataSource } from 'typeorm';
import { sqlClient } from '@resonance/db';
import { createGenerator, type GeneratedItem, type RunningSim, type TrafficGenerator } from '@resonance/sim';
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
  pipelineMs: number;
  rawMs: number;
  /** The rules active while the pipeline ran and what they did (all 0 without --rules). */
  rules: BenchRuleNumbers;
}

/**
 * The bench's own stream of sim traffic (comments only; few posts, so every post stays within
 * the connector's tracked window). One generator for the whole run keeps the sim's ids unique.
 */
export function benchTraffic(now: number, comments: number): TrafficGenerator {
  return createGenerator({
    seed: 'bench:ingest',
    startTime: now - 86_400_000,
    perMinute: Math.max(1, comments / (0.8 * 1_440)),
    kinds: { post: 0.05, comment: 50, reply: 14, accountReply: 4, message: 0, accountMessage: 0 },
  });
}

/** Puts `count` comments (and the posts they need) on the sim's Facebook page, without webhooks. */
export function loadSimComments(sim: RunningSim, generator: TrafficGenerator, count: number): number {
  const saved = sim.context.settings.webhookUrl;
  sim.context.settings.webhookUrl = null;
  let comments = 0;
  try {
    while (comments < count) {
      const batch: GeneratedItem[] = [];
      while (batch.length < 5_000 && comments < count) {
        const item = generator.next();
        batch.push(item);
        if (item.kind === 'comment') comments += 1;
      }
      sim.facebook.ingest(batch);
    }
  } finally {
    sim.context.settings.webhookUrl = saved;
  }
  return comments;
}

/**
 * The whole pipeline: the worker process (already started, the sim already holding the comments)
 * syncs the page: HTTP pages → mapper → IngestStore (contacts, threads, messages, classifier,
 * thread timers), pages read ahead and stored in batches. Timed from the sync taking the
 * channel's lease to the end of the sync run after which every comment is stored.
 *
 * While it measures, the harness reads only the channel's row (by primary key) every 20 ms: a
 * count of the channel's messages is a scan of the message table (~80 ms at quick scale), so
 * messages are counted only once a sync run has released its lease, and outside the clock.
 */
export async function measurePipeline(ds: DataSource, channelId: string, comments: number, timeoutMs: number): Promise<{ perSecond: number; ms: number }> {
  const state = async () => {
    const [row] = await channelSyncState.run({ channelId }, sqlClient(ds));
    if (!row) throw new Error(`bench: channel account ${channelId} is gone`);
    return row;
  };
  // A run that began and ended between two polls (a tiny smoke run) counts from when it was seen.
  const started = await waitFor(
    async () => {
      const { busy, synced } = await state();
      return busy || synced ? process.hrtime.bigint() : undefined;
    },
    60_000,
    'the worker to start syncing',
    20,
  );
  const ended = await waitFor(
    async () => {
      if ((await state()).busy) return undefined;
      const releasedBy = process.hrtime.bigint();
      const [{ n }] = await countChannelMessages.run({ channelId }, sqlClient(ds));
      return n >= comments ? releasedBy : undefined;
    },
    timeoutMs,
    `${comments} comments to be stored`,
    20,
  );
  const ms = Number(ended - started) / 1e6;
  return { perSecond: Math.round((comments / ms) * 1000), ms: round(ms) };
}

/**
 * The same rows straight into PostgreSQL: the stored comments are read back and written again
 * under another channel account, in batches of the largest size a sync run stores at once, each one
 * transaction with one multi-row INSERT … SELECT for its threads and one for its messages:
 * no HTTP, no mapping, no contacts, classifier or thread timers.
 */
export async function measureRawUpsert(
  ds: DataSource,
  sourceChannelId: string,
  targetChannelId: string,
  workspaceId: string,
): Promise<{ perSecond: number; ms: number; rows: number }> {
  const rows = await readBackMessages.run({ channelId: sourceChannelId }, sqlClient(ds));
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
