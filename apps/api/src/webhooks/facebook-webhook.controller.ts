import { Controller, Get, HttpCode, Inject, Post, Query, Req, Res, UnauthorizedException, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CONFIG, type Config } from '@resonance/config';
import { facebookSettings, verifyFacebookSignature, type FacebookSettings } from '@resonance/connectors';
import type { HttpRequest, HttpResponse } from '../common/http';
import { answerMetaHandshake } from './meta-handshake';
import { HandshakeRateLimit } from './handshake-rate-limit';
import { FacebookWebhookService, type WebhookAccepted } from './facebook-webhook.service';

/**
 * Facebook's webhook receiver: the subscription handshake (GET, hub.challenge echoed when the
 * verify token matches) and deliveries (POST, X-Hub-Signature-256 checked over the raw body in
 * constant time, 401 otherwise; answered as soon as the work is queued).
 */
@ApiExcludeController()
@Controller('webhooks/facebook')
export class FacebookWebhookController {
  private readonly settings: FacebookSettings;

  constructor(
    @Inject(CONFIG) config: Config,
    @Inject(FacebookWebhookService) private readonly service: FacebookWebhookService,
  ) {
    this.settings = facebookSettings(config);
  }

  @Get()
  @UseGuards(HandshakeRateLimit)
  verify(@Query() query: Record<string, unknown>, @Res() res: HttpResponse): void {
    answerMetaHandshake(query, this.settings.verifyToken, res);
  }

  @Post()
  @HttpCode(200)
  async receive(@Req() req: HttpRequest & { rawBody?: Buffer }): Promise<WebhookAccepted> {
    const secret = this.settings.appSecret;
    const raw = req.rawBody;
    const signature = req.headers['x-hub-signature-256'];
    if (!secret || !raw || !verifyFacebookSignature(raw, typeof signature === 'string' ? signature : undefined, secret)) {
      throw new UnauthorizedException('invalid or missing X-Hub-Signature-256');
    }
    return this.service.accept(raw, req.body);
  }
}
