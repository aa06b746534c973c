import { BadRequestException, Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { HttpResponse } from '../common/http';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import {
  CHANNEL_STATUSES,
  ERROR_CODES,
  NETWORKS,
  SYNC_PACINGS,
  type ChannelStatus,
  type ChannelSyncHealth as WireChannelSyncHealth,
  type ErrorCode,
  type SyncNowResponse as WireSyncNowResponse,
  type SyncPacing,
  type ChannelView as WireChannelView,
  type Network,
  type UpdateChannelRequest,
} from '@resonance/contracts';
import { ADMINS, ALL_ROLES, type AuthUser } from '../auth/auth.types';
import { Authenticated, CurrentUser } from '../auth/decorators';
import { ErrorBody } from '../common/api-types';
import { UuidPipe } from '../common/ids';
import { ChannelsService } from './channels.service';
import { SyncNowService, SyncRefusedException } from './sync-now.service';

export class UpdateChannelBody implements UpdateChannelRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) displayName?: string;
  @ApiPropertyOptional({ enum: ['connected', 'paused'], description: 'pause or resume syncing' }) @IsOptional() @IsIn(['connected', 'paused']) status?:
    'connected' | 'paused';
}

/** OpenAPI's description of the contract's ChannelSyncHealth. */
export class ChannelSyncHealth implements WireChannelSyncHealth {
  @ApiProperty({
    enum: SYNC_PACINGS,
    description: 'Why the channel syncs at this pace: normal, paced (budget low), paused (budget spent), backing_off (failures), stopped',
  })
  pacing!: SyncPacing;
  @ApiProperty({ description: 'The interval its schedule has now (ms)' }) intervalMs!: number;
  @ApiProperty({ description: 'The usual interval of a quiet channel with budget to spare (SYNC_INTERVAL_MS)' }) baseIntervalMs!: number;
  @ApiProperty({ nullable: true, type: String }) lastRunAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'When the next run starts; null when the channel is not synced' }) nextSyncAt!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Time since the last successful sync (ms)' }) lagMs!: number | null;
  @ApiProperty({ description: 'Failed runs in a row' }) failures!: number;
  @ApiProperty({ nullable: true, type: String }) pausedUntil!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'When the budget use counts down to nothing, where the network has such a window' })
  budgetResetsAt!: string | null;
  @ApiProperty({ nullable: true, enum: ERROR_CODES }) lastErrorCode!: ErrorCode | null;
}

export class SyncNowResponse implements WireSyncNowResponse {
  @ApiProperty({ description: "The channel's one manual-sync job id" }) jobId!: string;
  @ApiProperty({ description: 'false: a manual run already waited or ran, and this request joined it' }) queued!: boolean;
}

/** OpenAPI's description of the contract's ChannelView. */
export class ChannelView implements WireChannelView {
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
  @ApiProperty({
    nullable: true,
    type: Number,
    description: "Share of the network's rate budget used in its current window, 0…1 (more when over), once the connector has read one",
  })
  budgetUsed!: number | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'What the network requires before it can be connected (XING: partner access), or null' })
  access!: string | null;
  @ApiProperty({ type: ChannelSyncHealth }) sync!: ChannelSyncHealth;
}

@ApiTags('channels')
@Controller('channels')
@Authenticated(...ADMINS)
@ApiNotFoundResponse({ type: ErrorBody })
export class ChannelsController {
  constructor(
    @Inject(ChannelsService) private readonly channels: ChannelsService,
    @Inject(SyncNowService) private readonly syncNow: SyncNowService,
  ) {}

  @Get()
  @Authenticated(...ALL_ROLES)
  @ApiOperation({ summary: 'The connected channel accounts with their sync health (every role reads; admins manage)' })
  @ApiOkResponse({ type: [ChannelView] })
  list(@CurrentUser() user: AuthUser): Promise<ChannelView[]> {
    return this.channels.list(user);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename a channel, or pause / resume its syncing (admins)' })
  @ApiOkResponse({ type: ChannelView })
  update(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string, @Body() body: UpdateChannelBody): Promise<ChannelView> {
    if (body.displayName === undefined && body.status === undefined) throw new BadRequestException('nothing to change');
    return this.channels.update(user, id, body);
  }

  @Post(':id/sync')
  @HttpCode(202)
  @ApiOperation({
    summary: "Sync a channel now (admins), within its network's budget",
    description:
      "Queues the channel's one manual run (a second request while it waits joins it: queued false). Refused with 409 SYNC_NOT_SYNCING when the " +
      'channel is paused, needs reconnecting or is in error, and with 429 SYNC_BUDGET_PAUSED / SYNC_BUDGET_LOW and Retry-After while the ' +
      "network's budget is spent or nearly so.",
  })
  @ApiAcceptedResponse({ type: SyncNowResponse })
  @ApiConflictResponse({ type: ErrorBody })
  @ApiTooManyRequestsResponse({ type: ErrorBody })
  async sync(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) res: HttpResponse): Promise<SyncNowResponse> {
    try {
      return await this.syncNow.request(user, id);
    } catch (error) {
      if (error instanceof SyncRefusedException) res.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }
}
