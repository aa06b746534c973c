import type { IsoDateTime, UserRef } from './common';
import type { MessageItem } from './messages';
import type { NoteItem } from './notes';
import type { NotificationItem } from './notifications';
import type { ThreadItem } from './threads';

export const PRESENCE_STATES = ['viewing', 'typing', 'left'] as const;
export type PresenceState = (typeof PRESENCE_STATES)[number];

/** Who is viewing or typing in a thread (GET /api/presence, the `ready` event). */
export interface PresenceEntry {
  threadId: string;
  user: UserRef;
  state: Exclude<PresenceState, 'left'>;
  /** After this the entry is stale unless renewed (clients renew every ~10 s). */
  expiresAt: IsoDateTime;
}

/** POST /api/threads/:id/presence */
export interface PresenceRequest {
  state: PresenceState;
}

/**
 * What GET /api/events streams, as the SSE `event:` name and the JSON `data:` (which repeats the
 * type). Every event belongs to one workspace and reaches only that workspace's dashboards.
 */
export type LiveEvent =
  | { type: 'message.created'; threadId: string; message: MessageItem }
  /** Delivery results (queued → sending → sent | failed, with externalId), edits, hide/delete. */
  | { type: 'message.updated'; threadId: string; message: MessageItem }
  /** Status, assignee, tags, priority, unread count, timers or preview changed. */
  | { type: 'thread.updated'; threadId: string; thread: ThreadItem }
  | { type: 'note.created'; threadId: string; note: NoteItem }
  /** A note's text changed (its author edited it). */
  | { type: 'note.updated'; threadId: string; note: NoteItem }
  | { type: 'note.deleted'; threadId: string; noteId: string }
  /** A notification for one user: the stream sends it to that user's dashboards only. */
  | { type: 'notification.created'; userId: string; notification: NotificationItem }
  | { type: 'presence'; threadId: string; user: UserRef; state: PresenceState; expiresAt: IsoDateTime }
  /**
   * Too many changes at once (bulk ingest, or changes arriving faster than they are sent one by
   * one) or a missed stretch: refetch what is on screen. `lastMessageId`: the newest inserted
   * message the change covers, when it covers inserts.
   */
  | { type: 'inbox.changed'; count: number; lastMessageId?: string };

/** What the stream sends besides the workspace's events: the presence snapshot on open, and heartbeats. */
export type StreamEvent = LiveEvent | { type: 'ready'; presence: PresenceEntry[] } | { type: 'ping' };

export type LiveEventType = StreamEvent['type'];

/** Every event name the stream uses (for EventSource listeners). */
export const LIVE_EVENT_TYPES: readonly LiveEventType[] = [
  'ready',
  'message.created',
  'message.updated',
  'thread.updated',
  'note.created',
  'note.updated',
  'note.deleted',
  'notification.created',
  'presence',
  'inbox.changed',
  'ping',
];
