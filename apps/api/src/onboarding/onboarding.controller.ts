import { Body, Controller, Get, Inject, Post, Req, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorBody } from '../common/api-types';
import { clientIp, isJsonRequest, type HttpRequest } from '../common/http';
import { OnboardingBody, OnboardingResultView, OnboardingStatusView } from './onboarding.dto';
import { OnboardingService } from './onboarding.service';

/** Public: before the first admin exists nobody can sign in; afterwards POST is refused for good. */
@ApiTags('auth')
@Controller('onboarding')
export class OnboardingController {
  constructor(@Inject(OnboardingService) private readonly onboarding: OnboardingService) {}

  @Get()
  @ApiOperation({ summary: 'Whether the installation still needs its first workspace and admin (public)' })
  @ApiOkResponse({ type: OnboardingStatusView })
  async status(): Promise<OnboardingStatusView> {
    return { needed: await this.onboarding.needed() };
  }

  @Post()
  @ApiOperation({ summary: 'Create the first workspace and admin (public, and only while no user exists; then sign in)' })
  @ApiCreatedResponse({ type: OnboardingResultView })
  @ApiConflictResponse({ type: ErrorBody, description: 'The installation has users already: onboarding is closed for good' })
  complete(@Body() body: OnboardingBody, @Req() req: HttpRequest): Promise<OnboardingResultView> {
    if (!isJsonRequest(req)) throw new UnsupportedMediaTypeException('send the body as application/json');
    return this.onboarding.complete({
      workspaceName: body.workspaceName,
      adminName: body.adminName,
      adminEmail: body.adminEmail,
      password: body.password,
      ip: clientIp(req),
    });
  }
}
