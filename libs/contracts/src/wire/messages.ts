import type { DeliveryState, Intent, MessageDirection } from '../domain';
import { ERROR_CODES, type Attachment } from '../records';
import type { IsoDateTime, UserRef } from './common';
import type { SentimentBand } from './threads';

export interface MessageAuthor {
  type: 'contact' | 'user';
  id: string;
  name: string | null;
  handle?: string | null;
  avatarUrl?: string | null;
}

/**
 * What an agent can do to a comment without replying (DESIGN.md §5), as far as some network's API
 * allows it: like, hide, delete and their undo; `ban` hides the comment and bars its author from
 * commenting again (YouTube: setModerationStatus rejected with banAuthor); `block` bars the author
 * from the page without touching the comment (Facebook: POST /{page}/blocked). Which of them a message
 * allows NOW is `MessageItem.actions` (docs/moderation.md).
 */
export const MODERATION_ACTIONS = ['like', 'unlike', 'hide', 'unhide', 'delete', 'ban', 'block'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/**
 * What `MessageItem.actions` may hold: the moderation actions, and `private_reply` — one direct
 * message to a comment's author, addressed by the comment (Instagram: once per comment, within
 * 7 days of it, not on hidden comments). The composer offers it where the list holds it.
 */
export const MESSAGE_ACTIONS = [...MODERATION_ACTIONS, 'private_reply'] as const;
export type MessageAction = (typeof MESSAGE_ACTIONS)[number];

export const MESSAGE_ACTION_STATES = ['queued', 'done', 'failed'] as const;
export type MessageActionState = (typeof MESSAGE_ACTION_STATES)[number];

/**
 * Why the ingest thinks an inbound message may be spam or abuse (docs/moderation.md, "Spam and
 * abuse"); a message carries none, one or several. The dashboard words each in the user's language.
 * - link_unknown_domain: a link to a domain not on the workspace's own domains (Settings);
 * - repeated_text: the same text (normalised) arrived in another thread of the workspace lately;
 * - scam_phrase: a known scam phrase (giveaways, "DM me to claim", crypto, WhatsApp numbers);
 * - classifier_spam: the classifier reads it as spam with high confidence;
 * - abuse: an insult or profanity.
 */
export const SPAM_REASONS = ['link_unknown_domain', 'repeated_text', 'scam_phrase', 'classifier_spam', 'abuse'] as const;
export type SpamReason = (typeof SPAM_REASONS)[number];

/** How a comment was handled without a reply. */
export type HandledAction = 'like' | 'hide' | 'delete';

/** The newest like/hide/delete request on a message, as the message carries it. */
export interface MessageActionSummary {
  id: string;
  action: ModerationAction;
  state: MessageActionState;
  /** The network's or the worker's own words, for the log and a tooltip; show errorCode's words instead. */
  error: string | null;
  /** Why it failed (or why the last attempt failed), as a code the UI words in its language; null without an error. */
  errorCode: DeliveryErrorCode | null;
  createdAt: IsoDateTime;
}

/**
 * Why a reply's delivery failed, as a code the UI words in its language (never the network's raw
 * text): a connector error code, or one of the outbound worker's own reasons. The worker writes
 * the code as the prefix of delivery_error ("AUTH_REVOKED: …"); a text without a known prefix is UNKNOWN.
 */
export const DELIVERY_ERROR_CODES = [...ERROR_CODES, 'CHANNEL_DISCONNECTED', 'CHANNEL_GONE', 'WINDOW_CLOSED', 'UNFILLED_VARIABLE'] as const;
export type DeliveryErrorCode = (typeof DELIVERY_ERROR_CODES)[number];

/** The code of a stored delivery_error ("CODE: text"), or UNKNOWN. */
export function deliveryErrorCodeOf(error: string | null): DeliveryErrorCode | null {
  if (error === null) return null;
  const prefix = /^([A-Z_]+):/.exec(error)?.[1];
  return DELIVERY_ERROR_CODES.find((code) => code === prefix) ?? 'UNKNOWN';
}

/**
 * The newest review of one of a message's labels by a person (POST /api/reports/intents/corrections,
 * /api/reports/sentiment/corrections): a change, or a confirmation of the label as it was.
 */
export interface LabelReview {
  /** Who reviewed it; null when that user was deleted since. */
  by: UserRef | null;
  at: IsoDateTime;
  /** True: the label was changed; false: confirmed as the classifier (or an earlier review) gave it. */
  changed: boolean;
}

/** A message as the thread view and the `message.*` live events show it. Text exactly as stored. */
export interface MessageItem {
  id: string;
  threadId: string;
  direction: MessageDirection;
  isFromAccount: boolean;
  externalId: string | null;
  parentExternalId: string | null;
  author: MessageAuthor | null;
  /** Exactly as written; render as text, never as HTML. */
  text: string;
  url: string | null;
  attachments: Attachment[] | null;
  createdAt: IsoDateTime;
  delivery: DeliveryState | null;
  /** The network's or the worker's own words, for the log and a tooltip; show deliveryErrorCode's words instead. */
  deliveryError: string | null;
  deliveryErrorCode: DeliveryErrorCode | null;
  intent: Intent | null;
  sentiment: number | null;
  /** The newest review of the intent label by an agent, if any. */
  intentReview: LabelReview | null;
  /** The newest review of the sentiment by an agent, if any. */
  sentimentReview: LabelReview | null;
  hidden: boolean;
  /**
   * Held by the network for the account to review (YouTube's heldForReview): nobody else sees it
   * yet. `unhide` publishes it, `hide` rejects it, `ban` rejects it and bars its author.
   */
  heldForReview: boolean;
  /** Why the message may be spam or abuse, as the ingest found it; empty when nothing points to it. */
  spamReasons: SpamReason[];
  deleted: boolean;
  /** Liked by the account (from the inbox). */
  liked: boolean;
  /** How the comment was handled without a reply (DESIGN.md §5), if it was. */
  handledAction: HandledAction | null;
  lastAction: MessageActionSummary | null;
  /**
   * The moderation actions its network allows on this message now — by network, by who wrote it
   * (the account's own comments can only be deleted), by where it is (X hides only replies in the
   * account's own conversations) and by its state (a hidden comment can be unhidden, not hidden).
   * While an action is queued (lastAction.state) the dashboard shows them disabled. The dashboard
   * offers exactly these. `private_reply`: the composer may answer this comment privately now.
   */
  actions: MessageAction[];
  /**
   * The private reply sent (or queued) to this comment, if any: it lives in the direct-message
   * thread with the comment's author, where the network files it.
   */
  privateReply: { messageId: string; threadId: string } | null;
  /**
   * True when the message's network lets the account moderate no customer's comment through its
   * API (XING: only the company's own comments can be deleted), so the dashboard can say so plainly
   * instead of showing nothing.
   */
  moderationUnavailable: boolean;
}

/** A like/hide/delete request as GET /api/messages/:id/actions lists it. */
export interface MessageActionItem extends MessageActionSummary {
  requestedBy: UserRef | null;
  finishedAt: IsoDateTime | null;
}

/** POST /api/threads/:id/replies */
export interface ReplyRequest {
  text: string;
  /** External id of the message answered; default: the newest inbound message. */
  parentExternalId?: string;
  /** The newest message the agent saw; a newer one by the customer or a colleague makes the API answer 409. */
  lastSeenMessageId?: string;
  /** Send although newer inbound messages arrived (after a 409). */
  confirmNewer?: boolean;
}

/** 202 of POST /api/threads/:id/replies and POST /api/messages/:id/retry: the queued outbound message. */
export interface ReplyAccepted {
  message: MessageItem;
}

/** 409 of POST /api/threads/:id/replies: the customer or a colleague wrote after lastSeenMessageId. */
export interface NewerMessagesConflict {
  statusCode: 409;
  error: string;
  message: string;
  newerMessages: MessageItem[];
}

/** POST /api/messages/:id/private-reply: a direct message to the comment's author (docs/instagram.md). */
export interface PrivateReplyRequest {
  text: string;
}

/**
 * 202 of POST /api/messages/:id/private-reply: the comment (privateReply set) and the queued
 * outbound message in the direct-message thread with its author.
 */
export interface PrivateReplyAccepted {
  comment: MessageItem;
  reply: MessageItem;
}

/** POST /api/messages/:id/actions */
export interface MessageActionRequest {
  action: ModerationAction;
}

/** 202 of POST /api/messages/:id/actions: the message (lastAction queued) and the request. */
export interface MessageActionAccepted {
  message: MessageItem;
  action: MessageActionItem;
}

/** GET /api/messages/:id/actions: newest first, at most 50. */
export interface MessageActionList {
  items: MessageActionItem[];
}

/** POST /api/reports/intents/corrections (the message's current intent again: a confirmation) */
export interface IntentCorrectionRequest {
  messageId: string;
  intent: Intent;
}

/** POST /api/reports/sentiment/corrections (the message's current band again: a confirmation) */
export interface SentimentCorrectionRequest {
  messageId: string;
  sentiment: SentimentBand;
}
