import { Inject, Injectable } from '@nestjs/common';
import { mapLinkedInWebhookByOrganization } from '@resonance/connectors';
import { WebhookDeliveries } from './webhook-deliveries';

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
  constructor(@Inject(WebhookDeliveries) private readonly deliveries: WebhookDeliveries) {}

  async accept(rawBody: Buffer, body: unknown): Promise<LinkedInWebhookAccepted> {
    const byOrg = mapLinkedInWebhookByOrganization(body);
    const result: LinkedInWebhookAccepted = { channels: 0, hints: 0 };
    if (!byOrg.size) return result;
    const queued = await this.deliveries.once('linkedin', rawBody, async () => {
      for (const channel of await this.deliveries.receivingChannels('linkedin', [...byOrg.keys()])) {
        await this.deliveries.queueHintedSync(channel);
        result.channels += 1;
        result.hints += byOrg.get(channel.externalId)?.length ?? 0;
      }
      return result;
    });
    return queued === 'duplicate' ? { ...result, duplicate: true } : queued;
  }
}
