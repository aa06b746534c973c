import { BadRequestException, Body, Controller, Get, Inject, NotFoundException, Param, Patch } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { CHANNEL_STATUSES, NETWORK_ACCESS_NOTES, NETWORKS, type ChannelStatus, type Network } from '@resonance/contracts';
import { AuditService } from '../audit/audit.service';
import { ADMINS, ALL_ROLES, type AuthUser } from '../auth/auth.types';
import { Authenticated, CurrentUser } from '../auth/decorators';
import { ErrorBody } from '../common/api-types';
import { UuidPipe } from '../common/ids';

export class UpdateChannelBody {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) displayName?: string;
  @ApiPropertyOptional({ enum: ['connected', 'paused'], description: 'pause or resume syncing' }) @IsOptional() @IsIn(['connected', 'paused']) status?: 'connected' | 'paused';
}

export class ChannelView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NETWORKS }) network!: Network;
  @ApiProperty() externalId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ nullable: true, type: String }) handle!: string | null;
  @ApiProperty({ enum: CHANNEL_STATUSES }) status!: ChannelStatus;
  @ApiProperty({ nullable: true, type: String }) lastSyncedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastErrorAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) credentialsExpireAt!: string | null;
  @ApiProperty({ nullable: true, type: Number }) followers!: number | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'What the network requires before it can be connected (XING: partner access), or null' })
  access!: string | null;
}

/** Adds the network's access note (NETWORK_ACCESS_NOTES) to channel rows. */
export const withAccess = <T extends { network: Network }>(row: T): T & { access: string | null } => ({ ...row, access: NETWORK_ACCESS_NOTES[row.network] ?? null });

/** Never the credentials: the column list is explicit (the connect flow answers with it too). */
export const CHANNEL_COLUMNS = `id, network, external_id AS "externalId", display_name AS "displayName", handle, status,
  last_synced_at AS "lastSyncedAt", last_error AS "lastError", last_error_at AS "lastErrorAt",
  credentials_expire_at AS "credentialsExpireAt", followers, created_at AS "createdAt"`;

@ApiTags('channels')
@Controller('channels')
@Authenticated(...ADMINS)
@ApiNotFoundResponse({ type: ErrorBody })
export class ChannelsController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  @Get()
  @Authenticated(...ALL_ROLES)
  @ApiOperation({ summary: 'The connected channel accounts with their sync health (every role reads; admins manage)' })
  @ApiOkResponse({ type: [ChannelView] })
  async list(@CurrentUser() user: AuthUser): Promise<ChannelView[]> {
    const rows = (await this.dataSource.query(`SELECT ${CHANNEL_COLUMNS} FROM channel_account WHERE workspace_id = $1 ORDER BY network, display_name, id`, [user.workspaceId])) as ChannelView[];
    return rows.map(withAccess);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename a channel, or pause / resume its syncing (admins)' })
  @ApiOkResponse({ type: ChannelView })
  async update(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string, @Body() body: UpdateChannelBody): Promise<ChannelView> {
    if (body.displayName === undefined && body.status === undefined) throw new BadRequestException('nothing to change');
    const rows = (await this.dataSource.query(
      `WITH u AS (UPDATE channel_account SET display_name = COALESCE($3, display_name), status = COALESCE($4, status), updated_at = now()
                   WHERE id = $1 AND workspace_id = $2 RETURNING *)
       SELECT ${CHANNEL_COLUMNS} FROM u`,
      [id, user.workspaceId, body.displayName ?? null, body.status ?? null],
    )) as ChannelView[];
    if (!rows.length) throw new NotFoundException(`channel ${id} not found`);
    await this.audit.record({ workspaceId: user.workspaceId, actorUserId: user.id, action: 'channel.update', targetType: 'channel', targetId: id, data: { ...body } });
    return withAccess(rows[0]);
  }
}
