import { Body, Controller, HttpCode, Inject, Post, Req, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBadRequestResponse, ApiGoneResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorBody } from '../common/api-types';
import { clientIp, isJsonRequest, type HttpRequest } from '../common/http';
import { AcceptAccessLinkBody, AcceptedView, AccessLinkInfoView, AccessLinkTokenBody } from './access-links.dto';
import { AccessLinksService } from './access-links.service';

/**
 * One-time links (invitation, password reset), opened by their owner without a session. The token
 * travels in the body, never in a URL, so it appears in no access log.
 */
@ApiTags('auth')
@Controller('access-links')
@ApiBadRequestResponse({ type: ErrorBody, description: 'The token or the password has the wrong shape' })
@ApiNotFoundResponse({ type: ErrorBody, description: 'No such link (mistyped, or replaced by a newer one)' })
@ApiGoneResponse({ type: ErrorBody, description: 'The link was used already, expired, or its account is deactivated' })
export class AccessLinksController {
  constructor(@Inject(AccessLinksService) private readonly links: AccessLinksService) {}

  @Post('inspect')
  @HttpCode(200)
  @ApiOperation({ summary: 'Whom a one-time link is for (public; the link stays usable)' })
  @ApiOkResponse({ type: AccessLinkInfoView })
  inspect(@Body() body: AccessLinkTokenBody): Promise<AccessLinkInfoView> {
    return this.links.inspect(body.token);
  }

  @Post('accept')
  @HttpCode(200)
  @ApiOperation({ summary: "Set the password of a one-time link (public); the link is used up and the account's sessions end" })
  @ApiOkResponse({ type: AcceptedView })
  accept(@Body() body: AcceptAccessLinkBody, @Req() req: HttpRequest): Promise<AcceptedView> {
    if (!isJsonRequest(req)) throw new UnsupportedMediaTypeException('send the body as application/json');
    return this.links.accept({ token: body.token, password: body.password, ip: clientIp(req) });
  }
}
