import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { mapLinkedInWebhookByOrganization } from '@resonance/connectors';
import { jobId, QueueName, type SyncJob } from '@resonance/queue';

export interface LinkedInWebhookAccepted {
  channels: number;
  hints: number;
  /** Set when these exact signed bytes were accepted before: nothing is queued again. */
  duplicate?: true;
}

/**
 * Turns one verified LinkedIn notification batch into a hinted sync of each connected page it
 * names. The notifications carry only URNs (no comment text or author), so the sync reads them;
 * the delivery's hash is remembered so LinkedIn's retries (every 5 minutes for 8 hours) queue nothing twice.
 */
@Injectable()
export class LinkedInWebhookService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Sync) private readonly sync: Queue<SyncJob>,
  ) {}

  async accept(rawBody: Buffer, body: unknown): Promise<LinkedInWebhookAccepted> {
    const byOrg = mapLinkedInWebhookByOrganization(body);
    const result: LinkedInWebhookAccepted = { channels: 0, hints: 0 };
    if (!byOrg.size) return result;
    const delivery = createHash('sha256').update(rawBody).digest('hex').slice(0, 32);
    const inserted = (await this.dataSource.query(
      `INSERT INTO webhook_delivery (network, delivery_id) VALUES ('linkedin', $1) ON CONFLICT DO NOTHING RETURNING delivery_id`,
      [delivery],
    )) as unknown[];
    if (inserted.length !== 1) return { ...result, duplicate: true };
    try {
      const channels = (await this.dataSource.query(
        `SELECT id, external_id FROM channel_account WHERE network = 'linkedin' AND status = 'connected' AND external_id = ANY($1::text[])`,
        [[...byOrg.keys()]],
      )) as Array<{ id: string; external_id: string }>;
      for (const channel of channels) {
        // One hinted sync per channel and second: the run reads every post whose comments changed.
        await this.sync.add(
          'sync',
          { channelAccountId: channel.id, reason: 'hint' },
          { jobId: `${jobId.sync(channel.id)}:hint${Math.floor(Date.now() / 1000)}`, attempts: 1, removeOnComplete: true, removeOnFail: { count: 100 } },
        );
        result.channels += 1;
        result.hints += byOrg.get(channel.external_id)?.length ?? 0;
      }
      return result;
    } catch (error) {
      // Not queued: forget the delivery so LinkedIn's retry is processed.
      await this.dataSource.query(`DELETE FROM webhook_delivery WHERE network = 'linkedin' AND delivery_id = $1`, [delivery]);
      throw error;
    }
  }
}
