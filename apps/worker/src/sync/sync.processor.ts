import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { CONFIG, type Config } from '@resonance/config';
import { QueueName, type SyncJob } from '@resonance/queue';
import { processorConcurrency } from '../concurrency';
import { SyncRunner, type SyncRunResult } from './sync-runner';
import { SyncScheduler } from './sync-scheduler';
import { UnexpectedShapes } from './unexpected-shapes';

/**
 * Runs one channel's sync (scheduled, backfill, or after a webhook hint), then moves the
 * channel's schedule to the interval the run chose, or removes it when the channel stopped.
 */
// Concurrency 1 until bootstrap sets WORKER_CONCURRENCY (concurrency.ts): the decorator is
// evaluated before any configuration is read.
@Processor(QueueName.Sync, { concurrency: 1 })
export class SyncProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(SyncProcessor.name);
  private readonly unexpected = new UnexpectedShapes();

  constructor(
    @Inject(SyncRunner) private readonly runner: SyncRunner,
    @Inject(SyncScheduler) private readonly scheduler: SyncScheduler,
    @Inject(CONFIG) private readonly config: Config,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = processorConcurrency(this.config).sync;
  }

  async process(job: Job<SyncJob>): Promise<SyncRunResult> {
    const { channelAccountId } = job.data;
    const result = await this.runner.run(channelAccountId);
    if (result.skipped === 'missing' || result.skipped === 'not_connected') await this.scheduler.unschedule(channelAccountId);
    else if (result.intervalMs !== result.previousIntervalMs) await this.scheduler.schedule(channelAccountId, result.intervalMs);
    for (const message of this.unexpected.firstSeen(result.unexpected ?? []))
      this.logger.warn({ channelAccountId, unexpected: message }, 'sync met a payload it cannot read (logged once per shape)');
    if (result.error) this.logger.warn({ jobId: job.id, ...result }, 'sync failed');
    else this.logger.debug({ jobId: job.id, reason: job.data.reason, ...result }, 'synced');
    return result;
  }
}
