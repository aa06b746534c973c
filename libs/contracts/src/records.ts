import type { Network } from './networks';

/**
 * The unified records every connector produces from a network's payload (DESIGN.md §4). The
 * `parse` command prints them as JSON Lines; the ingestion pipeline stores them.
 */
export type MessageChannel = 'comment' | 'direct' | 'mention';

export interface RecordAuthor {
  externalId?: string;
  name?: string;
  handle?: string;
  avatarUrl?: string;
}

export interface Attachment {
  type: string;
  url: string;
}

export interface MessageRecord {
  kind: 'message';
  network: Network;
  externalId: string;
  /** Groups messages into one inbox thread: a top-level comment with its replies, or a conversation. */
  threadKey: string;
  channel: MessageChannel;
  parentExternalId?: string | null;
  postExternalId?: string | null;
  author: RecordAuthor;
  text: string;
  /** ISO 8601. */
  createdAt: string;
  url?: string;
  attachments?: Attachment[];
  /** Written by the connected account itself (natively on the network or through Resonance). */
  isFromAccount?: boolean;
  /** The network holds it for the account to review; nobody else sees it yet (YouTube's heldForReview). */
  heldForReview?: boolean;
}

export interface PostRecord {
  kind: 'post';
  network: Network;
  externalId: string;
  text: string;
  url?: string;
  publishedAt: string;
  counts?: { reactions?: number; comments?: number; shares?: number; views?: number };
}

export interface ThreadRecord {
  kind: 'thread';
  network: Network;
  externalId: string;
  channel: 'direct';
  updatedAt?: string;
  unread?: number;
}

export interface HintRecord {
  kind: 'hint';
  network: Network;
  target: 'thread' | 'post' | 'comment';
  externalId: string;
}

export interface PageRecord {
  kind: 'page';
  network: Network;
  nextCursor: string | null;
}

export const ERROR_CODES = [
  'RATE_LIMITED',
  'QUOTA_EXCEEDED',
  'AUTH_EXPIRED',
  'AUTH_REVOKED',
  'PERMISSION_DENIED',
  'NOT_FOUND',
  'INVALID_REQUEST',
  'TRANSIENT',
  'UNKNOWN',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorRecord {
  kind: 'error';
  network: Network;
  code: ErrorCode;
  retryAfterMs?: number;
  message: string;
}

export type UnifiedRecord = MessageRecord | PostRecord | ThreadRecord | HintRecord | PageRecord | ErrorRecord;
