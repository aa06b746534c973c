import { Inject, Injectable } from '@nestjs/common';
import { arr, obj, type UnifiedRecord } from '@resonance/contracts';
import { mapInstagramWebhook } from '@resonance/connectors';
import type { WebhookAccepted } from './facebook-webhook.service';
import { WebhookDeliveries } from './webhook-deliveries';

/**
 * Turns one verified Instagram delivery into queue jobs per connected professional account
 * (entry.id, the 1784… id the channel is keyed by): its records as one ingest job (job id from
 * the delivery's hash; ingest is keyed by Instagram's ids, so a comment delivered twice — ad
 * comments are — is stored once), its hints (mentions, reads, reactions, edits) as a sync run.
 */
@Injectable()
export class InstagramWebhookService {
  constructor(@Inject(WebhookDeliveries) private readonly deliveries: WebhookDeliveries) {}

  async accept(rawBody: Buffer, body: unknown): Promise<WebhookAccepted> {
    const byAccount = new Map<string, UnifiedRecord[]>();
    for (const entry of arr(obj(body).entry)) {
      const accountId = obj(entry).id;
      // Ids are strings; a number (the dashboard's test sends "0") is kept apart, never matched.
      if (typeof accountId !== 'string' || !accountId) continue;
      const records = mapInstagramWebhook({ object: 'instagram', entry: [entry] });
      byAccount.set(accountId, [...(byAccount.get(accountId) ?? []), ...records]);
    }
    const result: WebhookAccepted = { channels: 0, records: 0, hints: 0 };
    if (!byAccount.size) return result;
    const queued = await this.deliveries.once('instagram', rawBody, (delivery) => this.queue(byAccount, delivery, result));
    return queued === 'duplicate' ? { ...result, duplicate: true } : queued;
  }

  private async queue(byAccount: Map<string, UnifiedRecord[]>, delivery: string, result: WebhookAccepted): Promise<WebhookAccepted> {
    for (const channel of await this.deliveries.receivingChannels('instagram', [...byAccount.keys()])) {
      const records = byAccount.get(channel.externalId) ?? [];
      const storable = records.filter((r) => r.kind === 'message' || r.kind === 'post');
      const hints = records.filter((r) => r.kind === 'hint');
      if (storable.length) await this.deliveries.queueRecords(channel, `ig-webhook-${delivery}`, storable);
      if (hints.length) await this.deliveries.queueHintedSync(channel);
      result.channels += 1;
      result.records += storable.length;
      result.hints += hints.length;
    }
    return result;
  }
}
