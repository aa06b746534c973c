import { Inject, Injectable } from '@nestjs/common';
import { mapXWebhook } from '@resonance/connectors';
import { WebhookDeliveries } from './webhook-deliveries';

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
  constructor(@Inject(WebhookDeliveries) private readonly deliveries: WebhookDeliveries) {}

  async accept(rawBody: Buffer, body: unknown): Promise<XWebhookAccepted> {
    const forUser = (body as { for_user_id?: unknown } | null)?.for_user_id;
    const records = mapXWebhook(body);
    const result: XWebhookAccepted = { channels: 0, records: 0, hints: 0 };
    if ((typeof forUser !== 'string' && typeof forUser !== 'number') || !records.length) return result;
    const storable = records.filter((r) => r.kind === 'message');
    const hints = records.filter((r) => r.kind === 'hint');
    const queued = await this.deliveries.once('x', rawBody, async (delivery) => {
      for (const channel of await this.deliveries.receivingChannels('x', [String(forUser)])) {
        if (storable.length) await this.deliveries.queueRecords(channel, `x-webhook-${delivery}`, storable);
        if (hints.length) await this.deliveries.queueHintedSync(channel);
        result.channels += 1;
        result.records += storable.length;
        result.hints += hints.length;
      }
      return result;
    });
    return queued === 'duplicate' ? { ...result, duplicate: true } : queued;
  }
}
