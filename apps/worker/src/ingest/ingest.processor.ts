import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { QueueName, type IngestJob } from '@resonance/queue';
import { IngestStore, type IngestResult } from './ingest-store';

/** Stores a page of records that a sync run or a webhook delivery produced. */
@Processor(QueueName.Ingest, { concurrency: 4 })
export class IngestProcessor extends WorkerHost {
  private readonly logger = new Logger(IngestProcessor.name);
  private readonly store: IngestStore;

  constructor(@Inject(DataSource) dataSource: DataSource) {
    super();
    this.store = new IngestStore(dataSource);
  }

  async process(job: Job<IngestJob>): Promise<IngestResult> {
    const result = await this.store.ingest(job.data.channelAccountId, job.data.records);
    this.logger.debug({ jobId: job.id, source: job.data.source, ...result }, 'ingested');
    return result;
  }
}
