import { Controller, Get, HttpCode, Inject, Post, Query, Req, Res, UnauthorizedException, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CONFIG, type Config } from '@resonance/config';
import { instagramSettings, verifyInstagramSignature, type InstagramSettings } from '@resonance/connectors';
import type { HttpRequest, HttpResponse } from '../common/http';
import { answerMetaHandshake } from './meta-handshake';
import { HandshakeRateLimit } from './handshake-rate-limit';
import type { WebhookAccepted } from './facebook-webhook.service';
import { InstagramWebhookService } from './instagram-webhook.service';

/**
 * Instagram's webhook receiver (`object: instagram`): the subscription handshake and deliveries,
 * X-Hub-Signature-256 checked over the raw body in constant time. Instagram-Login apps sign with
 * the Instagram app secret, Facebook-Login apps with the Facebook app's: either verifies.
 */
@ApiExcludeController()
@Controller('webhooks/instagram')
export class InstagramWebhookController {
  private readonly settings: InstagramSettings;

  constructor(
    @Inject(CONFIG) config: Config,
    @Inject(InstagramWebhookService) private readonly service: InstagramWebhookService,
  ) {
    this.settings = instagramSettings(config);
  }

  @Get()
  @UseGuards(HandshakeRateLimit)
  verify(@Query() query: Record<string, unknown>, @Res() res: HttpResponse): void {
    answerMetaHandshake(query, this.settings.verifyToken, res);
  }

  @Post()
  @HttpCode(200)
  async receive(@Req() req: HttpRequest & { rawBody?: Buffer }): Promise<WebhookAccepted> {
    const raw = req.rawBody;
    const header = req.headers['x-hub-signature-256'];
    const signature = typeof header === 'string' ? header : undefined;
    const secrets = [this.settings.appSecret, this.settings.facebookAppSecret].filter((s): s is string => !!s);
    if (!raw || !secrets.some((secret) => verifyInstagramSignature(raw, signature, secret))) {
      throw new UnauthorizedException('invalid or missing X-Hub-Signature-256');
    }
    return this.service.accept(raw, req.body);
  }
}
