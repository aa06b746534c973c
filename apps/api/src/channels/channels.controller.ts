import { BadRequestException, Body, Controller, Get, Inject, Param, Patch } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import {
  CHANNEL_STATUSES,
  NETWORKS,
  type ChannelStatus,
  type ChannelView as WireChannelView,
  type Network,
  type UpdateChannelRequest,
} from '@resonance/contracts';
import { ADMINS, ALL_ROLES, type AuthUser } from '../auth/auth.types';
import { Authenticated, CurrentUser } from '../auth/decorators';
import { ErrorBody } from '../common/api-types';
import { UuidPipe } from '../common/ids';
import { ChannelsService } from './channels.service';

export class UpdateChannelBody implements UpdateChannelRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) displayName?: string;
  @ApiPropertyOptional({ enum: ['connected', 'paused'], description: 'pause or resume syncing' }) @IsOptional() @IsIn(['connected', 'paused']) status?:
    'connected' | 'paused';
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
}

@ApiTags('channels')
@Controller('channels')
@Authenticated(...ADMINS)
@ApiNotFoundResponse({ type: ErrorBody })
export class ChannelsController {
  constructor(@Inject(ChannelsService) private readonly channels: ChannelsService) {}

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
}
