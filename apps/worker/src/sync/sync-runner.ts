import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Config } from '@resonance/config';
import { intervalFactor, isConnectorError, type ConnectorRegistry, type StreamStates } from '@resonance/connectors';
import type { ChannelAccess } from '../channels/channel-access';
import type { IngestStore } from '../ingest/ingest-store';
import { readAhead } from './read-ahead';

export interface SyncRunResult {
  channelId: string;
  /** Why nothing ran: not connected, budget paused, another worker holds the channel, no connector yet. */
  skipped?: 'missing' | 'not_connected' | 'paused' | 'busy' | 'not_available';
  pages: number;
  messagesInserted: number;
  posts: number;
  error?: string;
  /** The interval the channel's schedule should now have. */
  intervalMs: number;
  /** Payloads the connector could not read (its error records), each shape once: the processor logs them. */
  unexpected?: string[];
  /** The interval it had before this run. */
  previousIntervalMs?: number;
}

/** The worker lost the channel's lease (it ran longer than the lease and another worker took over). */
class LeaseLostError extends Error {}

/**
 * One sync run of one channel: takes the channel's lease, fetches every stream page by page
 * through its connector (reading ahead, see read-ahead.ts), stores each batch of pages and saves
 * the streams' cursors in the same transaction (so a cursor never runs ahead of what is stored; a
 * crash re-fetches and the upsert stores once),
 * then adapts the channel's interval to activity and remaining budget.
 */
export class SyncRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: IngestStore,
    private readonly access: ChannelAccess,
    private readonly registry: ConnectorRegistry,
    private readonly config: Config,
  ) {}

  async run(channelId: string): Promise<SyncRunResult> {
    const base: Omit<SyncRunResult, 'intervalMs'> = { channelId, pages: 0, messagesInserted: 0, posts: 0 };
    const channel = await this.access.channel(channelId);
    if (!channel) return { ...base, skipped: 'missing', intervalMs: this.config.SYNC_INTERVAL_MS };
    const interval = this.currentInterval(channel.sync_state);
    base.previousIntervalMs = interval;
    if (channel.status !== 'connected') return { ...base, skipped: 'not_connected', intervalMs: interval };
    const connector = this.registry.get(channel.network);
    if (!connector.available) {
      await this.dataSource.query(`UPDATE channel_account SET last_error = $2, last_error_at = now() WHERE id = $1`, [
        channelId,
        `${channel.network} is not yet available in Resonance: its connector has not been built yet`,
      ]);
      return { ...base, skipped: 'not_available', intervalMs: this.config.SYNC_MAX_INTERVAL_MS };
    }
    const pausedUntil = channel.rate_budget?.state?.pausedUntil;
    if (pausedUntil && pausedUntil > Date.now()) return { ...base, skipped: 'paused', intervalMs: interval };

    const owner = randomUUID();
    if (!(await this.acquire(channelId, owner))) return { ...base, skipped: 'busy', intervalMs: interval };
    const result: Omit<SyncRunResult, 'intervalMs'> = { ...base };
    const unexpected = new Set<string>();
    let ctx: Awaited<ReturnType<ChannelAccess['context']>> | undefined;
    // While this worker lives it keeps the lease, however long a page or a budget wait takes; a
    // killed worker stops renewing and another takes the channel over when the lease runs out.
    const heartbeat = setInterval(() => void this.renew(channelId, owner).catch(() => undefined), Math.max(200, Math.floor(this.config.SYNC_LEASE_MS / 3)));
    try {
      ctx = await this.access.context(channel);
      const now = new Date();
      const state = (channel.sync_state.streams ?? {}) as StreamStates;
      const backfillSince = new Date(now.getTime() - this.config.SYNC_BACKFILL_DAYS * 86_400_000);
      // The next pages are fetched while a batch is stored; pages already fetched are stored together.
      const pages = connector.sync.pages({ ctx, state, backfillSince, now });
      for await (const batch of readAhead(pages, { prepare: (records) => this.store.prepare(records, channel.external_id) })) {
        const stored = await this.store.ingest(channelId, batch.records, {
          inTransaction: (tx) => this.commit(tx, channelId, owner, batch.commit),
        });
        result.pages += batch.pages;
        result.messagesInserted += stored.messagesInserted;
        result.posts += stored.posts;
        for (const record of batch.records) if (record.kind === 'error') unexpected.add(record.message);
      }
      if (unexpected.size) result.unexpected = [...unexpected];
      await this.access.succeeded(channelId, ctx.budget.state);
      const notice = connector.auth.notice?.(ctx.credentials, now);
      if (notice) await this.dataSource.query(`UPDATE channel_account SET last_error = $2, last_error_at = now() WHERE id = $1`, [channelId, notice]);
      const intervalMs = this.adapt(interval, result.messagesInserted > 0, ctx.budget.state);
      await this.finish(channelId, owner, intervalMs, true);
      return { ...result, intervalMs };
    } catch (error) {
      if (error instanceof LeaseLostError) return { ...result, skipped: 'busy', intervalMs: interval };
      if (!isConnectorError(error)) {
        await this.finish(channelId, owner, interval, false);
        throw error;
      }
      const budget = ctx?.budget.state ?? channel.rate_budget?.state;
      const outcome = await this.access.failed(channelId, error, budget);
      // The schedule is the retry: a rate limit pauses the channel until the network allows calls
      // again (never longer than RATE_LIMIT_MAX_DELAY_MS); other failures lengthen the interval.
      // A spent daily quota (YouTube) comes back only at its reset: that wait is kept in full.
      if (outcome.action === 'delay') {
        const delay = error.code === 'QUOTA_EXCEEDED' ? outcome.delayMs : Math.min(outcome.delayMs, this.config.RATE_LIMIT_MAX_DELAY_MS);
        await this.pause(channelId, error.raisedAt + delay, budget?.usedPercent ?? 100);
      }
      const intervalMs = Math.min(this.config.SYNC_MAX_INTERVAL_MS, Math.max(interval, this.config.SYNC_MIN_INTERVAL_MS) * 2);
      await this.finish(channelId, owner, intervalMs, false);
      return { ...result, error: outcome.reason, intervalMs };
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async renew(channelId: string, owner: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE channel_account SET sync_state = jsonb_set(sync_state, '{lease,until}', to_jsonb(now() + $3 * interval '1 millisecond'))
        WHERE id = $1 AND sync_state->'lease'->>'owner' = $2`,
      [channelId, owner, this.config.SYNC_LEASE_MS],
    );
  }

  private currentInterval(syncState: Record<string, unknown>): number {
    const stored = Number(syncState.intervalMs);
    return Number.isFinite(stored) && stored > 0 ? stored : this.config.SYNC_INTERVAL_MS;
  }

  /** New items: poll sooner; none: later; short of budget: later still. */
  private adapt(interval: number, active: boolean, budget: Parameters<typeof intervalFactor>[0]): number {
    const { SYNC_INTERVAL_MS: baseMs, SYNC_MIN_INTERVAL_MS: min, SYNC_MAX_INTERVAL_MS: max } = this.config;
    const next = active ? Math.min(interval, baseMs) / 2 : Math.max(interval, min) * 1.25;
    return Math.round(Math.min(max, Math.max(min, next * intervalFactor(budget))));
  }

  private async acquire(channelId: string, owner: string): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `UPDATE channel_account
          SET sync_state = jsonb_set(sync_state, '{lease}', jsonb_build_object('owner', $2::text, 'until', now() + $3 * interval '1 millisecond'))
        WHERE id = $1 AND status = 'connected'
          AND (sync_state->'lease' IS NULL OR (sync_state->'lease'->>'until')::timestamptz < now())
        RETURNING id`,
      [channelId, owner, this.config.SYNC_LEASE_MS],
    )) as unknown[];
    return affected(rows) > 0;
  }

  /** Saves the page's cursors and renews the lease — inside the page's transaction. */
  private async commit(tx: EntityManager, channelId: string, owner: string, streams: StreamStates): Promise<void> {
    const rows = (await tx.query(
      `UPDATE channel_account
          SET sync_state = jsonb_set(
                jsonb_set(sync_state, '{streams}', COALESCE(sync_state->'streams', '{}'::jsonb) || $3::jsonb),
                '{lease}', jsonb_build_object('owner', $2::text, 'until', now() + $4 * interval '1 millisecond'))
        WHERE id = $1 AND sync_state->'lease'->>'owner' = $2
        RETURNING id`,
      [channelId, owner, JSON.stringify(streams), this.config.SYNC_LEASE_MS],
    )) as unknown[];
    if (affected(rows) === 0) throw new LeaseLostError(`lost the sync lease of channel ${channelId}`);
  }

  private async pause(channelId: string, until: number, usedPercent: number): Promise<void> {
    // Merged into the stored state, so fields a connector keeps there (YouTube's unit count) survive the pause.
    await this.dataSource.query(`UPDATE channel_account SET rate_budget = jsonb_set(COALESCE(rate_budget, '{}'::jsonb), '{state}', COALESCE(rate_budget->'state', '{}'::jsonb) || $2::jsonb) WHERE id = $1`, [
      channelId,
      JSON.stringify({ usedPercent, pausedUntil: until, readAt: Date.now() }),
    ]);
  }

  private async finish(channelId: string, owner: string, intervalMs: number, ok: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE channel_account
          SET sync_state = jsonb_set(CASE WHEN sync_state->'lease'->>'owner' = $2 THEN sync_state - 'lease' ELSE sync_state END,
                                     '{intervalMs}', to_jsonb($3::int)),
              last_synced_at = CASE WHEN $4 THEN now() ELSE last_synced_at END, updated_at = now()
        WHERE id = $1`,
      [channelId, owner, intervalMs, ok],
    );
  }
}

/** TypeORM returns [rows, count] for UPDATE … RETURNING on pg. */
function affected(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[1];
  return Array.isArray(result) ? result.length : 0;
}
