import { Processor, WorkerHost, InjectQueue } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { jobId, QueueName, type RollupJob } from '@resonance/queue';
import { classifyPendingPostTopics } from './post-topics';
import { Rollups, type DrainResult } from './rollups';

/** How often the rollup job drains the threads marked by the message triggers (report freshness). */
export const ROLLUP_EVERY_MS = 10_000;

/**
 * Maintains the report rollups: a repeatable job drains marked threads; a job naming a workspace
 * rebuilds that workspace from raw data. Concurrency 1: the drain takes a lock anyway.
 */
@Processor(QueueName.Rollup, { concurrency: 1 })
export class RollupProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(RollupProcessor.name);
  private readonly rollups: Rollups;
  private readonly dataSource: DataSource;

  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @InjectQueue(QueueName.Rollup) private readonly queue: Queue,
  ) {
    super();
    this.dataSource = dataSource;
    this.rollups = new Rollups(dataSource, (message) => this.logger.warn(message));
  }

  async onApplicationBootstrap(): Promise<void> {
    // A scheduler id, not a job id: every worker copy upserts the same one schedule.
    await this.queue.upsertJobScheduler(jobId.rollupDrain(), { every: ROLLUP_EVERY_MS }, { name: 'drain', data: {} });
  }

  async process(job: Job<RollupJob>): Promise<DrainResult> {
    // Posts stored before post topics existed get theirs here, a batch per run (post-topics.ts).
    const topics = await classifyPendingPostTopics(this.dataSource);
    if (topics) this.logger.debug({ jobId: job.id, posts: topics }, 'post topics classified');
    const result = job.data.workspaceId ? await this.rollups.rebuild({ workspaceId: job.data.workspaceId }) : await this.rollups.drainAll();
    if (result.threads) this.logger.debug({ jobId: job.id, ...result }, 'rollups updated');
    return result;
  }
}
