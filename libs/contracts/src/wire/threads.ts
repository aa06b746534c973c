import type { Intent } from '../domain';
import type { Network } from '../networks';
import type { MessageChannel } from '../records';
import type { ThreadStatus } from '../domain';
import type { IsoDateTime, PageRequest, UserRef } from './common';

/** A thread as GET /api/threads, PATCH /api/threads/:id and the `thread.updated` live event show it. */
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
  assignee: UserRef | null;
  lastMessagePreview: string;
  lastMessageAt: IsoDateTime;
  lastInboundAt: IsoDateTime | null;
  firstInboundAt: IsoDateTime | null;
  firstResponseAt: IsoDateTime | null;
  /** Oldest unanswered inbound message; null when the company spoke last. */
  waitingSince: IsoDateTime | null;
  /** When the first-response target runs out (waitingSince + the SLA target, docs/sla.md); null when nobody waits or the thread is closed. */
  slaDueAt: IsoDateTime | null;
  unreadCount: number;
  messageCount: number;
  createdAt: IsoDateTime;
}

/** The post a comment thread hangs off. */
export interface ThreadPost {
  id: string;
  externalId: string;
  text: string;
  url: string | null;
  publishedAt: IsoDateTime | null;
}

/** GET /api/threads/:id: the list item plus what the conversation pane shows around it. */
export interface ThreadDetail extends ThreadItem {
  post: ThreadPost | null;
  /** Newest message id: sent back as lastSeenMessageId so the API can flag newer inbound messages. */
  lastMessageId: string | null;
  lastInboundMessageId: string | null;
  /**
   * The network's messaging window for this conversation (Instagram and Messenger direct messages):
   * a business may answer only within `hours` of the customer's last message. Null where no window
   * applies. The composer is disabled with the reason while it is closed.
   */
  replyWindow: ReplyWindow | null;
}

export interface ReplyWindow {
  /** 24, or 168 (7 days) where the workspace has Meta's HUMAN_AGENT approval. */
  hours: number;
  humanAgent: boolean;
  /** When it closes or closed; null when the customer has not written yet (a business may not write first). */
  closesAt: IsoDateTime | null;
  /** Closed now (or never opened). */
  closed: boolean;
}

export const SENTIMENT_BANDS = ['negative', 'neutral', 'positive'] as const;
/** negative < -0.25 ≤ neutral ≤ 0.25 < positive */
export type SentimentBand = (typeof SENTIMENT_BANDS)[number];

/**
 * The inbox orders: newest activity first (default), the customer who has waited longest first
 * (threads nobody waits on last), or the earliest SLA due time first (only threads that have one).
 */
export const THREAD_SORTS = ['newest', 'waiting', 'sla_due'] as const;
export type ThreadSort = (typeof THREAD_SORTS)[number];

/** The band of a sentiment score, as the reports, the inbox filter and the badge count it. */
export function sentimentBandOf(score: number): SentimentBand {
  return score < -0.25 ? 'negative' : score > 0.25 ? 'positive' : 'neutral';
}

/** The score stored for a band a person chose: P(positive) − P(negative) of a label one is sure of. */
export const SENTIMENT_OF_BAND: Readonly<Record<SentimentBand, number>> = { negative: -1, neutral: 0, positive: 1 };

/** GET /api/threads query. */
export interface ThreadListRequest extends PageRequest {
  status?: ThreadStatus;
  network?: Network;
  /** Several networks at once (with `network`, any of them). */
  networks?: Network[];
  /** channel account id */
  channel?: string;
  /** Several channel account ids at once (with `channel`, any of them). */
  channels?: string[];
  /** Only threads whose customer waits on us (waitingSince set, not closed). */
  needsReply?: boolean;
  /** Default `newest`. */
  sort?: ThreadSort;
  /** `me`, `unassigned` or a user id */
  assignee?: string;
  tag?: string;
  intent?: Intent;
  sentiment?: SentimentBand;
  waitingLongerThanMinutes?: number;
  /** Only threads with an inbound message the ingest marked as possible spam or abuse (MessageItem.spamReasons). */
  spam?: boolean;
  /** Only threads with a comment the network holds for review (YouTube's heldForReview). */
  heldForReview?: boolean;
  /** Only threads with a message a rule hid and nobody undid (GET /api/rules/hidden lists the messages). */
  hiddenByRules?: boolean;
  q?: string;
}

/** PATCH /api/threads/:id: any of status, assignee (null unassigns), priority, tags (replaced). */
export interface UpdateThreadRequest {
  status?: ThreadStatus;
  assigneeId?: string | null;
  priority?: number;
  tags?: string[];
}

/** POST /api/threads/:id/assign (defaults to the signed-in user). */
export interface AssignThreadRequest {
  userId?: string;
}

/** POST /api/threads/:id/tags */
export interface AddTagRequest {
  tag: string;
}

/** At most this many threads in one bulk change. */
export const MAX_BULK_THREADS = 200;

/** POST /api/threads/bulk: one change applied to several threads, in one transaction; each change audited. */
export interface BulkUpdateThreadsRequest {
  threadIds: string[];
  status?: ThreadStatus;
  /** null unassigns */
  assigneeId?: string | null;
  priority?: number;
  /** Tags added to each thread. */
  addTags?: string[];
  /** Tags removed from each thread. */
  removeTags?: string[];
}

/** The threads as they are after a bulk change. */
export interface BulkUpdateThreadsResponse {
  threads: ThreadItem[];
}

/** GET /api/threads/tags: the workspace's tags, most used first. */
export interface WorkspaceTag {
  tag: string;
  uses: number;
}
