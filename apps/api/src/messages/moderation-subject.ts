import { NETWORKS, type MessageAction, type Network } from '@resonance/contracts';
import { moderationActionsNow, networkAllowsNoModeration, privateReplyRefusal, type ModerationSubject } from '@resonance/connectors';
import { oneOf } from '../common/narrow';
import { MESSAGE_CHANNELS } from '../threads/thread-item';

/** The stored columns that decide a message's moderation actions (MessageItem statements and LockModerationTarget select them). */
export interface ModerationColumns {
  network: string;
  threadChannel: string;
  threadPostExternalId: string | null;
  direction: string;
  isFromAccount: boolean;
  externalId: string | null;
  authorContactExternalId: string | null;
  authorBlocked: boolean;
  hidden: boolean;
  heldForReview: boolean;
  liked: boolean;
  deleted: boolean;
}

export function moderationSubjectOf(row: ModerationColumns): { network: Network; subject: ModerationSubject } {
  return {
    network: oneOf(NETWORKS, row.network, 'thread.network'),
    subject: {
      channel: oneOf(MESSAGE_CHANNELS, row.threadChannel, 'thread.channel'),
      fromAccount: row.direction === 'outbound' || row.isFromAccount,
      hasExternalId: row.externalId !== null,
      underOwnPost: row.threadPostExternalId !== null,
      authorKnown: row.authorContactExternalId !== null,
      authorBlocked: row.authorBlocked,
      hidden: row.hidden,
      heldForReview: row.heldForReview,
      liked: row.liked,
      deleted: row.deleted,
    },
  };
}

/** What decides whether a comment may be answered privately now (MessageItem.actions' private_reply). */
export interface PrivateReplyColumns {
  createdAt: Date;
  privateReplyId: string | null;
}

/**
 * What MessageItem says about moderation: the actions allowed now (with private_reply where the
 * network allows one on this comment now, privateReplyRefusal), and whether the network allows none at all.
 */
export function moderationOf(row: ModerationColumns & PrivateReplyColumns, now = new Date()): { actions: MessageAction[]; moderationUnavailable: boolean } {
  const { network, subject } = moderationSubjectOf(row);
  const actions: MessageAction[] = moderationActionsNow(network, subject);
  const privately = privateReplyRefusal(network, { ...subject, createdAt: row.createdAt, replied: row.privateReplyId !== null }, now);
  if (privately === null) actions.push('private_reply');
  return { actions, moderationUnavailable: networkAllowsNoModeration(network) };
}
