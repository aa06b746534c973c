import type { Queue } from 'bullmq';
import { Gauge, type Registry } from 'prom-client';

/** The job states whose counts a scrape reports per queue. */
export const GAUGED_JOB_STATES = ['waiting', 'prioritized', 'active', 'delayed', 'failed', 'waiting-children'] as const;

/**
 * Queue depth and the age of the oldest waiting job, per queue, read from the queue backend at
 * scrape time. They describe the whole installation, not one process, so only the api registers
 * them (every worker copy would report the same numbers again).
 */
export function registerQueueGauges(registry: Registry, queues: Queue[], now: () => number = Date.now): void {
  new Gauge({
    name: 'resonance_queue_jobs',
    help: 'Jobs in each queue by state (waiting, prioritized, active, delayed, failed, waiting-children), at scrape time',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      const counts = await Promise.all(queues.map(async (queue) => ({ queue: queue.name, counts: await queue.getJobCounts(...GAUGED_JOB_STATES) })));
      for (const { queue, counts: byState } of counts) {
        for (const state of GAUGED_JOB_STATES) this.set({ queue, state }, byState[state] ?? 0);
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
      const ages = await Promise.all(
        queues.map(async (queue) => {
          // asc: the first job of each list is its longest-waiting one (one per state comes back).
          const firsts = await queue.getJobs(['waiting', 'prioritized'], 0, 0, true);
          const since = Math.min(...firsts.map((job) => job.timestamp));
          return { queue: queue.name, seconds: firsts.length ? Math.max(0, (now() - since) / 1000) : 0 };
        }),
      );
      for (const { queue, seconds } of ages) this.set({ queue }, seconds);
    },
  });
}
