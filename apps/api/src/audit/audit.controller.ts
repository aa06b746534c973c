import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { AuditEventView as WireAuditEventView, AuditListRequest, Page, UserRef } from '@resonance/contracts';
import { ADMINS, type AuthUser } from '../auth/auth.types';
import { Authenticated, CurrentUser } from '../auth/decorators';
import { PageQuery } from '../common/page-query';
import { AuditService } from './audit.service';

const TARGET_TYPES = ['thread', 'message', 'note', 'user', 'channel', 'canned_response', 'workspace', 'session', 'saved_view'];

export class AuditQuery extends PageQuery implements AuditListRequest {
  @ApiPropertyOptional({ enum: TARGET_TYPES }) @IsOptional() @IsIn(TARGET_TYPES) targetType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) targetId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() actorUserId?: string;
  @ApiPropertyOptional({ example: 'thread.status' }) @IsOptional() @IsString() @MaxLength(64) action?: string;
}

export class AuditEventView implements WireAuditEventView {
  @ApiProperty() id!: string;
  @ApiProperty() action!: string;
  @ApiProperty() targetType!: string;
  @ApiProperty({ nullable: true, type: String }) targetId!: string | null;
  @ApiProperty({ nullable: true, type: Object, description: '{id, name} of the user who acted' }) actor!: UserRef | null;
  @ApiProperty({ type: Object }) data!: Record<string, unknown>;
  @ApiProperty() createdAt!: string;
}

export class AuditPage implements Page<WireAuditEventView> {
  @ApiProperty({ type: [AuditEventView] }) items!: AuditEventView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

@ApiTags('audit')
@Controller('audit-events')
@Authenticated(...ADMINS)
export class AuditController {
  constructor(@Inject(AuditService) private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'Who did what to which object and when, newest first (admins)' })
  @ApiOkResponse({ type: AuditPage })
  list(@CurrentUser() user: AuthUser, @Query() q: AuditQuery): Promise<Page<AuditEventView>> {
    return this.audit.list(user.workspaceId, q);
  }
}
