import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { CONFIG, type Config } from '@resonance/config';
import { QueueName, type IngestJob } from '@resonance/queue';
import { processorConcurrency } from '../concurrency';
import { currentChannelStatus } from './channel-receiving';
import { ContactNames } from './contact-names';
import { IngestStore, type IngestResult } from './ingest-store';

export type IngestJobResult = IngestResult | { skipped: 'not_connected' };

/**
 * Stores a page of records that a webhook delivery produced (sync runs store theirs directly).
 * Only for a channel that is connected when the job runs: the api queues deliveries only for
 * connected channels, but one queued just before the channel was paused, or lost its token, would
 * otherwise still be stored. Such a job is done, not failed — no retry: what the channel missed
 * comes from the sync that runs when it is connected again, as for deliveries the api dropped.
 */
// Concurrency 1 until bootstrap sets WORKER_CONCURRENCY's share (concurrency.ts): the decorator is
// evaluated before any configuration is read.
@Processor(QueueName.Ingest, { concurrency: 1 })
export class IngestProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(IngestProcessor.name);

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    /** The worker's one IngestStore (pipeline.providers.ts), shared with the sync runs: one classifier thread per worker. */
    @Inject(IngestStore) readonly store: IngestStore,
    @Inject(ContactNames) private readonly names: ContactNames,
    @Inject(CONFIG) private readonly config: Config,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = processorConcurrency(this.config).ingest;
  }

  async process(job: Job<IngestJob>): Promise<IngestJobResult> {
    const { channelAccountId, source, records } = job.data;
    const status = await currentChannelStatus(this.dataSource, channelAccountId);
    if (status !== 'connected') {
      this.logger.log(
        { jobId: job.id, source, channelAccountId, status: status ?? 'deleted', records: records.length },
        'ingest skipped: channel not connected',
      );
      return { skipped: 'not_connected' };
    }
    // Webhook-only senders (Messenger) are named from the network before the first message is stored.
    const result = await this.store.ingest(channelAccountId, await this.names.fill(channelAccountId, records));
    this.logger.debug({ jobId: job.id, source, ...result }, 'ingested');
    return result;
  }
}
