import { createHash } from 'node:crypto';
import type { GeneratedCustomer, GeneratedItem, ReactionKind } from '../../generator';
import type { FbPostExtras, FbPostMedia } from './post-types';
import type { SentContent } from './send-content';

/**
 * The Facebook page's world: posts, comments (two levels, as on Facebook), and Messenger
 * conversations. Lists grow by appending (a deleted comment is spliced out) and stay in insertion
 * order, which is also time order, so a cursor is just an item's insertion number and paging is a
 * binary search.
 */
export interface FbUser {
  id: string;
  name: string;
}

/** Graph's reaction types (what the sim's people react with). */
export type FbReactionType = 'LIKE' | 'LOVE' | 'CARE' | 'HAHA' | 'WOW' | 'SAD' | 'ANGRY';

/** One person's reaction to a post or comment (one per person and object, as on Facebook). */
export interface FbReaction {
  order: number;
  user: FbUser;
  type: FbReactionType;
}

/** A reaction as a `feed` webhook announces it: added, changed to another type, or taken back. */
export interface FbReactionEvent {
  on: FbPost | FbComment;
  user: FbUser;
  type: FbReactionType;
  verb: 'add' | 'edit' | 'remove';
  at: number;
}

const FB_REACTION: Record<ReactionKind, FbReactionType> = { like: 'LIKE', love: 'LOVE', care: 'CARE', haha: 'HAHA', wow: 'WOW', sad: 'SAD', angry: 'ANGRY' };

export interface FbPost {
  id: string;
  order: number;
  createdAt: number;
  message: string;
  topLevel: FbComment[];
  all: FbComment[];
  /** People's reactions, oldest first. */
  reactors: FbReaction[];
  shares: number;
  /** A link the post shares (POST /{page}/feed link=…). */
  link?: string;
  /** false: published later (scheduled) or never (published=false); absent: published. */
  published?: boolean;
  /** When a scheduled post goes live by itself (ms). */
  scheduledAt?: number;
  /** Set when the page edited its message (POST /{post} message=…). */
  editedAt?: number;
  /** The photo(s) or video of a post made through /photos, /videos or attached_media. */
  media?: FbPostMedia;
  /** targeting, backdated_time, place and tags given at publish time. */
  extras?: FbPostExtras;
  /** Hidden from the page's timeline (POST /{post} is_hidden=true): in /feed only with include_hidden=true. */
  hidden?: boolean;
  /** Pinned to the top of the page (POST /{post} is_pinned=true); one post per page. Graph's Post has no field that reads it. */
  pinned?: boolean;
  /** POST /{post} timeline_visibility=forced_allow (hidden is `hidden`; normal is the default). */
  forcedAllow?: boolean;
  /** Someone else's post on the page (visitor-posts.ts); absent: the page's own. */
  visitor?: { author: FbUser; taggedPage: boolean };
}

/** Whether a post is live at `now`: published, or scheduled for a time that has come. */
export const isLive = (p: FbPost, now: number): boolean => p.published !== false || (p.scheduledAt !== undefined && p.scheduledAt <= now);

export interface FbComment {
  id: string;
  order: number;
  post: FbPost;
  parent: FbComment | null;
  createdAt: number;
  from: FbUser;
  fromPage: boolean;
  message: string;
  replies: FbComment[];
  /** People's reactions, oldest first (the page's own like is `likedByPage`). */
  reactors: FbReaction[];
  /** like_count: the people's reactions and the page's like. */
  likeCount: number;
  /** Hidden by the page (POST /{comment} is_hidden=true): still listed for the page, with is_hidden. */
  hidden: boolean;
  /** The page likes this comment (POST /{comment}/likes). */
  likedByPage: boolean;
  /** What a comment written through the API attached (attachment_url / attachment_id → a photo, attachment_share_url → a GIF share). */
  attached?: { kind: 'photo' } | { kind: 'share'; url: string };
  /** The conversation a private reply to this comment opened (Send API recipient.comment_id). */
  privateReply?: string;
}

export interface FbConversation {
  id: string;
  customer: FbUser;
  /** Oldest first. */
  messages: FbMessage[];
  updatedAt: number;
  /** Bumped on every new message; conversations list newest-updated first. */
  updatedOrder: number;
  lastInboundAt: number | null;
  unread: number;
}

export interface FbMessage {
  id: string;
  order: number;
  conversation: FbConversation;
  fromPage: boolean;
  createdAt: number;
  text: string;
  /** What the page sent beyond text (Send API attachment, template, quick replies, metadata). */
  sent?: SentContent;
  /** The payload of the quick reply a customer tapped (their message's `quick_reply`). */
  quickReply?: string;
}

export interface Ordered {
  order: number;
}

/** Index of the first element with order > `order` in an order-sorted list. */
export function upperBound(list: readonly Ordered[], order: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid].order <= order) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class FacebookStore {
  readonly posts: FbPost[] = [];
  private readonly postsById = new Map<string, FbPost>();
  private readonly postsBySeq = new Map<number, FbPost>();
  private readonly comments = new Map<string, FbComment>();
  /** People blocked from the page (POST /{page}/blocked), by page-scoped id. */
  readonly blocked = new Map<string, FbUser>();
  private readonly commentsBySeq = new Map<number, FbComment>();
  private readonly conversationsById = new Map<string, FbConversation>();
  private readonly conversationsByUser = new Map<string, FbConversation>();
  private readonly messages = new Map<string, FbMessage>();
  /** Conversation updates, oldest first; stale entries (order ≠ conversation.updatedOrder) are skipped. */
  private updates: Array<{ order: number; conversation: FbConversation }> = [];
  private order = 0;
  private apiSerial = 0;
  readonly page: FbUser;

  constructor(
    readonly pageId: string,
    pageName: string,
    private readonly seed: number,
  ) {
    this.page = { id: pageId, name: pageName };
  }

  post(id: string): FbPost | undefined {
    return this.postsById.get(id);
  }

  /** A person who commented on the page, by the id Graph gives them in `from`. */
  commenter(id: string): FbUser | undefined {
    for (const c of this.comments.values()) if (!c.fromPage && c.from.id === id) return c.from;
    return undefined;
  }

  comment(id: string): FbComment | undefined {
    return this.comments.get(id);
  }

  conversation(id: string): FbConversation | undefined {
    return this.conversationsById.get(id);
  }

  conversationWith(userId: string): FbConversation | undefined {
    return this.conversationsByUser.get(userId);
  }

  message(id: string): FbMessage | undefined {
    return this.messages.get(id);
  }

  /** The highest counter this store has put in an id or cursor (a restarted world continues above it). */
  get idHighWater(): number {
    return Math.max(this.order, this.apiSerial);
  }

  /** A new number for an API-made object (photo and video ids), from the counter posts and comments share. */
  nextSerial(): number {
    return ++this.apiSerial;
  }

  /** Continues numbering above `floor`, so a restarted world never reuses an id. */
  resumeAbove(floor: number): void {
    this.order = Math.max(this.order, floor);
    this.apiSerial = Math.max(this.apiSerial, floor);
  }

  /** Conversations, most recently updated first, starting below `beforeOrder`. */
  *conversationsNewestFirst(beforeOrder = Infinity): Generator<{ order: number; conversation: FbConversation }> {
    if (this.updates.length > 4 * Math.max(64, this.conversationsById.size)) {
      this.updates = this.updates.filter((u) => u.order === u.conversation.updatedOrder);
    }
    let i = upperBound(this.updates, beforeOrder - 1) - 1;
    if (beforeOrder === Infinity) i = this.updates.length - 1;
    for (; i >= 0; i--) {
      const u = this.updates[i];
      if (u.order === u.conversation.updatedOrder) yield u;
    }
  }

  get conversationCount(): number {
    return this.conversationsById.size;
  }

  customerUser(customer: GeneratedCustomer): FbUser {
    // Page-scoped/app-scoped ids: 16 digits, distinct per customer.
    return { id: String(7_000_000_000_000_000 + customer.index), name: customer.name };
  }

  /** Adds one generated item; returns what was created (undefined if its post is unknown). */
  add(item: GeneratedItem): FbPost | FbComment | FbMessage | undefined {
    switch (item.kind) {
      case 'post': {
        const post: FbPost = {
          id: `${this.pageId}_${122_000_000_000_000 + item.seq}`,
          order: ++this.order,
          createdAt: item.createdAt,
          message: item.text,
          topLevel: [],
          all: [],
          reactors: [],
          shares: 0,
        };
        this.posts.push(post);
        this.postsById.set(post.id, post);
        this.postsBySeq.set(item.seq, post);
        return post;
      }
      case 'comment': {
        const post = this.postsBySeq.get(item.postSeq);
        if (!post) return undefined;
        const parent = item.parentSeq === null ? null : (this.commentsBySeq.get(item.parentSeq) ?? null);
        const from = item.author ? this.customerUser(item.author) : this.page;
        const comment = this.addComment(post, parent, from, !item.author, item.text, item.createdAt, 100_000_000_000_000 + item.seq);
        this.commentsBySeq.set(item.seq, comment);
        if (item.author && item.reaction) {
          const on = item.reaction.on === 'post' ? post : parent;
          if (on) this.react(on, comment.from, item.reaction.kind, item.createdAt);
        }
        if (item.likedByAccount) {
          comment.likedByPage = true;
          comment.likeCount += 1;
        }
        if (item.hiddenByAccount) comment.hidden = true;
        return comment;
      }
      case 'message': {
        const customer = this.customerUser(item.customer);
        return this.addMessage(customer, item.fromAccount, item.text, item.createdAt, `sim:${this.seed}:${item.seq}`);
      }
    }
  }

  /** A comment written through the API (as the page); replies to replies go to the top-level comment, as on Facebook. */
  addApiComment(target: FbPost | FbComment, from: FbUser, fromPage: boolean, message: string, at: number): FbComment {
    const post = 'post' in target ? target.post : target;
    const parent = 'post' in target ? (target.parent ?? target) : null;
    return this.addComment(post, parent, from, fromPage, message, at, 900_000_000_000_000 + ++this.apiSerial);
  }

  /** DELETE /{comment}: the comment and its replies are gone from every list and lookup. */
  removeComment(comment: FbComment): void {
    const drop = (list: FbComment[], c: FbComment) => {
      const i = list.indexOf(c);
      if (i >= 0) list.splice(i, 1);
    };
    for (const c of [comment, ...comment.replies]) {
      drop(c.post.all, c);
      this.comments.delete(c.id);
    }
    if (comment.parent) drop(comment.parent.replies, comment);
    else drop(comment.post.topLevel, comment);
  }

  /** A post the page publishes through the API (POST /{page}/feed). */
  addApiPost(message: string, at: number, extra: Pick<FbPost, 'link' | 'published' | 'scheduledAt' | 'media' | 'extras'>): FbPost {
    const post: FbPost = {
      id: `${this.pageId}_${123_000_000_000_000 + ++this.apiSerial}`,
      order: ++this.order,
      createdAt: at,
      message,
      topLevel: [],
      all: [],
      reactors: [],
      shares: 0,
      ...extra,
    };
    this.posts.push(post);
    this.postsById.set(post.id, post);
    if (post.published === false) this.unpublished += 1;
    return post;
  }

  /** Posts not (yet) published; while there are none, the feed is the posts list itself. */
  unpublished = 0;
  /** Posts by people other than the page (visitor-posts.ts): /posts and /published_posts leave them out. */
  visitorPosts = 0;
  /** Posts hidden from the timeline (POST /{post} is_hidden=true). */
  hiddenPosts = 0;

  /** DELETE /{post}: the post and its comments are gone from every list and lookup. */
  removePost(post: FbPost): void {
    const at = this.posts.indexOf(post);
    if (at >= 0) this.posts.splice(at, 1);
    this.postsById.delete(post.id);
    for (const c of post.all) this.comments.delete(c.id);
    if (post.published === false) this.unpublished -= 1;
    if (post.hidden) this.hiddenPosts -= 1;
    if (post.visitor) this.visitorPosts -= 1;
  }

  addApiMessage(customer: FbUser, text: string, at: number, sent?: SentContent): FbMessage {
    const message = this.addMessage(customer, true, text, at, `api:${this.seed}:${++this.apiSerial}`);
    if (sent) message.sent = sent;
    return message;
  }

  /** A customer's message that did not come from the generator (a tapped quick reply). */
  addCustomerMessage(customer: FbUser, text: string, at: number, quickReply: string): FbMessage {
    const message = this.addMessage(customer, false, text, at, `qr:${this.seed}:${++this.apiSerial}`);
    message.quickReply = quickReply;
    return message;
  }

  /**
   * Reactions not yet announced by webhook (feed changes with item "reaction"), oldest first: the
   * module takes them with `takeReactionEvents` after each batch it creates.
   */
  private reactionEvents: FbReactionEvent[] = [];

  takeReactionEvents(): FbReactionEvent[] {
    const events = this.reactionEvents;
    this.reactionEvents = [];
    return events;
  }

  /** The page's own like of a comment (or its taking it back), to be announced like anyone's reaction. */
  notePageLike(on: FbComment, liked: boolean, at: number): void {
    this.reactionEvents.push({ on, user: this.page, type: 'LIKE', verb: liked ? 'add' : 'remove', at });
  }

  /** A person reacts to a post or comment; a second reaction of theirs replaces the first. */
  private react(on: FbPost | FbComment, user: FbUser, kind: ReactionKind, at: number): void {
    const type = FB_REACTION[kind];
    const before = on.reactors.findIndex((r) => r.user.id === user.id);
    if (before >= 0) on.reactors.splice(before, 1);
    else if ('likeCount' in on) on.likeCount += 1;
    on.reactors.push({ order: ++this.order, user, type });
    this.reactionEvents.push({ on, user, type, verb: before >= 0 ? 'edit' : 'add', at });
  }

  private addComment(post: FbPost, parent: FbComment | null, from: FbUser, fromPage: boolean, message: string, at: number, num: number): FbComment {
    const postNum = post.id.split('_')[1];
    const comment: FbComment = {
      id: `${postNum}_${num}`,
      order: ++this.order,
      post,
      parent,
      createdAt: at,
      from,
      fromPage,
      message,
      replies: [],
      reactors: [],
      likeCount: 0,
      hidden: false,
      likedByPage: false,
    };
    post.all.push(comment);
    if (parent) parent.replies.push(comment);
    else post.topLevel.push(comment);
    this.comments.set(comment.id, comment);
    return comment;
  }

  private addMessage(customer: FbUser, fromPage: boolean, text: string, at: number, idSeed: string): FbMessage {
    let conversation = this.conversationsByUser.get(customer.id);
    if (!conversation) {
      conversation = {
        id: `t_${10_000_000_000_000 + Number(customer.id.slice(-9))}`,
        customer,
        messages: [],
        updatedAt: at,
        updatedOrder: 0,
        lastInboundAt: null,
        unread: 0,
      };
      this.conversationsById.set(conversation.id, conversation);
      this.conversationsByUser.set(customer.id, conversation);
    }
    const message: FbMessage = {
      id: `m_${createHash('sha512').update(idSeed).digest('base64url')}`,
      order: ++this.order,
      conversation,
      fromPage,
      createdAt: at,
      text,
    };
    conversation.messages.push(message);
    conversation.updatedAt = at;
    conversation.updatedOrder = message.order;
    if (!fromPage) {
      conversation.lastInboundAt = at;
      conversation.unread += 1;
    } else {
      conversation.unread = 0;
    }
    this.updates.push({ order: message.order, conversation });
    this.messages.set(message.id, message);
    return message;
  }
}
