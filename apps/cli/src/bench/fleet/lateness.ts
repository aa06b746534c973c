import type { QueueEvents } from 'bullmq';
import { summarize, type Timings } from '../stats';

/**
 * A job a sync schedule (BullMQ job scheduler `sync:<channelId>`) made carries the time it was due
 * in its id: `repeat:sync:<channelId>:<due ms>`. One-off runs (backfill, webhook hint, sync now)
 * have other ids and are not schedule runs.
 */
const SCHEDULED_SYNC = /^repeat:sync:([0-9a-f-]{36}):(\d+)$/;

export function parseScheduledSync(jobId: string): { channelId: string; dueMs: number } | null {
  const match = SCHEDULED_SYNC.exec(jobId);
  return match ? { channelId: match[1], dueMs: Number(match[2]) } : null;
}

/** The time an event was written to the queue's event stream: the stream id is `<ms>-<seq>` (Redis's clock). */
export function streamIdMs(id: string): number | null {
  const ms = Number(id.split('-')[0]);
  return Number.isFinite(ms) && ms > 0 ? ms : null;
}

export interface LatenessNumbers extends Timings {
  maxMs: number;
  /** Channels with at least one scheduled run in the window, and the fewest runs any of them had. */
  channelsSeen: number;
  minRunsPerChannel: number;
  meanRunsPerChannel: number;
  failedRuns: number;
}

/**
 * Lateness of every scheduled sync run: when a worker took the job (its `active` event, stamped
 * by Redis) minus when the schedule said it was due. Counted only for jobs that became active
 * between start() and stop(), so the backfill burst before the window is not in it.
 */
export class SyncLateness {
  private readonly lateness: number[] = [];
  private readonly runs = new Map<string, number>();
  private failed = 0;
  private open = false;

  constructor(private readonly events: QueueEvents) {
    events.on('active', ({ jobId }, id) => this.active(jobId, id));
    events.on('failed', ({ jobId }) => {
      if (this.open && parseScheduledSync(jobId)) this.failed += 1;
    });
  }

  start(): void {
    this.open = true;
  }

  stop(): void {
    this.open = false;
  }

  active(jobId: string, eventId: string): void {
    const scheduled = parseScheduledSync(jobId);
    const at = streamIdMs(eventId);
    if (!this.open || !scheduled || at === null) return;
    this.lateness.push(Math.max(0, at - scheduled.dueMs));
    this.runs.set(scheduled.channelId, (this.runs.get(scheduled.channelId) ?? 0) + 1);
  }

  numbers(): LatenessNumbers {
    const counts = [...this.runs.values()];
    return {
      ...summarize(this.lateness),
      maxMs: this.lateness.length ? Math.round(Math.max(...this.lateness)) : 0,
      channelsSeen: counts.length,
      minRunsPerChannel: counts.length ? Math.min(...counts) : 0,
      meanRunsPerChannel: counts.length ? Math.round((counts.reduce((a, b) => a + b, 0) / counts.length) * 10) / 10 : 0,
      failedRuns: this.failed,
    };
  }
}
