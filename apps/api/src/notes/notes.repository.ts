import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sqlClient, type Queryable } from '@resonance/db';
import {
  deleteNote,
  insertNote,
  listNotes,
  lockNote,
  updateNote,
  type IInsertNoteResult,
  type IListNotesResult,
  type ILockNoteResult,
  type IUpdateNoteResult,
} from './notes.queries';

/** A note row as notes.sql selects it (author flat; the service shapes it for the wire). */
export type NoteRow = IListNotesResult | IInsertNoteResult | IUpdateNoteResult;

/**
 * All SQL of internal notes (notes.sql, typed by pgTyped in notes.queries.ts). Every method takes
 * the caller's transaction manager where it has one, so its statements join that transaction.
 */
@Injectable()
export class NotesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The notes of one thread of the workspace, oldest first (at most 500). */
  list(workspaceId: string, threadId: string, db: Queryable = this.dataSource): Promise<IListNotesResult[]> {
    return listNotes.run({ workspaceId, threadId }, sqlClient(db));
  }

  async insert(
    note: { workspaceId: string; threadId: string; authorUserId: string; text: string; mentionIds: string[] },
    db: Queryable = this.dataSource,
  ): Promise<IInsertNoteResult> {
    const [row] = await insertNote.run(note, sqlClient(db));
    return row;
  }

  /** New text and mentions (of the workspace's users), stamped edited; undefined when it is not the workspace's. */
  async update(
    note: { workspaceId: string; id: string; text: string; mentionIds: string[] },
    db: Queryable = this.dataSource,
  ): Promise<IUpdateNoteResult | undefined> {
    const [row] = await updateNote.run(note, sqlClient(db));
    return row;
  }

  /** The note's thread and author, the row locked until the transaction ends; undefined when it is not the workspace's. */
  async lock(workspaceId: string, id: string, db: Queryable): Promise<ILockNoteResult | undefined> {
    const [row] = await lockNote.run({ workspaceId, id }, sqlClient(db));
    return row;
  }

  async delete(id: string, db: Queryable = this.dataSource): Promise<void> {
    await deleteNote.run({ id }, sqlClient(db));
  }
}
