import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { mapXWebhook } from '@resonance/connectors';
import { jobId, QueueName, type IngestJob, type SyncJob } from '@resonance/queue';

export interface XWebhookAccepted {
  channels: number;
  records: number;
  hints: number;
  /** Set when these exact signed bytes were accepted before: nothing is queued again. */
  duplicate?: true;
}

/**
 * Turns one verified Account Activity delivery into queue jobs for the connected account it is
 * for (`for_user_id`): DMs as one ingest job (job id from the delivery's hash), tweets — which
 * come without their conversation — as a hinted sync that reads them where they belong.
 */
@Injectable()
export class XWebhookService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Ingest) private readonly ingest: Queue<IngestJob>,
    @InjectQueue(QueueName.Sync) private readonly sync: Queue<SyncJob>,
  ) {}

  async accept(rawBody: Buffer, body: unknown): Promise<XWebhookAccepted> {
    const forUser = (body as { for_user_id?: unknown } | null)?.for_user_id;
    const records = mapXWebhook(body);
    const result: XWebhookAccepted = { channels: 0, records: 0, hints: 0 };
    if ((typeof forUser !== 'string' && typeof forUser !== 'number') || !records.length) return result;
    const delivery = createHash('sha256').update(rawBody).digest('hex').slice(0, 32);
    const inserted = (await this.dataSource.query(
      `INSERT INTO webhook_delivery (network, delivery_id) VALUES ('x', $1) ON CONFLICT DO NOTHING RETURNING delivery_id`,
      [delivery],
    )) as unknown[];
    if (inserted.length !== 1) return { ...result, duplicate: true };
    try {
      const channels = (await this.dataSource.query(
        `SELECT id FROM channel_account WHERE network = 'x' AND status = 'connected' AND external_id = $1`,
        [String(forUser)],
      )) as Array<{ id: string }>;
      const storable = records.filter((r) => r.kind === 'message');
      const hints = records.filter((r) => r.kind === 'hint');
      for (const channel of channels) {
        if (storable.length) {
          await this.ingest.add('webhook', { channelAccountId: channel.id, source: `x-webhook-${delivery}`, records: storable }, { jobId: jobId.ingest(channel.id, `x-webhook-${delivery}`) });
        }
        if (hints.length) {
          // One hinted sync per channel and second: the run reads every new tweet with its conversation.
          await this.sync.add(
            'sync',
            { channelAccountId: channel.id, reason: 'hint' },
            { jobId: `${jobId.sync(channel.id)}:hint${Math.floor(Date.now() / 1000)}`, attempts: 1, removeOnComplete: true, removeOnFail: { count: 100 } },
          );
        }
        result.channels += 1;
        result.records += storable.length;
        result.hints += hints.length;
      }
      return result;
    } catch (error) {
      // Not queued: forget the delivery so X's retry is processed.
      await this.dataSource.query(`DELETE FROM webhook_delivery WHERE network = 'x' AND delivery_id = $1`, [delivery]);
      throw error;
    }
  }
}
