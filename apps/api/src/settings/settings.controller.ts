import { BadRequestException, Body, Controller, Get, Inject, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { DataSource } from 'typeorm';
import type { BusinessHours } from '@resonance/db';
import { AuditService } from '../audit/audit.service';
import { ADMINS, ALL_ROLES, type AuthUser } from '../auth/auth.types';
import { Authenticated, CurrentUser } from '../auth/decorators';

export class UpdateSettingsBody {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @ApiPropertyOptional({ example: 'Europe/Berlin' }) @IsOptional() @IsString() @MaxLength(64) timezone?: string;
  @ApiPropertyOptional({ type: Object, description: 'weekday (0 = Sunday) → [["08:00","18:00"], …]', example: { '1': [['08:00', '18:00']] } })
  @IsOptional()
  @IsObject()
  businessHours?: BusinessHours;
}

export class SettingsView {
  @ApiProperty() name!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() timezone!: string;
  @ApiProperty({ type: Object }) businessHours!: BusinessHours;
}

const COLUMNS = `name, slug, timezone, business_hours AS "businessHours"`;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

function checkBusinessHours(hours: unknown): void {
  const ok =
    typeof hours === 'object' && hours !== null && !Array.isArray(hours) &&
    Object.entries(hours).every(
      ([day, spans]) =>
        /^[0-6]$/.test(day) && Array.isArray(spans) && spans.length <= 4 &&
        spans.every((s) => Array.isArray(s) && s.length === 2 && HHMM.test(String(s[0])) && HHMM.test(String(s[1])) && String(s[0]) < String(s[1])),
    );
  if (!ok) throw new BadRequestException('businessHours must map weekdays 0–6 to up to four ["HH:MM","HH:MM"] spans');
}

function checkTimezone(tz: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    throw new BadRequestException(`timezone ${tz} is not an IANA time zone`);
  }
}

@ApiTags('settings')
@Controller('settings')
@Authenticated(...ADMINS)
export class SettingsController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  @Get()
  @Authenticated(...ALL_ROLES)
  @ApiOperation({ summary: 'Workspace settings: name, time zone and business hours (used by reports)' })
  @ApiOkResponse({ type: SettingsView })
  async get(@CurrentUser() user: AuthUser): Promise<SettingsView> {
    const [row] = (await this.dataSource.query(`SELECT ${COLUMNS} FROM workspace WHERE id = $1`, [user.workspaceId])) as SettingsView[];
    return row;
  }

  @Patch()
  @ApiOperation({ summary: 'Change the workspace settings (admins)' })
  @ApiOkResponse({ type: SettingsView })
  async update(@CurrentUser() user: AuthUser, @Body() body: UpdateSettingsBody): Promise<SettingsView> {
    if (body.name === undefined && body.timezone === undefined && body.businessHours === undefined) throw new BadRequestException('nothing to change');
    if (body.timezone !== undefined) checkTimezone(body.timezone);
    if (body.businessHours !== undefined) checkBusinessHours(body.businessHours);
    const [row] = (await this.dataSource.query(
      `WITH u AS (UPDATE workspace SET name = COALESCE($2, name), timezone = COALESCE($3, timezone),
                         business_hours = COALESCE($4::jsonb, business_hours), updated_at = now()
                   WHERE id = $1 RETURNING *)
       SELECT ${COLUMNS} FROM u`,
      [user.workspaceId, body.name ?? null, body.timezone ?? null, body.businessHours ? JSON.stringify(body.businessHours) : null],
    )) as SettingsView[];
    await this.audit.record({ workspaceId: user.workspaceId, actorUserId: user.id, action: 'settings.update', targetType: 'workspace', targetId: user.workspaceId, data: { ...body } });
    return row;
  }
}
