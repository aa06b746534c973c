import type { MessageChannel, ModerationAction } from '@resonance/contracts';

/**
 * What decides which moderation actions a message allows now (docs/moderation.md): where it is,
 * who wrote it and what was done to it already. Built from the stored message and its thread.
 */
export interface ModerationSubject {
  /** The thread's channel: actions apply to comments only (never to private messages). */
  channel: MessageChannel;
  /** Written by the connected account (a reply sent from Resonance, or natively on the network). */
  fromAccount: boolean;
  /** The message has its network id (an outbound reply gets one once sent). */
  hasExternalId: boolean;
  /**
   * The thread hangs under one of the account's own posts (thread.post_external_id): on X the
   * conversation was started by the account, which is what hiding a reply needs.
   */
  underOwnPost: boolean;
  /** The author's id on the network is known (blocking the author needs it). */
  authorKnown: boolean;
  /** The author was blocked already (a done block of one of their messages on this channel). */
  authorBlocked: boolean;
  hidden: boolean;
  /** Held by the network for the account's review (YouTube heldForReview; stored hidden as well). Absent: not held. */
  heldForReview?: boolean;
  liked: boolean;
  deleted: boolean;
}

/** A network's rule: the actions its API allows on this message now, in the order the dashboard shows them. */
export type ModerationRule = (subject: ModerationSubject) => ModerationAction[];

/** The part of every rule that does not depend on the network: nothing on a deleted, unsent or private message. */
export function moderatable(subject: ModerationSubject): boolean {
  return subject.channel === 'comment' && subject.hasExternalId && !subject.deleted;
}

/** like or unlike, whichever the message's state allows. */
export const likeToggle = (s: ModerationSubject): ModerationAction => (s.liked ? 'unlike' : 'like');
/** hide or unhide, whichever the message's state allows. */
export const hideToggle = (s: ModerationSubject): ModerationAction => (s.hidden ? 'unhide' : 'hide');
