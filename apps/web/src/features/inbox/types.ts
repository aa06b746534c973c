import type { DeliveryState, Intent, MessageChannel, MessageDirection, Network, ThreadStatus } from '@resonance/contracts';

/** A thread as GET /api/threads and live events show it (apps/api threads/thread.sql.ts). */
export interface ThreadItem {
  id: string;
  network: Network;
  kind: MessageChannel;
  channel: { id: string; displayName: string; handle: string | null };
  contact: { id: string; name: string | null; handle: string | null; avatarUrl: string | null } | null;
  postExternalId: string | null;
  status: ThreadStatus;
  priority: number;
  tags: string[];
  assignee: { id: string; name: string } | null;
  lastMessagePreview: string;
  lastMessageAt: string;
  lastInboundAt: string | null;
  firstInboundAt: string | null;
  firstResponseAt: string | null;
  waitingSince: string | null;
  unreadCount: number;
  messageCount: number;
  createdAt: string;
}

export interface PostView {
  id?: string;
  externalId: string;
  text: string;
  url: string | null;
  publishedAt: string | null;
}

/** GET /api/threads/:id: the list item plus what the conversation pane shows around it. */
export interface ThreadDetail extends ThreadItem {
  post: PostView | null;
  /** Newest message id: sent back as lastSeenMessageId so the API can flag newer inbound messages. */
  lastMessageId: string | null;
  lastInboundMessageId: string | null;
}

export interface MessageAuthor {
  type: 'contact' | 'user';
  id: string;
  name: string | null;
  handle?: string | null;
  avatarUrl?: string | null;
}

export interface MessageItem {
  id: string;
  threadId: string;
  direction: MessageDirection;
  isFromAccount: boolean;
  externalId: string | null;
  parentExternalId: string | null;
  author: MessageAuthor | null;
  text: string;
  url: string | null;
  attachments: Array<{ type: string; url: string }> | null;
  createdAt: string;
  delivery: DeliveryState | null;
  deliveryError: string | null;
  intent: Intent | null;
  sentiment: number | null;
  hidden: boolean;
  deleted: boolean;
  liked: boolean;
  handledAction: 'like' | 'hide' | 'delete' | null;
  /** The newest like/hide/delete request on the message and where it stands. */
  lastAction: MessageAction | null;
}

export interface MessageAction {
  id: string;
  action: 'like' | 'unlike' | 'hide' | 'unhide' | 'delete';
  state: 'queued' | 'done' | 'failed';
  error: string | null;
  createdAt: string;
}

export interface NoteItem {
  id: string;
  threadId?: string;
  author: { id: string; name: string } | null;
  text: string;
  createdAt: string;
}

export interface CannedResponse {
  id: string;
  title: string;
  text: string;
  shortcut: string | null;
  language: string | null;
}

export interface PresenceEntry {
  threadId: string;
  user: { id: string; name: string };
  state: 'viewing' | 'typing';
  expiresAt: string;
}

export type LiveEvent =
  | { type: 'ready'; presence: PresenceEntry[] }
  | { type: 'message.created'; threadId: string; message: MessageItem }
  | { type: 'message.updated'; threadId: string; message: MessageItem }
  | { type: 'thread.updated'; threadId: string; thread: ThreadItem }
  | { type: 'note.created'; threadId: string; note: NoteItem }
  | { type: 'presence'; threadId: string; user: { id: string; name: string }; state: 'viewing' | 'typing' | 'left'; expiresAt: string }
  | { type: 'inbox.changed'; count: number }
  | { type: 'ping' };

/** The list filters, as the URL keeps them and GET /api/threads takes them. */
export interface ThreadFilters {
  status?: ThreadStatus | 'all';
  network?: Network;
  assignee?: string; // 'me' | 'unassigned' | user id
  intent?: Intent;
  sentiment?: 'negative' | 'neutral' | 'positive';
  waitingLongerThan?: number; // minutes
  q?: string;
}
