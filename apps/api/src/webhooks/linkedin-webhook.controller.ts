import { BadRequestException, Controller, Get, HttpCode, Inject, Post, Query, Req, UnauthorizedException, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CONFIG, type Config } from '@resonance/config';
import { linkedinChallengeResponse, linkedinSettings, verifyLinkedInSignature, type LinkedInSettings } from '@resonance/connectors';
import type { HttpRequest } from '../common/http';
import { HandshakeRateLimit } from './handshake-rate-limit';
import { LinkedInWebhookService, type LinkedInWebhookAccepted } from './linkedin-webhook.service';

/**
 * LinkedIn's webhook receiver (Organization Social Action Notifications): the endpoint
 * validation (GET ?challengeCode → {challengeCode, challengeResponse}, HMAC-SHA256 with the client
 * secret) and deliveries (POST, X-LI-Signature checked over the raw body in constant time, 401
 * otherwise; answered as soon as the sync is queued). Unlike X's, LinkedIn's scheme separates the
 * two: a delivery's HMAC covers "hmacsha256=" + body, and a challengeCode (word characters and
 * "-") can never contain "=", so no challenge answer signs a body.
 */
@ApiExcludeController()
@Controller('webhooks/linkedin')
export class LinkedInWebhookController {
  private readonly settings: LinkedInSettings;

  constructor(
    @Inject(CONFIG) config: Config,
    @Inject(LinkedInWebhookService) private readonly service: LinkedInWebhookService,
  ) {
    this.settings = linkedinSettings(config);
  }

  @Get()
  @UseGuards(HandshakeRateLimit)
  validate(@Query('challengeCode') challengeCode?: string): { challengeCode: string; challengeResponse: string } {
    const secret = this.settings.clientSecret;
    if (!secret) throw new BadRequestException('LINKEDIN_CLIENT_SECRET is not configured');
    if (typeof challengeCode !== 'string' || !/^[\w-]{1,100}$/.test(challengeCode)) throw new BadRequestException('challengeCode missing or malformed');
    return { challengeCode, challengeResponse: linkedinChallengeResponse(challengeCode, secret) };
  }

  @Post()
  @HttpCode(200)
  async receive(@Req() req: HttpRequest & { rawBody?: Buffer }): Promise<LinkedInWebhookAccepted> {
    const secret = this.settings.clientSecret;
    const raw = req.rawBody;
    const signature = req.headers['x-li-signature'];
    if (!secret || !raw || !verifyLinkedInSignature(raw, typeof signature === 'string' ? signature : undefined, secret)) {
      throw new UnauthorizedException('invalid or missing X-LI-Signature');
    }
    return this.service.accept(raw, req.body);
  }
}
