import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ADMINS, ALL_ROLES, type AuthUser } from '../auth/auth.types';
import { Authenticated, CurrentUser } from '../auth/decorators';
import { SlaView, UpdateSlaBody } from './sla.dto';
import { SlaService } from './sla.service';

@ApiTags('sla')
@Controller('sla')
@Authenticated(...ADMINS)
export class SlaController {
  constructor(@Inject(SlaService) private readonly sla: SlaService) {}

  @Get()
  @Authenticated(...ALL_ROLES)
  @ApiOperation({ summary: 'SLA targets (default, per network and priority), business hours and holidays of the workspace' })
  @ApiOkResponse({ type: SlaView })
  get(@CurrentUser() user: AuthUser): Promise<SlaView> {
    return this.sla.get(user);
  }

  @Put()
  @ApiOperation({ summary: 'Replace the SLA targets, business hours and holidays (admins); waiting threads get their new due time' })
  @ApiOkResponse({ type: SlaView })
  update(@CurrentUser() user: AuthUser, @Body() body: UpdateSlaBody): Promise<SlaView> {
    return this.sla.update(user, body);
  }
}
