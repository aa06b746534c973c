import { Module } from '@nestjs/common';
import { FacebookWebhookController } from './facebook-webhook.controller';
import { FacebookWebhookService } from './facebook-webhook.service';
import { HandshakeRateLimit } from './handshake-rate-limit';
import { LinkedInWebhookController } from './linkedin-webhook.controller';
import { LinkedInWebhookService } from './linkedin-webhook.service';
import { WebhookDeliveries } from './webhook-deliveries';
import { WebhooksRepository } from './webhooks.repository';
import { XWebhookController } from './x-webhook.controller';
import { XWebhookService } from './x-webhook.service';

/** Deliveries from the networks (Facebook, X, LinkedIn); they need the raw body (kept by security/json-body.ts). */
@Module({
  controllers: [FacebookWebhookController, LinkedInWebhookController, XWebhookController],
  providers: [HandshakeRateLimit, WebhookDeliveries, WebhooksRepository, FacebookWebhookService, LinkedInWebhookService, XWebhookService],
})
export class WebhooksModule {}
