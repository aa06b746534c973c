import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import {
  CONNECT_SETUPS,
  NETWORKS,
  type ConnectSetup,
  type CompleteConnectRequest,
  type Network,
  type PendingAccount,
  type PendingConnect,
  type StartConnectRequest,
  type StartConnectResponse,
} from '@resonance/contracts';
import { AbsentOrValid } from '../common/absent-or-valid';

export class StartConnectBody implements StartConnectRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'The channel whose Reconnect button started this (it is preselected in the picker)' })
  @IsOptional()
  @IsUUID()
  channelId?: string;

  @ApiPropertyOptional({
    enum: CONNECT_SETUPS,
    description:
      'Instagram only: instagram_login (the account signs in itself) or facebook_login (a Facebook user picks the Page the account is linked to); instagram_login when absent',
  })
  @AbsentOrValid()
  @IsIn(CONNECT_SETUPS)
  setup?: ConnectSetup;
}

export class StartConnectView implements StartConnectResponse {
  @ApiProperty({ description: "The network's consent page; the browser goes there" }) authorizationUrl!: string;
}

export class PendingAccountDto implements PendingAccount {
  @ApiProperty() externalId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ nullable: true, type: String }) handle!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The existing channel of this account (a pick reconnects it)' }) channelId!:
    string | null;
  @ApiProperty({ nullable: true, type: String }) channelStatus!: string | null;
}

export class PendingConnectView implements PendingConnect {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NETWORKS }) network!: Network;
  @ApiProperty() expiresAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) reconnectChannelId!: string | null;
  @ApiProperty({ type: [PendingAccountDto] }) accounts!: PendingAccountDto[];
}

export class CompleteConnectBody implements CompleteConnectRequest {
  @ApiProperty({ type: [String], description: 'The externalIds of the accounts to connect' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  externalIds!: string[];
}
