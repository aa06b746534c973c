import { Module } from '@nestjs/common';
import { FacebookWebhookController } from './facebook-webhook.controller';
import { FacebookWebhookService } from './facebook-webhook.service';
import { LinkedInWebhookController } from './linkedin-webhook.controller';
import { LinkedInWebhookService } from './linkedin-webhook.service';

/** Deliveries from the networks (Facebook now); they need the raw body (NestFactory rawBody). */
@Module({ controllers: [FacebookWebhookController, LinkedInWebhookController], providers: [FacebookWebhookService, LinkedInWebhookService] })
export class WebhooksModule {}
