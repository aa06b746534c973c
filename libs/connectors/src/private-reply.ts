import type { Network } from '@resonance/contracts';
import type { MessageChannel } from '@resonance/contracts';

/**
 * Private replies (docs/instagram.md): one direct message to a comment's author, addressed by the
 * comment. Plain rules (no settings, no credentials) so the API can say for every message whether
 * the composer may offer one, and refuse with the reason when it may not.
 */
export interface PrivateReplySubject {
  /** The thread's channel: only comments are answered privately. */
  channel: MessageChannel;
  /** Written by the connected account: it does not answer itself. */
  fromAccount: boolean;
  hasExternalId: boolean;
  deleted: boolean;
  hidden: boolean;
  /** When the comment was written. */
  createdAt: Date;
  /** A private reply to it exists already (queued, sent or failed: once per comment). */
  replied: boolean;
}

/** Why a comment cannot be answered privately now; the API words these as its error codes. */
export type PrivateReplyRefusal = 'not_applicable' | 'sent' | 'expired' | 'hidden';

/** Each network that offers private replies, and how long after the comment it allows one. */
const PRIVATE_REPLY_WINDOWS: Readonly<Partial<Record<Network, number>>> = {
  // Instagram: "within 7 days of the comment" (Private Replies, Instagram Platform); once per comment.
  instagram: 7 * 24 * 3600_000,
};

/** How long after a comment the network allows its private reply; undefined where it offers none. */
export function privateReplyWindowMs(network: Network): number | undefined {
  return PRIVATE_REPLY_WINDOWS[network];
}

/** Why this comment cannot be answered privately now, or null when it can. */
export function privateReplyRefusal(network: Network, subject: PrivateReplySubject, now: Date): PrivateReplyRefusal | null {
  const windowMs = PRIVATE_REPLY_WINDOWS[network];
  if (windowMs === undefined) return 'not_applicable';
  if (subject.channel !== 'comment' || subject.fromAccount || !subject.hasExternalId || subject.deleted) return 'not_applicable';
  if (subject.replied) return 'sent';
  if (subject.hidden) return 'hidden';
  if (now.getTime() - subject.createdAt.getTime() > windowMs) return 'expired';
  return null;
}
