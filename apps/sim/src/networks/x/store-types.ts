import type { XMedia } from './media';

/** The types of X's users, DM events and the create fields a tweet keeps (split from store.ts). */

export interface XUser {
  id: string;
  name: string;
  username: string;
}

/** Create fields the sim keeps (see tweet-options.ts for which of them a read returns). */
export interface XTweetExtras {
  cardUri?: string;
  communityId?: string;
  shareWithFollowers?: boolean;
  /** Promoted-only: in no public timeline, not served to followers (scopes.followers false). */
  nullcast?: boolean;
  directMessageDeepLink?: string;
  madeWithAi?: boolean;
  paidPartnership?: boolean;
  /** media.tagged_user_ids: people tagged in the attached photos. */
  taggedUserIds?: string[];
  /** reply.auto_populate_reply_metadata: code points of leading @mentions X put before the text (display_text_range starts there). */
  displayStart?: number;
}

export type XDmEventType = 'MessageCreate' | 'ParticipantsJoin' | 'ParticipantsLeave';

export interface XDmEvent {
  id: string;
  order: number;
  eventType: XDmEventType;
  conversationId: string;
  /** Who wrote the message, created the group (ParticipantsJoin) or left it. */
  sender: XUser;
  /** The other member of a 1:1 conversation; null in a group. */
  recipient: XUser | null;
  /** ParticipantsJoin/Leave: who joined or left (X's participant_ids); a message: its conversation's members. */
  participants: XUser[];
  /** Who may read the event: the conversation's members when it happened. */
  audience: ReadonlySet<string>;
  text: string;
  createdAt: number;
  /** An uploaded media the message carries (attachments: [{media_id}]). */
  media?: XMedia[];
}

/** A group conversation (POST /2/dm_conversations): its id is a snowflake of its own, not member ids. */
export interface XDmGroup {
  id: string;
  members: Set<string>;
}
