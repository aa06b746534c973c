import { Controller, ForbiddenException, Get, HttpCode, Inject, Post, Query, Req, Res, UnauthorizedException, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { timingSafeEqual } from 'node:crypto';
import { CONFIG, type Config } from '@resonance/config';
import { instagramSettings, verifyInstagramSignature, type InstagramSettings } from '@resonance/connectors';
import type { HttpRequest, HttpResponse } from '../common/http';
import { HandshakeRateLimit } from './handshake-rate-limit';
import type { WebhookAccepted } from './facebook-webhook.service';
import { InstagramWebhookService } from './instagram-webhook.service';

const sameText = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

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
    const token = this.settings.verifyToken;
    const given = query['hub.verify_token'];
    if (query['hub.mode'] !== 'subscribe' || !token || typeof given !== 'string' || !sameText(given, token)) {
      throw new ForbiddenException('webhook verification failed: wrong mode or verify token');
    }
    res.statusCode = 200;
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    const challenge = query['hub.challenge'];
    res.end(typeof challenge === 'string' ? challenge : '');
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
