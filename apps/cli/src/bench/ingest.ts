import type { DataSource } from 'typeorm';
import { createGenerator, type GeneratedItem, type RunningSim, type TrafficGenerator } from '@resonance/sim';
import { MAX_BATCH_RECORDS } from '@resonance/worker';
import { waitFor } from './processes';
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
  const state = async () =>
    ((await ds.query(`SELECT sync_state ? 'lease' AS busy, last_synced_at IS NOT NULL AS synced FROM channel_account WHERE id = $1`, [channelId])) as Array<{
      busy: boolean;
      synced: boolean;
    }>)[0];
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
      const [{ n }] = (await ds.query(`SELECT count(*)::int AS n FROM message WHERE channel_account_id = $1`, [channelId])) as Array<{ n: number }>;
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
export async function measureRawUpsert(ds: DataSource, sourceChannelId: string, targetChannelId: string, workspaceId: string): Promise<{ perSecond: number; ms: number; rows: number }> {
  const rows = (await ds.query(
    `SELECT m.external_id AS e, t.thread_key AS k, t.channel AS ch, m.parent_external_id AS p, m.is_from_account AS o,
            m.text AS x, m.created_at AS at, m.intent AS i, m.sentiment AS s
       FROM message m JOIN thread t ON t.id = m.thread_id
      WHERE m.channel_account_id = $1 ORDER BY m.id`,
    [sourceChannelId],
  )) as Array<Record<string, unknown>>;
  const runner = ds.createQueryRunner();
  await runner.connect();
  const start = process.hrtime.bigint();
  try {
    for (let i = 0; i < rows.length; i += BATCH) {
      const page = rows.slice(i, i + BATCH);
      const payload = JSON.stringify(page);
      await runner.startTransaction();
      await runner.query(
        `INSERT INTO thread (workspace_id, channel_account_id, network, thread_key, channel, last_message_at)
         SELECT $1, $2, 'facebook', r.k, min(r.ch), max(r.at)
           FROM json_to_recordset($3::json) AS r(k text, ch text, at timestamptz) GROUP BY r.k ORDER BY r.k
         ON CONFLICT (channel_account_id, thread_key) DO NOTHING`,
        [workspaceId, targetChannelId, payload],
      );
      await runner.query(
        `INSERT INTO message (workspace_id, channel_account_id, thread_id, external_id, direction, is_from_account,
                              parent_external_id, text, created_at, delivery, intent, sentiment)
         SELECT $1, $2, t.id, r.e, CASE WHEN r.o THEN 'outbound' ELSE 'inbound' END, r.o, r.p, r.x, r.at,
                CASE WHEN r.o THEN 'sent' END, r.i, r.s
           FROM json_to_recordset($3::json) AS r(e text, k text, p text, o boolean, x text, at timestamptz, i text, s real)
           JOIN thread t ON t.channel_account_id = $2 AND t.thread_key = r.k
         ON CONFLICT (channel_account_id, external_id) WHERE external_id IS NOT NULL DO NOTHING`,
        [workspaceId, targetChannelId, payload],
      );
      await runner.commitTransaction();
    }
  } finally {
    await runner.release();
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { perSecond: Math.round((rows.length / ms) * 1000), ms: round(ms), rows: rows.length };
}
