import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { UnrecoverableError, type Job, type Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { jobId, QueueName, RETENTION_JOB_NAME, type MaintenanceJob } from '@resonance/queue';
import { purgeExpiredMessages, type RetentionResult } from './retention';

/** How often the retention purge runs (the first run comes at once when the scheduler is new). */
export const RETENTION_EVERY_MS = 60 * 60_000;
/** One scheduler for every worker copy: each upserts the same one, so the purge runs once an hour in all. */
export const RETENTION_SCHEDULER_ID = jobId.retentionPurge();

/**
 * The retention purge as a BullMQ job scheduler on the maintenance queue, instead of a timer in
 * every worker process: one run an hour across all worker copies, visible in the queue, its
 * failures retried with the queue's backoff and kept for inspection.
 */
@Processor(QueueName.Maintenance, { concurrency: 1 })
export class RetentionProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(RetentionProcessor.name);

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Maintenance) private readonly queue: Queue<MaintenanceJob>,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(RETENTION_SCHEDULER_ID, { every: RETENTION_EVERY_MS }, { name: RETENTION_JOB_NAME, data: {} });
  }

  async process(job: Job<MaintenanceJob>): Promise<RetentionResult> {
    if (job.name !== RETENTION_JOB_NAME) throw new UnrecoverableError(`unknown maintenance job ${JSON.stringify(job.name)}`);
    const result = await purgeExpiredMessages(this.dataSource);
    if (result.messages || result.threads) this.logger.log(`retention: deleted ${result.messages} messages and ${result.threads} emptied threads`);
    return result;
  }
}
