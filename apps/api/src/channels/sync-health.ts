import { ERROR_CODES, isOneOf, toIsoOrNull, type ChannelSyncHealth, type ErrorCode, type SyncPacing } from '@resonance/contracts';
import type { ChannelRow } from './channels.repository';

/** What the health of a channel is read from: its row, the usual interval and the time of reading. */
export interface SyncHealthInput {
  baseIntervalMs: number;
  now: number;
}

/**
 * A channel's sync health from what the sync runner keeps (interval, last run, failures in a row)
 * and what its connector keeps (pause, budget reset): when it syncs next and why at that pace.
 * The next sync is the last run plus the interval, or the end of a pause when that is later (the
 * schedule's runs skip until then); the worker's BullMQ scheduler keeps the same pace (it never
 * starts a changed interval at once: sync-scheduler.ts).
 */
export function syncHealth(row: ChannelRow, { baseIntervalMs, now }: SyncHealthInput): ChannelSyncHealth {
  const intervalMs = row.intervalMs && row.intervalMs > 0 ? row.intervalMs : baseIntervalMs;
  const paused = row.pausedUntil && row.pausedUntil.getTime() > now ? row.pausedUntil : null;
  const syncing = row.status === 'connected';
  return {
    pacing: pacingOf({ syncing, paused: paused !== null, failures: row.failures, intervalMs, baseIntervalMs }),
    intervalMs,
    baseIntervalMs,
    lastRunAt: toIsoOrNull(row.lastRunAt),
    nextSyncAt: syncing ? new Date(nextSyncAt(row.lastRunAt, intervalMs, paused, now)).toISOString() : null,
    lagMs: row.lastSyncedAt ? Math.max(0, now - row.lastSyncedAt.getTime()) : null,
    failures: row.failures,
    pausedUntil: toIsoOrNull(paused),
    budgetResetsAt: toIsoOrNull(row.budgetResetsAt),
    lastErrorCode: errorCodeOf(row.lastError),
  };
}

function pacingOf(s: { syncing: boolean; paused: boolean; failures: number; intervalMs: number; baseIntervalMs: number }): SyncPacing {
  if (!s.syncing) return 'stopped';
  if (s.paused) return 'paused';
  if (s.failures > 0) return 'backing_off';
  return s.intervalMs > s.baseIntervalMs ? 'paced' : 'normal';
}

/** Never run yet: due now (a new channel's backfill is queued at once). */
function nextSyncAt(lastRunAt: Date | null, intervalMs: number, paused: Date | null, now: number): number {
  const scheduled = lastRunAt ? lastRunAt.getTime() + intervalMs : now;
  return paused ? Math.max(scheduled, paused.getTime()) : scheduled;
}

/** The code the sync runner writes before the message (`RATE_LIMITED: …`, channel-access.ts), so the dashboard can say it in words. */
export function errorCodeOf(lastError: string | null): ErrorCode | null {
  const code = lastError?.split(':', 1)[0] ?? '';
  return isOneOf(ERROR_CODES, code) ? code : null;
}
