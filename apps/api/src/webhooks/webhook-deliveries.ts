import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { createHash } from 'node:crypto';
import { CONFIG, type Config } from '@resonance/config';
import type { Network, UnifiedRecord } from '@resonance/contracts';
import { jobId, QueueName, syncNowJobOptions, type IngestJob, type SyncJob } from '@resonance/queue';
import { crashAfterCommitInTest } from '../outbound/test-crash';
import { WebhooksRepository } from './webhooks.repository';

/**
 * How long a delivery's hash is remembered. Facebook signs no timestamp, so a captured delivery
 * stays validly signed for ever; within this window a replay queues nothing, and after it a replay
 * only re-stores records the idempotent ingest already holds (Facebook itself retries for 36 hours).
 */
export const REPLAY_WINDOW_DAYS = 7;

/**
 * A channel a delivery may be queued for: connected — not paused, not waiting for reconnection,
 * not in error. Only receivingChannels() makes one (the class is not exported, and its private
 * member makes the type nominal), so no receiver can queue work for a paused channel by forgetting
 * the status check.
 */
class ConnectedChannel {
  /** Type-only (no field at run time): a private member makes the class nominal. */
  declare private readonly receiving: true;
  constructor(
    readonly id: string,
    readonly externalId: string,
  ) {}
}
export type ReceivingChannel = ConnectedChannel;

/**
 * What every network's webhook receiver shares once a delivery's signature holds: replay
 * protection on the hash of the signed bytes, the channels it may reach, and the two jobs a
 * delivery can become — its records as one ingest job, its hints as a hinted sync of the channel.
 */
@Injectable()
export class WebhookDeliveries {
  constructor(
    @Inject(WebhooksRepository) private readonly webhooks: WebhooksRepository,
    @Inject(CONFIG) private readonly config: Config,
    @InjectQueue(QueueName.Ingest) private readonly ingest: Queue<IngestJob>,
    @InjectQueue(QueueName.Sync) private readonly sync: Queue<SyncJob>,
  ) {}

  /**
   * Runs `queue` for a delivery not seen before, with the delivery's id; a replay of the same bytes
   * gets 'duplicate' and queues nothing. The delivery is remembered only after its jobs are queued
   * (issue 29): had it been remembered first, an api that died between the two would answer the
   * network's retry as a replay and the delivery's records would never be queued. Queued again,
   * they are not doubled: the ingest job's id is the delivery's and ingest is keyed by the
   * networks' ids. When `queue` fails nothing is remembered, so the network's retry is processed.
   */
  async once<T>(network: Network, rawBody: Buffer, queue: (delivery: string) => Promise<T>): Promise<T | 'duplicate'> {
    const delivery = createHash('sha256').update(rawBody).digest('hex').slice(0, 32);
    if (await this.webhooks.seen(network, delivery)) return 'duplicate';
    const queued = await queue(delivery);
    crashAfterCommitInTest(this.config, 'webhook');
    await this.webhooks.remember(network, delivery);
    return queued;
  }

  /**
   * The network's channels with these external ids that receive deliveries. A paused channel (or
   * one that needs reconnecting, or is in error — as the sync runner skips them) is left out: its
   * deliveries are answered 200 so the network does not retry them for days, and nothing is stored
   * or queued for it; what the channel gets after it resumes comes from its sync.
   */
  async receivingChannels(network: Network, externalIds: string[]): Promise<ReceivingChannel[]> {
    if (!externalIds.length) return [];
    return (await this.webhooks.connectedChannels(network, externalIds)).map((c) => new ConnectedChannel(c.id, c.externalId));
  }

  /** The delivery's storable records as one ingest job; its id makes a second add a no-op. */
  async queueRecords(channel: ReceivingChannel, source: string, records: UnifiedRecord[]): Promise<void> {
    await this.ingest.add('webhook', { channelAccountId: channel.id, source, records }, { jobId: jobId.ingest(channel.id, source) });
  }

  /** One hinted sync per channel and second is plenty: the run reads everything new anyway. */
  async queueHintedSync(channel: ReceivingChannel): Promise<void> {
    await this.sync.add('sync', { channelAccountId: channel.id, reason: 'hint' }, syncNowJobOptions(channel.id, 'hint'));
  }
}
