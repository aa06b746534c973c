import { Inject, Injectable } from '@nestjs/common';
import { arr, obj, type UnifiedRecord } from '@resonance/contracts';
import { mapWebhook } from '@resonance/connectors';
import { WebhookDeliveries } from './webhook-deliveries';

export interface WebhookAccepted {
  channels: number;
  records: number;
  hints: number;
  /** Set when these exact signed bytes were accepted before: nothing is queued again. */
  duplicate?: true;
}

/**
 * Turns one verified Facebook delivery into queue jobs, per connected page: its records as one
 * ingest job (job id from the delivery's hash, so a duplicate delivery adds nothing — and the
 * upsert would store nothing twice anyway), and its hints as a sync run of that channel.
 */
@Injectable()
export class FacebookWebhookService {
  constructor(@Inject(WebhookDeliveries) private readonly deliveries: WebhookDeliveries) {}

  async accept(rawBody: Buffer, body: unknown): Promise<WebhookAccepted> {
    const entries = arr(obj(body).entry);
    // Entries of one delivery may belong to several pages; group their records by page.
    const byPage = new Map<string, UnifiedRecord[]>();
    for (const entry of entries) {
      const pageId = obj(entry).id;
      if (pageId === undefined || pageId === null) continue;
      const records = mapWebhook({ object: 'page', entry: [entry] });
      // Page ids are strings; any other value cannot match a connected page and is only kept apart.
      const pageKey = typeof pageId === 'string' ? pageId : JSON.stringify(pageId);
      byPage.set(pageKey, [...(byPage.get(pageKey) ?? []), ...records]);
    }
    const result: WebhookAccepted = { channels: 0, records: 0, hints: 0 };
    if (!byPage.size) return result;
    const queued = await this.deliveries.once('facebook', rawBody, (delivery) => this.queue(byPage, delivery, result));
    return queued === 'duplicate' ? { ...result, duplicate: true } : queued;
  }

  private async queue(byPage: Map<string, UnifiedRecord[]>, delivery: string, result: WebhookAccepted): Promise<WebhookAccepted> {
    // Paused pages are not among them: their records are dropped, as X's and LinkedIn's are.
    for (const channel of await this.deliveries.receivingChannels('facebook', [...byPage.keys()])) {
      const records = byPage.get(channel.externalId) ?? [];
      const storable = records.filter((r) => r.kind === 'message' || r.kind === 'post');
      const hints = records.filter((r) => r.kind === 'hint');
      if (storable.length) await this.deliveries.queueRecords(channel, `fb-webhook-${delivery}`, storable);
      if (hints.length) await this.deliveries.queueHintedSync(channel);
      result.channels += 1;
      result.records += storable.length;
      result.hints += hints.length;
    }
    return result;
  }
}
