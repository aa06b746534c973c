import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { UnifiedRecord } from '@resonance/contracts';
import { mapWebhook } from '@resonance/connectors';
import { jobId, QueueName, type IngestJob, type SyncJob } from '@resonance/queue';

export interface WebhookAccepted {
  channels: number;
  records: number;
  hints: number;
  /** Set when these exact signed bytes were accepted before: nothing is queued again. */
  duplicate?: true;
}

/**
 * How long a delivery's hash is remembered. Facebook signs no timestamp, so a captured delivery
 * stays validly signed for ever; within this window a replay queues nothing, and after it a replay
 * only re-stores records the idempotent ingest already holds (Facebook itself retries for 36 hours).
 */
export const REPLAY_WINDOW_DAYS = 7;

type Json = Record<string, unknown>;

/**
 * Turns one verified Facebook delivery into queue jobs, per connected page: its records as one
 * ingest job (job id from the delivery's hash, so a duplicate delivery adds nothing — and the
 * upsert would store nothing twice anyway), and its hints as a sync run of that channel.
 */
@Injectable()
export class FacebookWebhookService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Ingest) private readonly ingest: Queue<IngestJob>,
    @InjectQueue(QueueName.Sync) private readonly sync: Queue<SyncJob>,
  ) {}

  async accept(rawBody: Buffer, body: unknown): Promise<WebhookAccepted> {
    const delivery = createHash('sha256').update(rawBody).digest('hex').slice(0, 32);
    const entries = Array.isArray((body as Json)?.entry) ? ((body as Json).entry as unknown[]) : [];
    // Entries of one delivery may belong to several pages; group their records by page.
    const byPage = new Map<string, UnifiedRecord[]>();
    for (const entry of entries) {
      const pageId = (entry as Json)?.id;
      if (pageId === undefined || pageId === null) continue;
      const records = mapWebhook({ object: 'page', entry: [entry] });
      byPage.set(String(pageId), [...(byPage.get(String(pageId)) ?? []), ...records]);
    }
    const result: WebhookAccepted = { channels: 0, records: 0, hints: 0 };
    if (!byPage.size) return result;
    if (!(await this.firstSeen(delivery))) return { ...result, duplicate: true };
    try {
      return await this.queue(byPage, delivery, result);
    } catch (error) {
      // Not queued: forget the delivery so the network's retry is processed.
      await this.dataSource.query(`DELETE FROM webhook_delivery WHERE network = 'facebook' AND delivery_id = $1`, [delivery]);
      throw error;
    }
  }

  /** Records the delivery's hash; false when it was already there (a replay). Prunes old hashes now and then. */
  private async firstSeen(delivery: string): Promise<boolean> {
    const inserted = (await this.dataSource.query(
      `INSERT INTO webhook_delivery (network, delivery_id) VALUES ('facebook', $1) ON CONFLICT DO NOTHING RETURNING delivery_id`,
      [delivery],
    )) as unknown[];
    if (Math.random() < 0.01) {
      await this.dataSource.query(`DELETE FROM webhook_delivery WHERE received_at < now() - $1 * interval '1 day'`, [REPLAY_WINDOW_DAYS]);
    }
    return inserted.length === 1;
  }

  private async queue(byPage: Map<string, UnifiedRecord[]>, delivery: string, result: WebhookAccepted): Promise<WebhookAccepted> {
    const channels = (await this.dataSource.query(
      `SELECT id, external_id FROM channel_account WHERE network = 'facebook' AND external_id = ANY($1::text[])`,
      [[...byPage.keys()]],
    )) as Array<{ id: string; external_id: string }>;
    for (const channel of channels) {
      const records = byPage.get(channel.external_id) ?? [];
      const storable = records.filter((r) => r.kind === 'message' || r.kind === 'post');
      const hints = records.filter((r) => r.kind === 'hint');
      if (storable.length) {
        await this.ingest.add(
          'webhook',
          { channelAccountId: channel.id, source: `fb-webhook-${delivery}`, records: storable },
          { jobId: jobId.ingest(channel.id, `fb-webhook-${delivery}`) },
        );
      }
      if (hints.length) {
        // One hinted sync per channel and second is plenty: the run fetches everything new anyway.
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
  }
}
