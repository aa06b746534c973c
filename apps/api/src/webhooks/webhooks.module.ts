import { Module } from '@nestjs/common';
import { FacebookWebhookController } from './facebook-webhook.controller';
import { FacebookWebhookService } from './facebook-webhook.service';
import { HandshakeRateLimit } from './handshake-rate-limit';
import { InstagramWebhookController } from './instagram-webhook.controller';
import { InstagramWebhookService } from './instagram-webhook.service';
import { LinkedInWebhookController } from './linkedin-webhook.controller';
import { LinkedInWebhookService } from './linkedin-webhook.service';
import { WebhookDeliveries } from './webhook-deliveries';
import { WebhooksRepository } from './webhooks.repository';
import { XWebhookController } from './x-webhook.controller';
import { XWebhookService } from './x-webhook.service';

/** Deliveries from the networks (Facebook, Instagram, X, LinkedIn); they need the raw body (kept by security/json-body.ts). */
@Module({
  controllers: [FacebookWebhookController, InstagramWebhookController, LinkedInWebhookController, XWebhookController],
  providers: [
    HandshakeRateLimit,
    WebhookDeliveries,
    WebhooksRepository,
    FacebookWebhookService,
    InstagramWebhookService,
    LinkedInWebhookService,
    XWebhookService,
  ],
})
export class WebhooksModule {}
