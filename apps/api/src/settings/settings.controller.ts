import { Body, Controller, Get, Inject, Patch, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ADMINS, ALL_ROLES, type AuthUser } from '../auth/auth.types';
import { Authenticated, CurrentUser } from '../auth/decorators';
import { HumanAgentTagBody, SettingsView, UpdateSettingsBody } from './settings.dto';
import { SettingsService } from './settings.service';

@ApiTags('settings')
@Controller('settings')
@Authenticated(...ADMINS)
export class SettingsController {
  constructor(@Inject(SettingsService) private readonly settings: SettingsService) {}

  @Get()
  @Authenticated(...ALL_ROLES)
  @ApiOperation({ summary: 'Workspace settings: name, time zone and business hours (used by reports)' })
  @ApiOkResponse({ type: SettingsView })
  get(@CurrentUser() user: AuthUser): Promise<SettingsView> {
    return this.settings.get(user);
  }

  @Patch()
  @ApiOperation({ summary: 'Change the workspace settings (admins); the time zone must be one PostgreSQL knows' })
  @ApiOkResponse({ type: SettingsView })
  update(@CurrentUser() user: AuthUser, @Body() body: UpdateSettingsBody): Promise<SettingsView> {
    return this.settings.update(user, body);
  }

  @Put('human-agent-tag')
  @ApiOperation({
    summary: 'Record whether Meta approved the app for the HUMAN_AGENT tag (admins, audited)',
    description:
      "With it, people may answer Instagram direct messages up to 7 days after the customer's last message (tagged HUMAN_AGENT) instead of 24 hours. " +
      'Only true when Meta granted the Human Agent permission in App Review: Meta rejects tagged messages otherwise.',
  })
  @ApiOkResponse({ type: SettingsView })
  setHumanAgentTag(@CurrentUser() user: AuthUser, @Body() body: HumanAgentTagBody): Promise<SettingsView> {
    return this.settings.setHumanAgentTag(user, body.approved);
  }
}
