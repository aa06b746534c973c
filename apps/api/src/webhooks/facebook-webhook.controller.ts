import { Controller, Get, HttpCode, Inject, Post, Query, Req, Res, UnauthorizedException, ForbiddenException, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { timingSafeEqual } from 'node:crypto';
import { CONFIG, type Config } from '@resonance/config';
import { facebookSettings, verifyFacebookSignature, type FacebookSettings } from '@resonance/connectors';
import type { HttpRequest, HttpResponse } from '../common/http';
import { HandshakeRateLimit } from './handshake-rate-limit';
import { FacebookWebhookService, type WebhookAccepted } from './facebook-webhook.service';

const sameText = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

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
    const token = this.settings.verifyToken;
    const given = query['hub.verify_token'];
    if (query['hub.mode'] !== 'subscribe' || !token || typeof given !== 'string' || !sameText(given, token)) {
      throw new ForbiddenException('webhook verification failed: wrong mode or verify token');
    }
    res.statusCode = 200;
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    const challenge = query['hub.challenge'];
    // Facebook sends one string; a repeated or nested parameter is not a handshake to echo.
    res.end(typeof challenge === 'string' ? challenge : '');
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
