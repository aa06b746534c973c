import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { EventBus } from '../events/event-bus';
import { requireThread } from '../threads/thread.sql';
import type { NoteView } from './notes.controller';

const NOTE_COLUMNS = `n.id::text AS id, n.thread_id::text AS "threadId", n.text, n.created_at AS "createdAt",
  CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', u.name) END AS author`;

/** Internal notes on a thread, scoped to the user's workspace: their SQL, audit and live event. */
@Injectable()
export class NotesService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(EventBus) private readonly bus: EventBus,
  ) {}

  async list(user: AuthUser, id: string): Promise<NoteView[]> {
    await requireThread(this.dataSource, user.workspaceId, id);
    return (await this.dataSource.query(
      `SELECT ${NOTE_COLUMNS} FROM note n LEFT JOIN users u ON u.id = n.author_user_id
        WHERE n.thread_id = $1 AND n.workspace_id = $2 ORDER BY n.created_at, n.id LIMIT 500`,
      [id, user.workspaceId],
    )) as NoteView[];
  }

  async create(user: AuthUser, id: string, text: string): Promise<NoteView> {
    const note = await this.dataSource.transaction(async (tx) => {
      await requireThread(tx, user.workspaceId, id);
      const [row] = (await tx.query(
        `WITH n AS (INSERT INTO note (workspace_id, thread_id, author_user_id, text) VALUES ($1, $2, $3, $4) RETURNING *)
         SELECT ${NOTE_COLUMNS} FROM n LEFT JOIN users u ON u.id = n.author_user_id`,
        [user.workspaceId, id, user.id, text],
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

  async remove(user: AuthUser, id: string): Promise<void> {
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
}
