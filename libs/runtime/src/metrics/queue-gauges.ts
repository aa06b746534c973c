import type { Queue } from 'bullmq';
import { Gauge, type Registry } from 'prom-client';

/** The job states whose counts a scrape reports per queue. */
export const GAUGED_JOB_STATES = ['waiting', 'prioritized', 'active', 'delayed', 'failed', 'waiting-children'] as const;

/**
 * How long a scrape waits for the queue backend. BullMQ's Redis connections queue commands while
 * Redis is away instead of failing them, so without a bound every scrape of an outage would hang
 * (and pile up) until Prometheus gave up.
 */
export const QUEUE_SCRAPE_TIMEOUT_MS = 2_000;

async function bounded<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`queue backend gave no answer in ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

interface QueueSnapshot {
  queue: string;
  counts: Record<string, number>;
  oldestWaitingSeconds: number;
}

/**
 * Queue depth and the age of the oldest waiting job, per queue, read from the queue backend at
 * scrape time, and whether the backend answered. They describe the whole installation, not one
 * process, so only the api registers them (every worker copy would report the same numbers again).
 */
export function registerQueueGauges(registry: Registry, queues: Queue[], options: { now?: () => number; timeoutMs?: number } = {}): void {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? QUEUE_SCRAPE_TIMEOUT_MS;
  // One read of the backend per scrape serves all three gauges.
  let pending: Promise<QueueSnapshot[] | null> | undefined;
  const snapshot = () => {
    pending ??= bounded(Promise.all(queues.map((queue) => readQueue(queue, now))), timeoutMs)
      .catch(() => null)
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };

  new Gauge({
    name: 'resonance_queue_backend_up',
    help: `1 when the queue backend (Redis) answered this scrape within ${timeoutMs} ms, else 0 (and no queue gauges)`,
    registers: [registry],
    async collect() {
      this.set((await snapshot()) ? 1 : 0);
    },
  });
  new Gauge({
    name: 'resonance_queue_jobs',
    help: 'Jobs in each queue by state (waiting, prioritized, active, delayed, failed, waiting-children), at scrape time',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const { queue, counts } of (await snapshot()) ?? []) {
        for (const state of GAUGED_JOB_STATES) this.set({ queue, state }, counts[state] ?? 0);
      }
    },
  });
  new Gauge({
    name: 'resonance_queue_oldest_waiting_seconds',
    help: 'Age of the oldest job waiting to run in each queue (0 when none waits), at scrape time',
    labelNames: ['queue'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const { queue, oldestWaitingSeconds } of (await snapshot()) ?? []) this.set({ queue }, oldestWaitingSeconds);
    },
  });
}

async function readQueue(queue: Queue, now: () => number): Promise<QueueSnapshot> {
  const [counts, firsts] = await Promise.all([
    queue.getJobCounts(...GAUGED_JOB_STATES),
    // asc: each list's first job is its longest-waiting one (for prioritized jobs: the next to run).
    queue.getJobs(['waiting', 'prioritized'], 0, 0, true),
  ]);
  const since = Math.min(...firsts.map((job) => job.timestamp));
  return { queue: queue.name, counts, oldestWaitingSeconds: firsts.length ? Math.max(0, (now() - since) / 1000) : 0 };
}
