import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { ADMINS, type AuthUser } from '../auth/auth.types';
import { Authenticated, CurrentUser } from '../auth/decorators';
import { cursorTime, decodeCursor, encodeCursor, type Page } from '../common/cursor';
import { PageQuery } from '../common/page-query';

const TARGET_TYPES = ['thread', 'message', 'note', 'user', 'channel', 'canned_response', 'workspace', 'session'];

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TARGET_TYPES }) @IsOptional() @IsIn(TARGET_TYPES) targetType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) targetId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() actorUserId?: string;
  @ApiPropertyOptional({ example: 'thread.status' }) @IsOptional() @IsString() @MaxLength(64) action?: string;
}

export class AuditEventView {
  @ApiProperty() id!: string;
  @ApiProperty() action!: string;
  @ApiProperty() targetType!: string;
  @ApiProperty({ nullable: true, type: String }) targetId!: string | null;
  @ApiProperty({ nullable: true, type: Object, description: '{id, name} of the user who acted' }) actor!: { id: string; name: string } | null;
  @ApiProperty({ type: Object }) data!: Record<string, unknown>;
  @ApiProperty() createdAt!: string;
}

export class AuditPage {
  @ApiProperty({ type: [AuditEventView] }) items!: AuditEventView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

@ApiTags('audit')
@Controller('audit-events')
@Authenticated(...ADMINS)
export class AuditController {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'Who did what to which object and when, newest first (admins)' })
  @ApiOkResponse({ type: AuditPage })
  async list(@CurrentUser() user: AuthUser, @Query() q: AuditQuery): Promise<Page<AuditEventView>> {
    const limit = q.limit ?? 50;
    const cursor = decodeCursor(q.cursor);
    const params: unknown[] = [user.workspaceId];
    const where = ['a.workspace_id = $1'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.targetType) add('a.target_type = ?', q.targetType);
    if (q.targetId) add('a.target_id = ?', q.targetId);
    if (q.actorUserId) add('a.actor_user_id = ?', q.actorUserId);
    if (q.action) add('a.action = ?', q.action);
    if (cursor) {
      params.push(cursor.at, cursor.id);
      where.push(`(a.created_at, a.id) < ($${params.length - 1}::timestamptz, $${params.length}::bigint)`);
    }
    params.push(limit + 1);
    const rows = (await this.dataSource.query(
      `SELECT a.id::text, a.action, a.target_type AS "targetType", a.target_id AS "targetId", a.data,
              ${cursorTime('a.created_at')} AS "createdAt",
              CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', u.name) END AS actor
         FROM audit_event a LEFT JOIN users u ON u.id = a.actor_user_id
        WHERE ${where.join(' AND ')}
        ORDER BY a.created_at DESC, a.id DESC
        LIMIT $${params.length}`,
      params,
    )) as AuditEventView[];
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null };
  }
}
