import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NETWORKS, type Network } from '@resonance/contracts';
import { ADMINS, SESSION_COOKIE, type AuthUser } from '../auth/auth.types';
import { readCookie } from '../auth/cookies';
import { Authenticated, CurrentUser } from '../auth/decorators';
import type { HttpRequest, HttpResponse } from '../common/http';
import { UuidPipe } from '../common/ids';
import { CompleteConnectBody, PendingConnectView, StartConnectBody, StartConnectView } from './connect.dto';
import { ConnectService } from './connect.service';

const network = (value: string): Network => {
  if (!(NETWORKS as readonly string[]).includes(value)) throw new NotFoundException(`unknown network "${value.slice(0, 40)}" (one of ${NETWORKS.join(', ')})`);
  return value as Network;
};

@ApiTags('channels')
@Controller('channels/connect')
@Authenticated(...ADMINS)
export class ConnectController {
  constructor(@Inject(ConnectService) private readonly connect: ConnectService) {}

  @Post(':network')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Start connecting a network's account (admins): the network's consent page to send the browser to; 404 when the network cannot be connected yet, 400 for a setup the network does not offer",
  })
  @ApiOkResponse({ type: StartConnectView })
  start(@CurrentUser() user: AuthUser, @Param('network') name: string, @Body() body: StartConnectBody): Promise<StartConnectView> {
    return this.connect.start(user, network(name), body.channelId, body.setup);
  }

  @Get('pending/:id')
  @ApiOperation({ summary: 'The accounts a finished consent offers to connect (ids and names; never credentials)' })
  @ApiOkResponse({ type: PendingConnectView })
  pending(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string): Promise<PendingConnectView> {
    return this.connect.pending(user, id);
  }

  @Post('pending/:id')
  @ApiOperation({ summary: 'Connect (or reconnect) the picked accounts and start their first sync with backfill' })
  @ApiCreatedResponse({ description: 'The connected channels' })
  complete(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string, @Body() body: CompleteConnectBody) {
    return this.connect.complete(user, id, body.externalIds);
  }
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Where the network sends the admin's browser back. It is a plain GET navigation (no CSRF header,
 * no JSON): it always ends with a redirect to the dashboard — the page picker or an error code —
 * and never shows an error page. The session is checked inside (same session as the start).
 */
@ApiTags('channels')
@Controller('oauth')
export class OAuthCallbackController {
  constructor(@Inject(ConnectService) private readonly connect: ConnectService) {}

  @Get('callback/:network')
  @ApiOperation({
    summary: "The networks' OAuth redirect (redirect_uri = PUBLIC_URL + this path): always a 302 to /channels?connect=<id> or /channels?connect_error=<code>",
  })
  @ApiFoundResponse({ description: 'To the dashboard: the page picker, or the reason the flow ended' })
  async callback(@Param('network') name: string, @Query() query: Record<string, unknown>, @Req() req: HttpRequest, @Res() res: HttpResponse): Promise<void> {
    const known = (NETWORKS as readonly string[]).includes(name);
    const outcome = known
      ? await this.connect.callback(
          name as Network,
          {
            code: text(query.code),
            state: text(query.state),
            error: text(query.error),
            oauthToken: text(query.oauth_token),
            oauthVerifier: text(query.oauth_verifier),
            denied: text(query.denied),
          },
          readCookie(req.headers.cookie, SESSION_COOKIE),
        )
      : ({ error: 'invalid_state' } as const);
    res.statusCode = 302;
    res.setHeader('Location', this.connect.dashboardUrl(outcome));
    // The URL that brought the browser here carried the code: not cached, not passed on as referrer.
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.end();
  }
}
