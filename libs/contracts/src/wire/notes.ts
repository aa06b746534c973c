import type { IsoDateTime, UserRef } from './common';

/** An internal note on a thread (GET/POST /api/threads/:id/notes, the `note.created` live event). */
export interface NoteItem {
  id: string;
  threadId: string;
  author: UserRef | null;
  text: string;
  createdAt: IsoDateTime;
}

export const MAX_NOTE_LENGTH = 10_000;

/** POST /api/threads/:id/notes */
export interface CreateNoteRequest {
  text: string;
}
