import type { IsoDateTime, UserRef } from './common';

/**
 * An internal note on a thread (GET/POST /api/threads/:id/notes, PATCH /api/notes/:id, the
 * `note.created` / `note.updated` live events). A mention is written in `text` as `<@user-id>`
 * (NOTE_MENTION_PATTERN); `mentions` names those users so the dashboard shows `@Name`.
 */
export interface NoteItem {
  id: string;
  threadId: string;
  author: UserRef | null;
  text: string;
  /** The users the text mentions (deleted users are left out: their token shows as unknown). */
  mentions: UserRef[];
  createdAt: IsoDateTime;
  /** Set once its author changed the text. */
  editedAt: IsoDateTime | null;
}

export const MAX_NOTE_LENGTH = 10_000;

/** How a mention is written in a note's text: `<@` + the user's id + `>`. */
export const NOTE_MENTION_PATTERN = /<@([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})>/gi;

/** The user ids a note's text mentions, lower-case, each once, in order of appearance. */
export function mentionedUserIds(text: string): string[] {
  return [...new Set([...text.matchAll(NOTE_MENTION_PATTERN)].map((m) => (m[1] ?? '').toLowerCase()))];
}

/** POST /api/threads/:id/notes */
export interface CreateNoteRequest {
  text: string;
}

/** PATCH /api/notes/:id (its author only). */
export interface UpdateNoteRequest {
  text: string;
}
