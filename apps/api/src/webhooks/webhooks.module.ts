import { Module } from '@nestjs/common';
import { FacebookWebhookController } from './facebook-webhook.controller';
import { FacebookWebhookService } from './facebook-webhook.service';

/** Deliveries from the networks (Facebook now); they need the raw body (NestFactory rawBody). */
@Module({ controllers: [FacebookWebhookController], providers: [FacebookWebhookService] })
export class WebhooksModule {}
