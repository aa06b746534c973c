import { Body, Controller, Delete, ForbiddenException, Get, HttpCode, Inject, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ALL_ROLES, INBOX_WRITERS, type AuthUser } from '../auth/auth.types';
import { Authenticated, CurrentUser } from '../auth/decorators';
import { ErrorBody } from '../common/api-types';
import { BigintIdPipe } from '../common/ids';
import { EventBus } from '../events/event-bus';

export const MAX_NOTE_LENGTH = 10_000;

export class NoteBody {
  @ApiProperty({ maxLength: MAX_NOTE_LENGTH }) @IsString() @MinLength(1) @MaxLength(MAX_NOTE_LENGTH) @Matches(/\S/, { message: 'text must not be blank' }) text!: string;
}

export class NoteView {
  @ApiProperty() id!: string;
  @ApiProperty() threadId!: string;
  @ApiProperty({ type: Object, nullable: true, description: '{id, name}' }) author!: { id: string; name: string } | null;
  @ApiProperty() text!: string;
  @ApiProperty() createdAt!: string;
}

const NOTE_COLUMNS = `n.id::text AS id, n.thread_id::text AS "threadId", n.text, n.created_at AS "createdAt",
  CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', u.name) END AS author`;

/** Internal notes on a thread: seen by the team, never sent to a network (they are not messages). */
@ApiTags('notes')
@Controller()
@Authenticated(...ALL_ROLES)
@ApiNotFoundResponse({ type: ErrorBody })
export class NotesController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(EventBus) private readonly bus: EventBus,
  ) {}

  @Get('threads/:id/notes')
  @ApiOperation({ summary: 'The internal notes of a thread, oldest first' })
  @ApiOkResponse({ type: [NoteView] })
  async list(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string): Promise<NoteView[]> {
    await this.requireThread(user, id);
    return (await this.dataSource.query(
      `SELECT ${NOTE_COLUMNS} FROM note n LEFT JOIN users u ON u.id = n.author_user_id
        WHERE n.thread_id = $1 AND n.workspace_id = $2 ORDER BY n.created_at, n.id LIMIT 500`,
      [id, user.workspaceId],
    )) as NoteView[];
  }

  @Post('threads/:id/notes')
  @Authenticated(...INBOX_WRITERS)
  @ApiOperation({ summary: 'Add an internal note (never sent)' })
  @ApiCreatedResponse({ type: NoteView })
  async create(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string, @Body() body: NoteBody): Promise<NoteView> {
    const note = await this.dataSource.transaction(async (tx) => {
      const found = (await tx.query(`SELECT 1 FROM thread WHERE id = $1 AND workspace_id = $2`, [id, user.workspaceId])) as unknown[];
      if (!found.length) throw new NotFoundException(`thread ${id} not found`);
      const [row] = (await tx.query(
        `WITH n AS (INSERT INTO note (workspace_id, thread_id, author_user_id, text) VALUES ($1, $2, $3, $4) RETURNING *)
         SELECT ${NOTE_COLUMNS} FROM n LEFT JOIN users u ON u.id = n.author_user_id`,
        [user.workspaceId, id, user.id, body.text],
      )) as NoteView[];
      await this.audit.record({ workspaceId: user.workspaceId, actorUserId: user.id, action: 'note.create', targetType: 'thread', targetId: id, data: { noteId: row.id } }, tx);
      return row;
    });
    await this.bus.publish(user.workspaceId, {
      type: 'note.created',
      threadId: id,
      note: { id: note.id, author: note.author, text: note.text, createdAt: new Date(note.createdAt).toISOString() },
    });
    return note;
  }

  @Delete('notes/:id')
  @HttpCode(204)
  @Authenticated(...INBOX_WRITERS)
  @ApiOperation({ summary: 'Delete a note (its author or an admin)' })
  @ApiNoContentResponse()
  async remove(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const [note] = (await tx.query(`SELECT thread_id::text, author_user_id FROM note WHERE id = $1 AND workspace_id = $2 FOR UPDATE`, [id, user.workspaceId])) as Array<{
        thread_id: string;
        author_user_id: string | null;
      }>;
      if (!note) throw new NotFoundException(`note ${id} not found`);
      if (note.author_user_id !== user.id && user.role !== 'admin') throw new ForbiddenException('only its author or an admin deletes a note');
      await tx.query(`DELETE FROM note WHERE id = $1`, [id]);
      await this.audit.record({ workspaceId: user.workspaceId, actorUserId: user.id, action: 'note.delete', targetType: 'thread', targetId: note.thread_id, data: { noteId: id } }, tx);
    });
  }

  private async requireThread(user: AuthUser, id: string): Promise<void> {
    const found = (await this.dataSource.query(`SELECT 1 FROM thread WHERE id = $1 AND workspace_id = $2`, [id, user.workspaceId])) as unknown[];
    if (!found.length) throw new NotFoundException(`thread ${id} not found`);
  }
}
