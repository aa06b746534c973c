import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { mentionedUserIds, toIso, toIsoOrNull, type NoteItem } from '@resonance/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { EventBus } from '../events/event-bus';
import { NotificationsService } from '../notifications/notifications.service';
import { requireThread } from '../threads/threads.repository';
import { NotesRepository, type NoteRow } from './notes.repository';

/**
 * The one place a note row becomes the wire's NoteItem: its author as an object (or null once the
 * user is deleted), the mentioned users zipped from their two arrays, times as ISO text.
 */
function toNoteItem(row: NoteRow): NoteItem {
  return {
    id: row.id,
    threadId: row.threadId,
    author: row.authorId === null || row.authorName === null ? null : { id: row.authorId, name: row.authorName },
    text: row.text,
    mentions: row.mentionIds.map((id, i) => ({ id, name: row.mentionNames[i] ?? '' })),
    createdAt: toIso(row.createdAt),
    editedAt: toIsoOrNull(row.editedAt),
  };
}

/** Internal notes on a thread, scoped to the user's workspace: the rules, audit, mentions and live events (SQL in NotesRepository). */
@Injectable()
export class NotesService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(NotesRepository) private readonly notes: NotesRepository,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(EventBus) private readonly bus: EventBus,
    @Inject(NotificationsService) private readonly notifications: NotificationsService,
  ) {}

  async list(user: AuthUser, id: string): Promise<NoteItem[]> {
    await requireThread(this.dataSource, user.workspaceId, id);
    return (await this.notes.list(user.workspaceId, id)).map(toNoteItem);
  }

  async create(user: AuthUser, id: string, text: string): Promise<NoteItem> {
    const note = await this.dataSource.transaction(async (tx) => {
      await requireThread(tx, user.workspaceId, id);
      const row = await this.notes.insert({ workspaceId: user.workspaceId, threadId: id, authorUserId: user.id, text, mentionIds: mentionedUserIds(text) }, tx);
      await this.audit.record(
        { workspaceId: user.workspaceId, actorUserId: user.id, action: 'note.create', targetType: 'thread', targetId: id, data: { noteId: row.id } },
        tx,
      );
      await this.notifications.mentioned({ workspaceId: user.workspaceId, threadId: id, noteId: row.id, userIds: row.mentionIds, actorUserId: user.id }, tx);
      return toNoteItem(row);
    });
    await this.bus.publish(user.workspaceId, { type: 'note.created', threadId: id, note });
    return note;
  }

  /** Its author changes the text (shown as edited); a colleague mentioned for the first time is notified. */
  async update(user: AuthUser, id: string, text: string): Promise<NoteItem> {
    const note = await this.dataSource.transaction(async (tx) => {
      const locked = await this.notes.lock(user.workspaceId, id, tx);
      if (!locked) throw new NotFoundException(`note ${id} not found`);
      if (locked.authorUserId !== user.id) throw new ForbiddenException('only its author edits a note');
      const row = await this.notes.update({ workspaceId: user.workspaceId, id, text, mentionIds: mentionedUserIds(text) }, tx);
      if (!row) throw new NotFoundException(`note ${id} not found`);
      await this.audit.record(
        { workspaceId: user.workspaceId, actorUserId: user.id, action: 'note.update', targetType: 'thread', targetId: locked.threadId, data: { noteId: id } },
        tx,
      );
      await this.notifications.mentioned(
        { workspaceId: user.workspaceId, threadId: locked.threadId, noteId: id, userIds: row.mentionIds, actorUserId: user.id },
        tx,
      );
      return toNoteItem(row);
    });
    await this.bus.publish(user.workspaceId, { type: 'note.updated', threadId: note.threadId, note });
    return note;
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    const threadId = await this.dataSource.transaction(async (tx) => {
      const note = await this.notes.lock(user.workspaceId, id, tx);
      if (!note) throw new NotFoundException(`note ${id} not found`);
      if (note.authorUserId !== user.id && user.role !== 'admin') throw new ForbiddenException('only its author or an admin deletes a note');
      await this.notes.delete(id, tx);
      await this.audit.record(
        {
          workspaceId: user.workspaceId,
          actorUserId: user.id,
          action: 'note.delete',
          targetType: 'thread',
          targetId: note.threadId,
          data: { noteId: id, byAdmin: note.authorUserId !== user.id },
        },
        tx,
      );
      return note.threadId;
    });
    await this.bus.publish(user.workspaceId, { type: 'note.deleted', threadId, noteId: id });
  }
}
