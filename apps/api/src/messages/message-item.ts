import {
  DELIVERY_STATES,
  deliveryErrorCodeOf,
  INTENTS,
  MESSAGE_ACTION_STATES,
  MESSAGE_DIRECTIONS,
  MODERATION_ACTIONS,
  SPAM_REASONS,
  toIso,
  type Attachment,
  type MessageActionSummary,
  type MessageAuthor,
  type LabelReview,
  type MessageItem,
} from '@resonance/contracts';
import { oneOf, oneOfOrNull } from '../common/narrow';
import type { Json } from './messages.queries';
import { moderationOf } from './moderation-subject';

const HANDLED_ACTIONS = ['like', 'hide', 'delete'] as const;

/** The flat columns every MessageItem statement of messages.sql selects (their generated result types have this shape). */
export interface MessageItemRow {
  id: string;
  threadId: string;
  direction: string;
  isFromAccount: boolean;
  externalId: string | null;
  parentExternalId: string | null;
  authorUserId: string | null;
  authorUserName: string | null;
  authorContactId: string | null;
  authorContactName: string | null;
  authorContactHandle: string | null;
  authorContactAvatarUrl: string | null;
  authorContactExternalId: string | null;
  authorBlocked: boolean;
  text: string;
  url: string | null;
  attachments: Json | null;
  createdAt: Date;
  delivery: string | null;
  deliveryError: string | null;
  intent: string | null;
  sentiment: number | null;
  hidden: boolean;
  heldForReview: boolean;
  spamReasons: string[];
  deleted: boolean;
  liked: boolean;
  handledAction: string | null;
  network: string;
  threadChannel: string;
  threadPostExternalId: string | null;
  lastActionId: string | null;
  lastActionAction: string | null;
  lastActionState: string | null;
  lastActionError: string | null;
  lastActionCreatedAt: Date | null;
  intentReviewAt: Date | null;
  intentReviewChanged: boolean | null;
  intentReviewById: string | null;
  intentReviewByName: string | null;
  sentimentReviewAt: Date | null;
  sentimentReviewChanged: boolean | null;
  sentimentReviewById: string | null;
  sentimentReviewByName: string | null;
  privateReplyId: string | null;
  privateReplyThreadId: string | null;
}

/** message.attachments (jsonb, written by ingest as [{type, url}]): the entries of that shape, or null. */
function attachmentsOf(value: Json | null): Attachment[] | null {
  if (!Array.isArray(value)) return null;
  const out: Attachment[] = [];
  for (const entry of value) {
    if (entry !== null && typeof entry === 'object' && !Array.isArray(entry) && typeof entry.type === 'string' && typeof entry.url === 'string') {
      out.push({ type: entry.type, url: entry.url });
    }
  }
  return out;
}

function authorOf(row: MessageItemRow): MessageAuthor | null {
  if (row.authorUserId !== null) return { type: 'user', id: row.authorUserId, name: row.authorUserName };
  if (row.authorContactId !== null) {
    return { type: 'contact', id: row.authorContactId, name: row.authorContactName, handle: row.authorContactHandle, avatarUrl: row.authorContactAvatarUrl };
  }
  return null;
}

function lastActionOf(row: MessageItemRow): MessageActionSummary | null {
  if (row.lastActionId === null || row.lastActionAction === null || row.lastActionState === null || row.lastActionCreatedAt === null) return null;
  return {
    id: row.lastActionId,
    action: oneOf(MODERATION_ACTIONS, row.lastActionAction, 'message_action.action'),
    state: oneOf(MESSAGE_ACTION_STATES, row.lastActionState, 'message_action.state'),
    error: row.lastActionError,
    errorCode: deliveryErrorCodeOf(row.lastActionError),
    createdAt: toIso(row.lastActionCreatedAt),
  };
}

/** The newest review of a label (both columns from a LEFT JOIN: absent when nobody reviewed it). */
function reviewOf(at: Date | null, changed: boolean | null, byId: string | null, byName: string | null): LabelReview | null {
  if (at === null) return null;
  return { by: byId !== null && byName !== null ? { id: byId, name: byName } : null, at: toIso(at), changed: changed ?? true };
}

/** The one place a message row becomes the wire's MessageItem: author and last action nested, text columns narrowed, times as ISO strings. */
export function toMessageItem(row: MessageItemRow): MessageItem {
  return {
    id: row.id,
    threadId: row.threadId,
    direction: oneOf(MESSAGE_DIRECTIONS, row.direction, 'message.direction'),
    isFromAccount: row.isFromAccount,
    externalId: row.externalId,
    parentExternalId: row.parentExternalId,
    author: authorOf(row),
    text: row.text,
    url: row.url,
    attachments: attachmentsOf(row.attachments),
    createdAt: toIso(row.createdAt),
    delivery: oneOfOrNull(DELIVERY_STATES, row.delivery, 'message.delivery'),
    deliveryError: row.deliveryError,
    deliveryErrorCode: deliveryErrorCodeOf(row.deliveryError),
    intent: oneOfOrNull(INTENTS, row.intent, 'message.intent'),
    sentiment: row.sentiment,
    intentReview: reviewOf(row.intentReviewAt, row.intentReviewChanged, row.intentReviewById, row.intentReviewByName),
    sentimentReview: reviewOf(row.sentimentReviewAt, row.sentimentReviewChanged, row.sentimentReviewById, row.sentimentReviewByName),
    hidden: row.hidden,
    heldForReview: row.heldForReview,
    // The ingest writes only known reasons; any other text would be no reason the dashboard can word.
    spamReasons: SPAM_REASONS.filter((reason) => row.spamReasons.includes(reason)),
    deleted: row.deleted,
    liked: row.liked,
    handledAction: oneOfOrNull(HANDLED_ACTIONS, row.handledAction, 'message.handled_action'),
    lastAction: lastActionOf(row),
    privateReply:
      row.privateReplyId !== null && row.privateReplyThreadId !== null ? { messageId: row.privateReplyId, threadId: row.privateReplyThreadId } : null,
    ...moderationOf(row),
  };
}
