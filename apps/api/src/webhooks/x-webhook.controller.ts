import { BadRequestException, Controller, Get, HttpCode, Inject, Post, Query, Req, UnauthorizedException, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CONFIG, type Config } from '@resonance/config';
import { isXCrcToken, verifyXSignature, xCrcResponseToken, xSettings, type XSettings } from '@resonance/connectors';
import type { HttpRequest } from '../common/http';
import { HandshakeRateLimit } from './handshake-rate-limit';
import { XWebhookService, type XWebhookAccepted } from './x-webhook.service';

/**
 * X's Account Activity webhook, for customers whose X plan includes it: the CRC check (GET
 * ?crc_token → {response_token: "sha256=" + base64 HMAC-SHA256 with the consumer secret}) and
 * deliveries (POST, x-twitter-webhooks-signature checked over the raw body in constant time, 401
 * otherwise; answered as soon as the work is queued). Without it, sync alone keeps X complete.
 * The CRC answers only tokens of X's shape: X signs CRC answers and deliveries alike, so an answer
 * for a JSON string would be a forged delivery's signature (see isXCrcToken).
 */
@ApiExcludeController()
@Controller('webhooks/x')
export class XWebhookController {
  private readonly settings: XSettings;

  constructor(
    @Inject(CONFIG) config: Config,
    @Inject(XWebhookService) private readonly service: XWebhookService,
  ) {
    this.settings = xSettings(config);
  }

  @Get()
  @UseGuards(HandshakeRateLimit)
  crc(@Query('crc_token') crcToken?: unknown): { response_token: string } {
    const secret = this.settings.consumerSecret;
    if (!secret) throw new BadRequestException('X_CONSUMER_SECRET is not configured');
    if (!isXCrcToken(crcToken)) throw new BadRequestException('crc_token must be one opaque base64 token of 8 to 128 characters (letters, digits, + / = _ -)');
    return { response_token: xCrcResponseToken(crcToken, secret) };
  }

  @Post()
  @HttpCode(200)
  async receive(@Req() req: HttpRequest & { rawBody?: Buffer }): Promise<XWebhookAccepted> {
    const secret = this.settings.consumerSecret;
    const raw = req.rawBody;
    const signature = req.headers['x-twitter-webhooks-signature'];
    if (!secret || !raw || !verifyXSignature(raw, typeof signature === 'string' ? signature : undefined, secret)) {
      throw new UnauthorizedException('invalid or missing x-twitter-webhooks-signature');
    }
    return this.service.accept(raw, req.body);
  }
}
