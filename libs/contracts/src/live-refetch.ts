/**
 * How a dashboard refetches what live events changed, shared by the dashboard
 * (apps/web use-live-events.ts) and the bench's agents (apps/cli bench/agents), so the bench
 * measures the load dashboards really make.
 *
 * Events name what changed, but a list's filters and order decide which threads belong on it, so
 * a change refetches the list. Under a stream of changes (2,000 comments a second, `inbox.changed`
 * every ~250 ms) refetching on every event made 200 dashboards send 800 list requests a second
 * (bench --agents, issue 28). So: the first change after a quiet spell refetches after
 * LIVE_REFETCH_GATHER_MS (the message and thread events of one change make one refetch), later
 * ones at most every LIVE_REFETCH_INTERVAL_MS, never two at once, and the last change always gets
 * a refetch after it (trailing). The user's own actions refetch at once, outside this policy.
 */
export const LIVE_REFETCH_INTERVAL_MS = 5_000;
export const LIVE_REFETCH_GATHER_MS = 300;

/** `lists`: a message or thread event (lists only: the item itself came with the event); `all`: `inbox.changed` (everything thread-related on screen). */
export type LiveRefetchScope = 'lists' | 'all';

export interface LiveRefetchTimers {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: LiveRefetchTimers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class LiveRefetchPolicy {
  private timer: unknown = null;
  private inFlight = false;
  /** What the changes since the last refetch began need (null: nothing changed). */
  private dirty: LiveRefetchScope | null = null;
  private lastStart = Number.NEGATIVE_INFINITY;
  private stopped = false;

  constructor(
    /** Refetches the scope; a returned promise holds the next refetch back until it settles. */
    private readonly refetch: (scope: LiveRefetchScope) => unknown,
    private readonly intervalMs = LIVE_REFETCH_INTERVAL_MS,
    private readonly gatherMs = LIVE_REFETCH_GATHER_MS,
    private readonly timers: LiveRefetchTimers = realTimers,
  ) {}

  /** A live event changed something of this scope. */
  changed(scope: LiveRefetchScope): void {
    if (this.stopped) return;
    this.dirty = this.dirty === 'all' || scope === 'all' ? 'all' : 'lists';
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer !== null || this.inFlight || this.dirty === null || this.stopped) return;
    const wait = Math.max(this.gatherMs, this.lastStart + this.intervalMs - this.timers.now());
    this.timer = this.timers.setTimeout(() => this.run(), wait);
  }

  private run(): void {
    this.timer = null;
    const scope = this.dirty;
    if (scope === null || this.stopped) return;
    this.dirty = null;
    this.lastStart = this.timers.now();
    this.inFlight = true;
    const done = () => {
      this.inFlight = false;
      this.schedule();
    };
    try {
      const result = this.refetch(scope);
      if (result instanceof Promise) result.then(done, done);
      else done();
    } catch {
      done();
    }
  }
}
