import type { Config } from '@resonance/config';

/** How many jobs of each queue one worker process runs at once. */
export interface ProcessorConcurrency {
  sync: number;
  ingest: number;
  outbound: number;
}

/**
 * WORKER_CONCURRENCY is the number of sync runs a worker runs side by side (default 8); webhook
 * ingest jobs and outbound sends get half as many (default 4). Those are the numbers the worker had
 * before the setting was read: a sync run is the long job (many pages, each written over up to two
 * connections), an ingest job or a send is one short transaction or one network call. The rollup
 * and maintenance queues stay at 1 whatever the setting: their jobs take a lock of their own, so a
 * second one would only wait for the first.
 */
export function processorConcurrency(config: Pick<Config, 'WORKER_CONCURRENCY'>): ProcessorConcurrency {
  const sync = config.WORKER_CONCURRENCY;
  const half = Math.max(1, Math.floor(sync / 2));
  return { sync, ingest: half, outbound: half };
}
