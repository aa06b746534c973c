import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { UnrecoverableError, type Job, type Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { CONFIG, type Config } from '@resonance/config';
import { jobId, QueueName, RELABEL_JOB_NAME, type ClassifyJob } from '@resonance/queue';
import { ExternalClassifier } from './external-classifier';
import { relabelNewMessages, type RelabelResult } from './relabel';

/** How often the relabelling looks for new messages (a run works through up to 20 batches). */
export const RELABEL_EVERY_MS = 1_000;
export const RELABEL_SCHEDULER_ID = jobId.classifierRelabel();

/**
 * The external classifier (CLASSIFIER_URL) on a job scheduler of the classify queue: one scheduler
 * for all worker copies, one run at a time (the cursor row is locked by the run that has it).
 * Without CLASSIFIER_URL the scheduler is removed, so turning the setting off stops it everywhere.
 */
@Processor(QueueName.Classify, { concurrency: 1 })
export class ClassifyProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ClassifyProcessor.name);
  private readonly classifier: ExternalClassifier | undefined;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Classify) private readonly queue: Queue<ClassifyJob>,
    @Inject(CONFIG) private readonly config: Config,
  ) {
    super();
    const url = config.CLASSIFIER_URL;
    this.classifier = url ? new ExternalClassifier({ ...config, CLASSIFIER_URL: url }) : undefined;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.classifier) await this.queue.upsertJobScheduler(RELABEL_SCHEDULER_ID, { every: RELABEL_EVERY_MS }, { name: RELABEL_JOB_NAME, data: {} });
    else await this.queue.removeJobScheduler(RELABEL_SCHEDULER_ID);
  }

  async process(job: Job<ClassifyJob>): Promise<RelabelResult | { off: true }> {
    if (job.name !== RELABEL_JOB_NAME) throw new UnrecoverableError(`unknown classify job ${JSON.stringify(job.name)}`);
    // A job left from when another copy had CLASSIFIER_URL set: nothing to call here.
    if (!this.classifier) return { off: true };
    const result = await relabelNewMessages(this.dataSource, this.classifier, {
      batch: this.config.CLASSIFIER_BATCH,
      maxLagMs: this.config.CLASSIFIER_MAX_LAG_MS,
    });
    if (result.failedBatches) {
      this.logger.warn(
        { failedBatches: result.failedBatches, keptBuiltin: result.keptBuiltin, reason: result.lastFailure },
        'external classifier: batches kept the built-in labels',
      );
    }
    return result;
  }
}
