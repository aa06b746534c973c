import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue, type WorkerHost } from '@nestjs/bullmq';
import type { Job, Queue, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { sqlClient } from '@resonance/db';
import { QueueName } from '@resonance/queue';
import { IngestProcessor } from '../ingest/ingest.processor';
import { NotifyProcessor } from '../notify/notify.processor';
import { OutboundProcessor } from '../outbound/outbound.processor';
import { RetentionProcessor } from '../retention/retention.processor';
import { RollupProcessor } from '../rollup/rollup.processor';
import { SyncProcessor } from '../sync/sync.processor';
import { ping } from './health.queries';
import { jobsCompleted, jobsFailed } from './worker-metrics';

/** A dependency that does not answer within this counts as down (a probe must answer fast). */
export const PROBE_TIMEOUT_MS = 2_000;

export interface ProbeResult {
  up: boolean;
  message?: string;
}

export interface Readiness {
  ready: boolean;
  checks: { database: ProbeResult; queue: ProbeResult; processors: ProbeResult & { running: string[]; stopped: string[] } };
}

async function probe(work: () => Promise<unknown>): Promise<ProbeResult> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      work(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
      }),
    ]);
    return { up: true };
  } catch (error) {
    return { up: false, message: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * What the worker's readiness says: PostgreSQL answers, the queue backend (Redis) answers, and
 * every processor's BullMQ worker is running. Also counts each processor's completed and failed
 * jobs into the worker's metrics (the BullMQ workers exist once the application has bootstrapped).
 */
@Injectable()
export class WorkerProbes implements OnApplicationBootstrap {
  private readonly hosts: WorkerHost[];
  private bootstrapped = false;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Sync) private readonly syncQueue: Queue,
    @Inject(SyncProcessor) sync: SyncProcessor,
    @Inject(IngestProcessor) ingest: IngestProcessor,
    @Inject(OutboundProcessor) outbound: OutboundProcessor,
    @Inject(RollupProcessor) rollup: RollupProcessor,
    @Inject(RetentionProcessor) retention: RetentionProcessor,
    @Inject(NotifyProcessor) notify: NotifyProcessor,
  ) {
    this.hosts = [sync, ingest, outbound, rollup, retention, notify];
  }

  onApplicationBootstrap(): void {
    for (const host of this.hosts) countJobs(host.worker);
    this.bootstrapped = true;
  }

  async readiness(): Promise<Readiness> {
    const [database, queue] = await Promise.all([
      probe(() => ping.run(undefined, sqlClient(this.dataSource))),
      // A read of the queue's keys: answers only when Redis (or the PostgreSQL queue backend) does.
      probe(() => this.syncQueue.getJobCounts('waiting')),
    ]);
    const running: string[] = [];
    const stopped: string[] = [];
    for (const host of this.hosts) {
      const worker = this.bootstrapped ? host.worker : undefined;
      (worker?.isRunning() ? running : stopped).push(worker?.name ?? host.constructor.name);
    }
    const processors = { up: stopped.length === 0, running, stopped, ...(stopped.length ? { message: `not running: ${stopped.join(', ')}` } : {}) };
    return { ready: database.up && queue.up && processors.up, checks: { database, queue, processors } };
  }
}

function countJobs(worker: Worker): void {
  worker.on('completed', () => jobsCompleted.inc({ queue: worker.name }));
  worker.on('failed', (job: Job | undefined, error: Error) => {
    const attempts = job?.opts.attempts ?? 1;
    const final = !job || job.attemptsMade >= attempts || error.name === 'UnrecoverableError';
    jobsFailed.inc({ queue: worker.name, final: String(final) });
  });
}
