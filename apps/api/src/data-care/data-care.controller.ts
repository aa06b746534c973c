import { Body, Controller, Delete, Get, Inject, NotFoundException, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ADMINS, type AuthUser } from '../auth/auth.types';
import { Authenticated, CurrentUser } from '../auth/decorators';
import { BigintIdPipe } from '../common/ids';

export class RetentionBody {
  @ApiPropertyOptional({ nullable: true, description: 'Days messages are kept; null keeps them for ever', example: 365 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(36_500)
  retentionDays!: number | null;
}

export class RetentionView {
  @ApiProperty({ nullable: true, type: Number }) retentionDays!: number | null;
}

export class ErasureView {
  @ApiProperty({ description: 'Conversations with the contact, deleted with their messages and notes' }) threads!: number;
  @ApiProperty({ description: "The contact's messages in other people's threads, deleted" }) messages!: number;
}

/**
 * Data care (GDPR): how long the workspace keeps messages (the worker's retention job deletes
 * older ones) and erasure of one contact's data on request. Admins only; both are audited, the
 * audit entry holds counts, never the erased content.
 */
@ApiTags('data care')
@Controller()
@Authenticated(...ADMINS)
export class DataCareController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  @Get('data-care/retention')
  @ApiOperation({ summary: 'How many days messages are kept (null: for ever)' })
  @ApiOkResponse({ type: RetentionView })
  async retention(@CurrentUser() user: AuthUser): Promise<RetentionView> {
    const [row] = await this.dataSource.query(`SELECT retention_days AS "retentionDays" FROM workspace WHERE id = $1`, [user.workspaceId]);
    return row as RetentionView;
  }

  @Put('data-care/retention')
  @ApiOperation({ summary: 'Set how many days messages are kept; older ones are deleted by the retention job within the hour' })
  @ApiOkResponse({ type: RetentionView })
  async setRetention(@CurrentUser() user: AuthUser, @Body() body: RetentionBody): Promise<RetentionView> {
    const retentionDays = body.retentionDays ?? null;
    await this.dataSource.query(`UPDATE workspace SET retention_days = $2, updated_at = now() WHERE id = $1`, [user.workspaceId, retentionDays]);
    await this.audit.record({ workspaceId: user.workspaceId, actorUserId: user.id, action: 'workspace.retention', targetType: 'workspace', targetId: user.workspaceId, data: { retentionDays } });
    return { retentionDays };
  }

  @Delete('contacts/:id')
  @ApiOperation({ summary: "Erase a contact's data (GDPR request): their conversations, their messages elsewhere and the contact itself" })
  @ApiOkResponse({ type: ErasureView })
  async erase(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string): Promise<ErasureView> {
    return this.dataSource.transaction(async (tx) => {
      const [contact] = await tx.query(`SELECT id FROM contact WHERE id = $1 AND workspace_id = $2 FOR UPDATE`, [id, user.workspaceId]);
      if (!contact) throw new NotFoundException('no such contact in this workspace');
      // Whole conversations with the person (the company's answers quote and address them too).
      // Counted through a CTE: TypeORM answers DELETE … RETURNING with [rows, count], not rows.
      const count = async (sql: string) => ((await tx.query(`WITH d AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM d`, [id, user.workspaceId])) as Array<{ n: number }>)[0].n;
      // Whole conversations with the person (the company's answers quote and address them too).
      const threads = await count(`DELETE FROM thread WHERE contact_id = $1 AND workspace_id = $2`);
      const messages = await count(`DELETE FROM message WHERE author_contact_id = $1 AND workspace_id = $2`);
      await tx.query(`DELETE FROM contact WHERE id = $1`, [id]);
      const result = { threads, messages };
      await this.audit.record({ workspaceId: user.workspaceId, actorUserId: user.id, action: 'contact.erase', targetType: 'workspace', targetId: user.workspaceId, data: result }, tx);
      return result;
    });
  }
}
