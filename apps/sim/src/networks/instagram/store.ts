import { createHash } from 'node:crypto';
import type { SentContent } from '../facebook/send-content';
import type { IgPublishOptions } from './publish-options';
import type { GeneratedCustomer, GeneratedItem } from '../../generator';
import type { Ordered } from '../facebook/store';

/**
 * The Instagram professional account's world: its media, their comments (top-level and one level
 * of replies, as on Instagram), comments elsewhere that mention the account, and Instagram Direct
 * conversations. Lists grow by appending and stay in insertion order (= time order); a cursor is an
 * item's insertion number, as in the Facebook store. Ids are strings: Instagram's exceed 2^53.
 */
export interface IgUser {
  /** Instagram-scoped id (IGSID), the same in comment webhooks and in Direct. */
  id: string;
  username: string;
  name: string;
}

export interface IgMedia {
  id: string;
  order: number;
  createdAt: number;
  /** Absent when the post has none: Instagram then omits the `caption` key. */
  caption: string | null;
  mediaType: 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM';
  /** FEED, REELS (every video since 2023) or STORY (gone from every read after 24 hours). */
  productType: IgProductType;
  /** `comment_enabled=false` (POST /{media-id}): new comments are refused, existing ones stay readable. */
  commentEnabled: boolean;
  /** Carousel children (ids only; they share the album's time). */
  children: string[];
  /** Owner: the account itself, or (media the account is tagged in / mentioned by) another person. */
  owner: IgUser | null;
  comments: IgComment[];
  likeCount: number;
  /** What content publishing was given beyond URL and caption (publish-options.ts). */
  options?: IgPublishOptions;
}

export interface IgComment {
  id: string;
  order: number;
  media: IgMedia;
  /** The top-level comment; replies to replies attach here, as on Instagram. */
  parent: IgComment | null;
  createdAt: number;
  from: IgUser;
  fromAccount: boolean;
  text: string;
  replies: IgComment[];
  likeCount: number;
  hidden: boolean;
  /** A comment on another person's media that mentions the account (read via mentioned_comment). */
  mention: boolean;
  /** On an ad that reuses the media: webhooks carry ad_id/ad_title and may come twice. */
  ad: boolean;
  /** The private reply sent to this comment (Send API recipient.comment_id): one per comment. */
  privateReply?: string;
}

export type IgProductType = 'FEED' | 'REELS' | 'STORY';

/** Stories are readable for 24 hours (GET /{ig-user-id}/stories, the story's own node). */
export const STORY_LIFETIME_MS = 24 * 3600_000;

/**
 * Inbound kinds (control API) and what the Send API takes: image, video, audio, file, like_heart
 * (the heart sticker) and MEDIA_SHARE (a post of the account).
 */
export type IgAttachmentKind = 'ig_reel' | 'share' | 'story_mention' | 'unsupported_type' | 'image' | 'video' | 'audio' | 'file' | 'like_heart' | 'media_share';

export interface IgAttachment {
  kind: IgAttachmentKind;
  url: string;
  /** A sent file's name (the last segment of the URL it came from). */
  name?: string;
}

export interface IgConversation {
  id: string;
  customer: IgUser;
  messages: IgMessage[];
  updatedAt: number;
  updatedOrder: number;
  lastInboundAt: number | null;
}

export interface IgMessage {
  id: string;
  order: number;
  conversation: IgConversation;
  fromAccount: boolean;
  createdAt: number;
  text: string;
  /** Several images may come in one message (Send API `attachments`); usually zero or one. */
  attachments: IgAttachment[];
  /** A customer's reply to one of the account's stories (webhook `reply_to.story`, Graph `story.reply_to`). */
  storyReply?: { id: string; url: string };
  /** message_edit: how often the author changed the text. */
  edits: number;
  /** What the account sent beyond text and files (a template, quick replies), as the Messenger Send API keeps it. */
  sent?: SentContent;
  /** The payload of the quick reply a customer tapped (their message's `quick_reply`). */
  quickReply?: string;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Instagram-style numeric ids beyond 2^53, built as strings (no floating point on the way). */
const numericId = (prefix: string, n: number) => `${prefix}${pad(n, 17 - prefix.length)}`;

export class InstagramStore {
  readonly media: IgMedia[] = [];
  /** Media of other people the account is tagged in (GET /{ig-user-id}/tags), oldest first. */
  readonly tagged: IgMedia[] = [];
  /** The account's stories, oldest first (expired ones stay here, invisible to reads). */
  readonly stories: IgMedia[] = [];
  private readonly mediaById = new Map<string, IgMedia>();
  private readonly mediaBySeq = new Map<number, IgMedia>();
  private readonly comments = new Map<string, IgComment>();
  private readonly commentsBySeq = new Map<number, IgComment>();
  private readonly foreignMediaByUser = new Map<string, IgMedia>();
  private readonly conversationsById = new Map<string, IgConversation>();
  private readonly conversationsByUser = new Map<string, IgConversation>();
  private readonly messages = new Map<string, IgMessage>();
  /** Conversation updates, oldest first; stale entries (order ≠ updatedOrder) are skipped. */
  private updates: Array<{ order: number; conversation: IgConversation }> = [];
  private order = 0;
  private apiSerial = 0;
  readonly account: IgUser;

  constructor(
    account: IgUser,
    private readonly seed: number,
  ) {
    this.account = account;
  }

  mediaItem(id: string): IgMedia | undefined {
    return this.mediaById.get(id);
  }

  comment(id: string): IgComment | undefined {
    return this.comments.get(id);
  }

  conversation(id: string): IgConversation | undefined {
    return this.conversationsById.get(id);
  }

  conversationWith(userId: string): IgConversation | undefined {
    return this.conversationsByUser.get(userId);
  }

  message(id: string): IgMessage | undefined {
    return this.messages.get(id);
  }

  get idHighWater(): number {
    return Math.max(this.order, this.apiSerial);
  }

  resumeAbove(floor: number): void {
    this.order = Math.max(this.order, floor);
    this.apiSerial = Math.max(this.apiSerial, floor);
  }

  /** Conversations, most recently updated first, starting below `beforeOrder`. */
  *conversationsNewestFirst(beforeOrder = Infinity): Generator<{ order: number; conversation: IgConversation }> {
    if (this.updates.length > 4 * Math.max(64, this.conversationsById.size)) {
      this.updates = this.updates.filter((u) => u.order === u.conversation.updatedOrder);
    }
    for (let i = this.updates.length - 1; i >= 0; i--) {
      const u = this.updates[i];
      if (u.order >= beforeOrder) continue;
      if (u.order === u.conversation.updatedOrder) yield u;
    }
  }

  customerUser(customer: GeneratedCustomer): IgUser {
    const handle = customer.name
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z]+/g, '_')
      .replace(/^_|_$/g, '');
    // IGSIDs: 15-16 digits, distinct per customer.
    return { id: String(1_100_000_000_000_000 + customer.index), username: `${handle}${customer.index % 1000}`, name: customer.name };
  }

  /**
   * Which generated customer comments mention the account on the customer's own media instead of
   * commenting on the account's: about one top-level comment in twelve, chosen by its seq.
   */
  static isMention(seq: number): boolean {
    return (seq * 0.6180339887498949) % 1 < 1 / 12;
  }

  add(item: GeneratedItem, adShare: number): IgMedia | IgComment | IgMessage | undefined {
    switch (item.kind) {
      case 'post': {
        const kinds = ['IMAGE', 'IMAGE', 'CAROUSEL_ALBUM', 'VIDEO'] as const;
        const mediaType = kinds[item.seq % kinds.length];
        // Some posts have no caption at all (Instagram then omits the key).
        const caption = item.seq % 9 === 4 ? null : item.text;
        // Video posts are Reels since 2023 (media_type VIDEO, media_product_type REELS).
        const media = this.addMedia(numericId('180', item.seq), item.createdAt, caption, mediaType, null, mediaType === 'VIDEO' ? 'REELS' : 'FEED');
        if (mediaType === 'CAROUSEL_ALBUM') media.children = [1, 2, 3].map((k) => numericId(`18${k}`, item.seq));
        this.mediaBySeq.set(item.seq, media);
        media.likeCount = (item.seq * 7) % 40;
        return media;
      }
      case 'comment': {
        const parent = item.parentSeq === null ? null : (this.commentsBySeq.get(item.parentSeq) ?? null);
        const from = item.author ? this.customerUser(item.author) : this.account;
        let media = parent?.media ?? this.mediaBySeq.get(item.postSeq);
        const mention = parent === null && item.author !== null && InstagramStore.isMention(item.seq);
        if (mention) media = this.foreignMedia(from, item.createdAt, item.language);
        if (!media) return undefined;
        const inMentionThread = mention || (parent?.mention ?? false);
        // A customer's comment on their own media reaches the account only by naming it.
        const text = inMentionThread && item.author ? `@${this.account.username} ${item.text}` : item.text;
        const comment = this.addComment(media, parent, from, !item.author, text, item.createdAt, numericId('1790', item.seq));
        comment.mention = inMentionThread;
        comment.ad = item.author !== null && parent === null && !mention && (item.seq * 0.7548776662466927) % 1 < adShare;
        if (item.hiddenByAccount && item.author) comment.hidden = true;
        if (item.likedByAccount) comment.likeCount += 1;
        this.commentsBySeq.set(item.seq, comment);
        return comment;
      }
      case 'message': {
        const customer = this.customerUser(item.customer);
        return this.addMessage(customer, item.fromAccount, item.text, item.createdAt, `sim:${this.seed}:${item.seq}`);
      }
    }
  }

  /** A reply written through the API, as the account: a reply to a reply goes to its top-level comment. */
  addApiReply(target: IgComment, text: string, at: number): IgComment {
    const top = target.parent ?? target;
    const reply = this.addComment(top.media, top, this.account, true, text, at, numericId('1799', ++this.apiSerial));
    reply.mention = top.mention;
    return reply;
  }

  /** DELETE /{comment-id}: the comment and its replies are gone (replies of a deleted comment cannot be read). */
  removeComment(comment: IgComment): void {
    const drop = (list: IgComment[], c: IgComment) => {
      const i = list.indexOf(c);
      if (i >= 0) list.splice(i, 1);
    };
    for (const c of [comment, ...comment.replies]) {
      drop(c.media.comments, c);
      this.comments.delete(c.id);
    }
    if (comment.parent) drop(comment.parent.replies, comment);
  }

  addApiMessage(customer: IgUser, text: string, at: number, attachments: IgAttachment[] = []): IgMessage {
    const m = this.addMessage(customer, true, text, at, `api:${this.seed}:${++this.apiSerial}`);
    m.attachments = attachments;
    return m;
  }

  /** An inbound message the control API injects (attachments, story mentions: what the generator does not write). */
  addInboundMessage(customer: IgUser, text: string, at: number, attachments: IgAttachment[] = []): IgMessage {
    const m = this.addMessage(customer, false, text, at, `inbound:${this.seed}:${++this.apiSerial}`);
    m.attachments = attachments;
    return m;
  }

  /** A postback or referral: the customer acted in the conversation, which opens the messaging window. */
  touchInbound(conversation: IgConversation, at: number): void {
    conversation.lastInboundAt = at;
  }

  /** A story of the account (control API or media_publish with media_type STORIES): listed by /stories for 24 hours. */
  addStory(caption: string | null, at: number, mediaType: 'IMAGE' | 'VIDEO'): IgMedia {
    const media = this.addMedia(numericId('1812', ++this.apiSerial), at, caption, mediaType, null, 'STORY');
    return media;
  }

  /** The account's stories still visible at `now`, oldest first. */
  liveStories(now: number): IgMedia[] {
    return this.stories.filter((s) => now - s.createdAt < STORY_LIFETIME_MS);
  }

  /** A comment written during a live broadcast (live_comments); its id is from the API serials. */
  addLiveComment(media: IgMedia, from: IgUser, text: string, at: number): IgComment {
    return this.addComment(media, null, from, false, text, at, numericId('1798', ++this.apiSerial));
  }

  /** Someone who commented or wrote to the account, by IGSID. */
  person(id: string): IgUser | undefined {
    const conversation = this.conversationsByUser.get(id);
    if (conversation) return conversation.customer;
    for (const c of this.comments.values()) if (!c.fromAccount && c.from.id === id) return c.from;
    return undefined;
  }

  private foreignMedia(owner: IgUser, at: number, language: string): IgMedia {
    let media = this.foreignMediaByUser.get(owner.id);
    if (!media) {
      const caption = language === 'de' ? `Mein neuer Einkauf bei @${this.account.username}` : `My new favourite from @${this.account.username}`;
      // Numbered from the serials a restarted world resumes above, so a later run never reuses an id.
      media = this.addMedia(numericId('1810', ++this.apiSerial), at, caption, 'IMAGE', owner);
      this.foreignMediaByUser.set(owner.id, media);
      this.tagged.push(media);
    }
    return media;
  }

  /** Media the account published through the API (media_publish); an album gets `children` child ids. */
  addPublishedMedia(caption: string | null, at: number, mediaType: IgMedia['mediaType'], children: number, productType: IgProductType = 'FEED'): IgMedia {
    if (productType === 'STORY') return this.addStory(caption, at, mediaType === 'VIDEO' ? 'VIDEO' : 'IMAGE');
    const serial = ++this.apiSerial;
    const media = this.addMedia(numericId('1811', serial), at, caption, mediaType, null, productType);
    media.children = Array.from({ length: children }, (_, k) => numericId(`181${2 + k}`, serial));
    return media;
  }

  private addMedia(
    id: string,
    at: number,
    caption: string | null,
    mediaType: IgMedia['mediaType'],
    owner: IgUser | null,
    productType: IgProductType = 'FEED',
  ): IgMedia {
    const media: IgMedia = {
      id,
      order: ++this.order,
      createdAt: at,
      caption,
      mediaType,
      productType,
      commentEnabled: true,
      children: [],
      owner,
      comments: [],
      likeCount: 0,
    };
    // Stories are not in /{ig-user-id}/media: only in /stories, for 24 hours.
    if (productType === 'STORY') this.stories.push(media);
    else if (owner === null) this.media.push(media);
    this.mediaById.set(id, media);
    return media;
  }

  private addComment(media: IgMedia, parent: IgComment | null, from: IgUser, fromAccount: boolean, text: string, at: number, id: string): IgComment {
    const comment: IgComment = {
      id,
      order: ++this.order,
      media,
      parent,
      createdAt: at,
      from,
      fromAccount,
      text,
      replies: [],
      likeCount: 0,
      hidden: false,
      mention: false,
      ad: false,
    };
    if (parent) parent.replies.push(comment);
    else media.comments.push(comment);
    this.comments.set(id, comment);
    return comment;
  }

  private addMessage(customer: IgUser, fromAccount: boolean, text: string, at: number, idSeed: string): IgMessage {
    let conversation = this.conversationsByUser.get(customer.id);
    if (!conversation) {
      const inner = `340282366841710300949128${customer.id}`;
      conversation = {
        id: `aWdfZAG06${Buffer.from(inner).toString('base64url')}`,
        customer,
        messages: [],
        updatedAt: at,
        updatedOrder: 0,
        lastInboundAt: null,
      };
      this.conversationsById.set(conversation.id, conversation);
      this.conversationsByUser.set(customer.id, conversation);
    }
    const digest = createHash('sha256').update(idSeed).digest('base64url');
    const message: IgMessage = {
      id: `aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOj${digest}`,
      order: ++this.order,
      conversation,
      fromAccount,
      createdAt: at,
      text,
      attachments: [],
      edits: 0,
    };
    conversation.messages.push(message);
    conversation.updatedAt = at;
    conversation.updatedOrder = message.order;
    if (!fromAccount) conversation.lastInboundAt = at;
    this.updates.push({ order: message.order, conversation });
    this.messages.set(message.id, message);
    return message;
  }
}

export type { Ordered };
