import type { Intent, Network } from '@resonance/contracts';
import type { GeneratedReaction, Language } from '../generator';

/**
 * One item that exists on a simulated network, as ground truth: what tests compare the database
 * with. Written by the generator (with its intent label) or received through the API.
 */
export interface TruthItem {
  network: Network;
  kind: 'post' | 'comment' | 'message';
  externalId: string;
  /** Comments: the post; messages: null. */
  postExternalId: string | null;
  /** Comments: the comment replied to (null for top-level); messages: null. */
  parentExternalId: string | null;
  /** The network id the inbox thread is keyed by: the top-level comment, or the conversation. */
  threadExternalId: string | null;
  author: { externalId: string; name: string } | null;
  fromAccount: boolean;
  text: string;
  language: Language | null;
  /** Ground-truth intent label of customer-written items (never sent in a network payload). */
  intent: Intent | null;
  createdAt: string;
  source: 'generator' | 'api';
  /** Comments: the author's reaction that came with it (on the post or the comment answered), as generated. */
  reaction?: GeneratedReaction;
}

/** Something a network received from a client: a reply, a sent message (for tests). */
export interface ReceivedItem {
  network: Network;
  at: string;
  kind:
    | 'comment_reply'
    | 'comment_create'
    | 'private_message'
    | 'comment_like'
    | 'comment_unlike'
    | 'comment_hide'
    | 'comment_unhide'
    | 'comment_delete'
    | 'comment_edit'
    | 'comment_ban'
    | 'comment_hold'
    | 'comment_spam'
    | 'user_block'
    | 'post_publish'
    | 'post_edit'
    | 'post_delete'
    | 'video_rate'
    | 'video_report'
    | 'media_upload'
    | 'retweet'
    | 'unretweet'
    | 'playlist_create'
    | 'playlist_edit'
    | 'playlist_delete'
    | 'playlist_item_add'
    | 'playlist_item_edit'
    | 'playlist_item_remove'
    | 'caption_upload'
    | 'caption_edit'
    | 'caption_delete'
    | 'channel_edit'
    | 'subscribe'
    | 'unsubscribe'
    | 'org_role_add'
    | 'org_role_edit'
    | 'org_role_remove';
  method: string;
  path: string;
  /** The object replied to (comment/post id) or the message recipient. */
  targetId: string;
  /** The id the network answered with. */
  externalId: string;
  text: string;
  body: Record<string, unknown>;
}

/** The in-memory world shared by all network modules: ground truth and what clients sent. */
export class World {
  readonly truth: TruthItem[] = [];
  readonly received: ReceivedItem[] = [];

  addTruth(item: TruthItem): void {
    this.truth.push(item);
  }

  addReceived(item: ReceivedItem): void {
    this.received.push(item);
  }

  truthFor(network?: string): TruthItem[] {
    return network ? this.truth.filter((t) => t.network === network) : this.truth;
  }

  receivedFor(network?: string): ReceivedItem[] {
    return network ? this.received.filter((r) => r.network === network) : this.received;
  }

  clearReceived(): void {
    this.received.length = 0;
  }
}
