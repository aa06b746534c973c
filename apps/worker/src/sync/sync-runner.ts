import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Config } from '@resonance/config';
import { intervalFactor, isConnectorError, windowPaceMs, type BudgetState, type ConnectorRegistry, type StreamStates } from '@resonance/connectors';
import { jsonObjectOf, sqlClient } from '@resonance/db';
import type { UnifiedRecord } from '@resonance/contracts';
import { toChannelRow, type ChannelAccess, type ChannelRow } from '../channels/channel-access';
import type { IngestStore } from '../ingest/ingest-store';
import { readAhead } from './read-ahead';
import { RecentlyStored } from './recently-stored';
import { claimRun, commitStreams, finishRun, pauseBudget, releaseLease, renewLease, setChannelNotice } from './sync.queries';

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
    /** What this worker stored lately, left out of later runs while unchanged (recently-stored.ts). */
    private readonly recent = new RecentlyStored(),
  ) {}

  async run(channelId: string): Promise<SyncRunResult> {
    const base: Omit<SyncRunResult, 'intervalMs'> = { channelId, pages: 0, messagesInserted: 0, posts: 0 };
    const owner = randomUUID();
    // The channel, its credentials and its lease in one statement: a fleet's runs are mostly
    // quiet ones, and each statement is a round trip and each write a WAL flush (bench --fleet).
    const [claim] = await claimRun.run({ id: channelId, owner, leaseMs: this.config.SYNC_LEASE_MS }, sqlClient(this.dataSource));
    if (!claim) return { ...base, skipped: 'missing', intervalMs: this.config.SYNC_INTERVAL_MS };
    const channel = toChannelRow(claim);
    const interval = this.currentInterval(channel.sync_state);
    base.previousIntervalMs = interval;
    if (channel.status !== 'connected') return { ...base, skipped: 'not_connected', intervalMs: interval };
    const connector = this.registry.get(channel.network);
    const pausedUntil = channel.rate_budget?.state?.pausedUntil;
    const paused = !!pausedUntil && pausedUntil > Date.now();
    if (claim.leased && (!connector.available || paused)) await releaseLease.run({ id: channelId, owner }, sqlClient(this.dataSource));
    if (!connector.available) {
      const message = `${channel.network} is not yet available in Resonance: its connector has not been built yet`;
      await setChannelNotice.run({ id: channelId, message }, sqlClient(this.dataSource));
      return { ...base, skipped: 'not_available', intervalMs: this.config.SYNC_MAX_INTERVAL_MS };
    }
    if (paused) return { ...base, skipped: 'paused', intervalMs: interval };
    if (!claim.leased) return { ...base, skipped: 'busy', intervalMs: interval };

    // A first run stores everything it reads (the channel's data may have been removed and connected again).
    if (!channel.last_synced_at) this.recent.forget(channelId);
    const result: Omit<SyncRunResult, 'intervalMs'> = { ...base };
    const unexpected = new Set<string>();
    // Cursors of batches with nothing to store: saved with the next batch that stores something,
    // else when the run ends (no transaction of their own; a crash before loses only cursors of
    // empty pages, which the next run reads again).
    let pending: StreamStates = {};
    let ctx: Awaited<ReturnType<ChannelAccess['context']>> | undefined;
    // While this worker lives it keeps the lease, however long a page or a budget wait takes; a
    // killed worker stops renewing and another takes the channel over when the lease runs out.
    const heartbeat = setInterval(() => void this.renew(channelId, owner).catch(() => undefined), Math.max(200, Math.floor(this.config.SYNC_LEASE_MS / 3)));
    try {
      ctx = await this.access.context(channel);
      const now = new Date();
      const state: StreamStates = jsonObjectOf(channel.sync_state.streams);
      const backfillSince = new Date(now.getTime() - this.config.SYNC_BACKFILL_DAYS * 86_400_000);
      // The next pages are fetched while a batch is stored; pages already fetched are stored together.
      const pages = connector.sync.pages({ ctx, state, backfillSince, now });
      // Items stored unchanged lately are left out before any work on them (classification, a transaction).
      const prepare = (records: UnifiedRecord[]) => this.store.prepare(this.recent.fresh(channelId, records), channel.external_id, channelId);
      for await (const batch of readAhead(pages, { prepare })) {
        for (const record of batch.records) if (record.kind === 'error') unexpected.add(record.message);
        // Only posts and messages are stored (ingest writes nothing for the rest): without them the cursors wait.
        if (!batch.records.some((r) => r.kind === 'post' || r.kind === 'message')) {
          pending = { ...pending, ...batch.commit };
          result.pages += batch.pages;
          continue;
        }
        const commit = { ...pending, ...batch.commit };
        const stored = await this.store.ingest(channelId, batch.records, {
          inTransaction: (tx) => this.commit(tx, channelId, owner, commit),
        });
        this.recent.remember(channelId, batch.records);
        pending = {};
        result.pages += batch.pages;
        result.messagesInserted += stored.messagesInserted;
        result.posts += stored.posts;
      }
      if (unexpected.size) result.unexpected = [...unexpected];
      const notice = connector.auth.notice?.(ctx.credentials, now) ?? null;
      const intervalMs = this.adapt(interval, result.messagesInserted > 0, ctx.budget.state, channel.rate_budget?.state);
      await this.finish(channelId, owner, intervalMs, pending, { budget: ctx.budget.state, notice });
      return { ...result, intervalMs };
    } catch (error) {
      this.recent.forget(channelId);
      if (error instanceof LeaseLostError) return { ...result, skipped: 'busy', intervalMs: interval };
      if (!isConnectorError(error)) {
        await this.finish(channelId, owner, interval, pending, null);
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
      await this.finish(channelId, owner, intervalMs, pending, null);
      return { ...result, error: outcome.reason, intervalMs };
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async renew(channelId: string, owner: string): Promise<void> {
    await renewLease.run({ id: channelId, owner, leaseMs: this.config.SYNC_LEASE_MS }, sqlClient(this.dataSource));
  }

  private currentInterval(syncState: ChannelRow['sync_state']): number {
    const stored = Number(syncState.intervalMs);
    return Number.isFinite(stored) && stored > 0 ? stored : this.config.SYNC_INTERVAL_MS;
  }

  /**
   * New items: poll sooner; none: back towards the usual interval (SYNC_INTERVAL_MS), never beyond
   * it; short of budget: later, by the factor the budget sets (the pacing shown to admins). Idle
   * runs used to stretch the interval on towards SYNC_MAX_INTERVAL_MS, so a quiet YouTube or XING
   * channel was read every 15 minutes with nothing on its card to say why (issue 28).
   */
  private adapt(interval: number, active: boolean, budget: BudgetState | undefined, before: BudgetState | undefined): number {
    const { SYNC_INTERVAL_MS: baseMs, SYNC_MIN_INTERVAL_MS: min, SYNC_MAX_INTERVAL_MS: max } = this.config;
    const unpaced = Math.min(interval, baseMs);
    const next = active ? unpaced / 2 : Math.min(baseMs, Math.max(unpaced, min) * 1.25);
    // A counted window (XING's calls per minute) paces by what the run cost, so calls never need spacing.
    const paced = Math.max(next * intervalFactor(budget, Date.now() + next), windowPaceMs(before, budget));
    return Math.round(Math.min(max, Math.max(min, paced)));
  }

  /** Saves the page's cursors and renews the lease — inside the page's transaction. */
  private async commit(tx: EntityManager, channelId: string, owner: string, streams: StreamStates): Promise<void> {
    const rows = await commitStreams.run({ id: channelId, owner, streams: JSON.stringify(streams), leaseMs: this.config.SYNC_LEASE_MS }, sqlClient(tx));
    if (rows.length === 0) throw new LeaseLostError(`lost the sync lease of channel ${channelId}`);
  }

  private async pause(channelId: string, until: number, usedPercent: number): Promise<void> {
    // Merged into the stored state, so fields a connector keeps there (YouTube's unit count) survive the pause.
    await pauseBudget.run({ id: channelId, state: JSON.stringify({ usedPercent, pausedUntil: until, readAt: Date.now() }) }, sqlClient(this.dataSource));
  }

  /**
   * Ends the run in one statement (FinishRun): lease, cursors still pending, interval, and for a
   * run that succeeded (`success`) the budget it left and the connector's notice (or no error).
   */
  private async finish(
    channelId: string,
    owner: string,
    intervalMs: number,
    streams: StreamStates,
    success: { budget: BudgetState | undefined; notice: string | null } | null,
  ): Promise<void> {
    await finishRun.run(
      {
        id: channelId,
        owner,
        intervalMs,
        streams: JSON.stringify(streams),
        ok: success !== null,
        rateBudget: JSON.stringify(success?.budget ? { state: success.budget } : {}),
        notice: success?.notice ?? null,
      },
      sqlClient(this.dataSource),
    );
  }
}
