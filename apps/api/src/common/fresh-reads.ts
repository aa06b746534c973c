import { currentReadContext } from '@resonance/db';

/**
 * Identical reads that arrive together share one run, without ever answering from a run that
 * started before the caller asked. A call with no run of its key in flight starts one; calls that
 * arrive while a run is in flight wait for it to end and then share the next run, which starts
 * after every one of them arrived. So each caller's answer comes from a statement issued after its
 * request came in: it sees every write committed before that (read-your-writes, and a logout or
 * role change committed before the request), exactly as its own statement would.
 *
 * Why: 200 dashboards refetch the same inbox page within milliseconds of one live event, and an
 * agent's dashboard refetches its list, thread and messages at once (three session lookups). Under
 * that load each run held a pooled connection while the event loop was busy, and ~100 requests
 * waited for the pool (docs/benchmarks.md, "Agents, third pass"). At most two runs of a key exist
 * at a time (one in flight, one waiting), however many callers there are.
 *
 * A failed run fails every caller that shared it; the next call starts afresh. Callers must treat
 * the shared value as read-only.
 */
export class FreshReads<T> {
  private readonly running = new Map<string, Promise<T>>();
  private readonly next = new Map<string, Promise<T>>();
  /** Runs started (for tests and the metrics: callers minus runs is what sharing saved). */
  runs = 0;

  read(key: string, run: () => Promise<T>): Promise<T> {
    const waiting = this.next.get(key);
    if (waiting) return waiting;
    const current = this.running.get(key);
    if (!current) return this.start(key, run);
    // Starts when the current run ends (either way), so it begins after this caller arrived.
    const queued = current.then(
      () => this.promote(key, run),
      () => this.promote(key, run),
    );
    this.next.set(key, queued);
    return queued;
  }

  private promote(key: string, run: () => Promise<T>): Promise<T> {
    this.next.delete(key);
    return this.start(key, run);
  }

  private start(key: string, run: () => Promise<T>): Promise<T> {
    this.runs += 1;
    const started = (async () => run())();
    this.running.set(key, started);
    const clear = () => {
      if (this.running.get(key) === started) this.running.delete(key);
    };
    started.then(clear, clear);
    return started;
  }
}

/**
 * The part of a key that says where the read may go: a request's read context (read replica:
 * primary only, or the session's last write position). Reads of different contexts never share a
 * run, so a shared run reads where each of its callers' own would have read.
 */
export function readContextKey(): string {
  const context = currentReadContext();
  return context ? `${context.primaryOnly ? 'p' : 'r'}:${context.writtenLsn ?? ''}` : '-';
}
