import type { ErrorCode } from '../records';
import type { IsoDateTime } from './common';

/**
 * Why a channel syncs at the pace it does (issue 28), for the dashboard to say in words:
 * - `normal`: every `intervalMs` (shorter while items arrive, back to the usual interval when quiet);
 * - `paced`: slower than usual because the network's budget or quota is running low;
 * - `paused`: no calls until `pausedUntil` (the network's budget is spent or it asked to wait);
 * - `backing_off`: the last `failures` runs failed, so each try waits longer;
 * - `stopped`: not synced at all (paused by an admin, needs reconnecting, in error).
 */
export const SYNC_PACINGS = ['normal', 'paced', 'paused', 'backing_off', 'stopped'] as const;
export type SyncPacing = (typeof SYNC_PACINGS)[number];

/** A channel's sync health as admins read it on its card (GET /api/channels → ChannelView.sync). */
export interface ChannelSyncHealth {
  pacing: SyncPacing;
  /** The interval its schedule has now (ms). */
  intervalMs: number;
  /** The usual interval of a quiet channel with budget to spare (SYNC_INTERVAL_MS). */
  baseIntervalMs: number;
  /** When the last run (successful or not) ended; null before the first. */
  lastRunAt: IsoDateTime | null;
  /** When the next run starts (the schedule, or the end of a pause); null when the channel is not synced. */
  nextSyncAt: IsoDateTime | null;
  /** How far behind the network the inbox may be: time since the last successful sync (ms), null before one. */
  lagMs: number | null;
  /** Failed runs in a row (0 after a success). */
  failures: number;
  /** No calls before this time (budget spent, network asked to wait), or null. */
  pausedUntil: IsoDateTime | null;
  /** When the budget's use counts down to nothing (XING's minute, YouTube's Pacific day, X's window or month), where known. */
  budgetResetsAt: IsoDateTime | null;
  /** The code of the last error (ERROR_CODES) for the dashboard to say in words; null when there is none or it has no code. */
  lastErrorCode: ErrorCode | null;
}

/** POST /api/channels/:id/sync (admins): a run is queued (or one already waits: the same job). */
export interface SyncNowResponse {
  /** The one job id of a manual run of this channel: a second request while it waits adds nothing. */
  jobId: string;
  /** false: a manual run was already waiting or running, and this request joined it. */
  queued: boolean;
}
