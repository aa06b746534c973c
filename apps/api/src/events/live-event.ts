import type { MessageItem } from '../messages/message.sql';
import type { ThreadItem } from '../threads/thread.sql';

export type PresenceState = 'viewing' | 'typing' | 'left';

export interface PresenceEntry {
  threadId: string;
  user: { id: string; name: string };
  state: Exclude<PresenceState, 'left'>;
  /** ISO time after which the entry is stale unless renewed (clients renew every ~10 s). */
  expiresAt: string;
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
  | { type: 'note.created'; threadId: string; note: { id: string; author: { id: string; name: string } | null; text: string; createdAt: string } }
  | { type: 'presence'; threadId: string; user: { id: string; name: string }; state: PresenceState; expiresAt: string }
  /** Too many changes at once (bulk ingest) or a missed stretch: refetch what is on screen. */
  | { type: 'inbox.changed'; count: number };

export type WorkspaceEvent = LiveEvent & { workspaceId: string; eventId: string };
