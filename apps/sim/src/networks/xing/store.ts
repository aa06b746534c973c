import { createHash } from 'node:crypto';
import type { GeneratedCustomer, GeneratedItem } from '../../generator';

/**
 * The XING company page's world, MODELLED on XING's former public API: company updates with flat
 * comment lists (XING comments have no replies), and the conversations of the XING user who acts for
 * the company. Ids: comments and messages carry their update/conversation id before the underscore.
 */
export interface XingPerson {
  id: string;
  displayName: string;
  type: 'user' | 'company';
}

export interface XingUpdate {
  id: string;
  createdAt: number;
  headline: string;
  content: string;
  comments: XingComment[];
  likes: Set<string>;
}

export interface XingComment {
  id: string;
  update: XingUpdate;
  createdAt: number;
  commenter: XingPerson;
  fromCompany: boolean;
  content: string;
}

export interface XingConversation {
  id: string;
  customer: XingPerson;
  subject: string;
  /** Oldest first. */
  messages: XingMessage[];
  updatedAt: number;
  unread: number;
  /** Bumped on every message; the list is newest-updated first. */
  order: number;
}

export interface XingMessage {
  id: string;
  conversation: XingConversation;
  createdAt: number;
  sender: XingPerson;
  fromCompany: boolean;
  content: string;
}

export class XingStore {
  /** Oldest first (the API lists them newest first). */
  readonly updates: XingUpdate[] = [];
  private readonly updatesById = new Map<string, XingUpdate>();
  private readonly updatesBySeq = new Map<number, XingUpdate>();
  private readonly commentsById = new Map<string, XingComment>();
  private readonly conversationsById = new Map<string, XingConversation>();
  private readonly conversationsByCustomer = new Map<string, XingConversation>();
  private order = 0;
  private apiSerial = 0;

  constructor(
    readonly company: XingPerson,
    /** The XING user who answers messages for the company. */
    readonly agent: XingPerson,
  ) {}

  /** The highest counter this store has put in an id or cursor (a restarted world continues above it). */
  get idHighWater(): number {
    return Math.max(this.order, this.apiSerial);
  }

  /** Continues numbering above `floor`, so a restarted world never reuses an id. */
  resumeAbove(floor: number): void {
    this.order = Math.max(this.order, floor);
    this.apiSerial = Math.max(this.apiSerial, floor);
  }

  update(id: string): XingUpdate | undefined {
    return this.updatesById.get(id);
  }

  comment(id: string): XingComment | undefined {
    return this.commentsById.get(id);
  }

  conversation(id: string): XingConversation | undefined {
    return this.conversationsById.get(id);
  }

  /** Newest-updated first. */
  conversationsNewestFirst(): XingConversation[] {
    return [...this.conversationsById.values()].sort((a, b) => b.order - a.order);
  }

  customer(c: GeneratedCustomer): XingPerson {
    // XING user ids: a number and a short hash, e.g. "31337001_c0ffee".
    const hash = createHash('sha1').update(`xing:${c.index}`).digest('hex').slice(0, 6);
    return { id: `${31_000_000 + c.index}_${hash}`, displayName: c.name, type: 'user' };
  }

  add(item: GeneratedItem): XingUpdate | XingComment | XingMessage | undefined {
    switch (item.kind) {
      case 'post': {
        const [headline, ...rest] = item.text.split(/(?<=[.!?])\s+/);
        return this.addUpdate(headline.slice(0, 120), rest.join(' ') || item.text, item.createdAt, 5_880_000_000 + item.seq, item.seq);
      }
      case 'comment': {
        const update = this.updatesBySeq.get(item.postSeq);
        if (!update) return undefined;
        const from = item.author ? this.customer(item.author) : this.company;
        return this.addComment(update, from, !item.author, item.text, item.createdAt, 700_000_000 + item.seq);
      }
      case 'message':
        return this.addMessage(this.customer(item.customer), item.fromAccount, item.text, item.createdAt, 810_000_000 + item.seq);
    }
  }

  addUpdate(headline: string, content: string, at: number, num = 5_990_000_000 + ++this.apiSerial, seq?: number): XingUpdate {
    const update: XingUpdate = { id: String(num), createdAt: at, headline, content, comments: [], likes: new Set() };
    this.updates.push(update);
    this.updatesById.set(update.id, update);
    if (seq !== undefined) this.updatesBySeq.set(seq, update);
    return update;
  }

  addComment(update: XingUpdate, from: XingPerson, fromCompany: boolean, content: string, at: number, num = 990_000_000 + ++this.apiSerial): XingComment {
    const comment: XingComment = { id: `${update.id}_${num}`, update, createdAt: at, commenter: from, fromCompany, content };
    update.comments.push(comment);
    this.commentsById.set(comment.id, comment);
    return comment;
  }

  deleteComment(comment: XingComment): void {
    comment.update.comments.splice(comment.update.comments.indexOf(comment), 1);
    this.commentsById.delete(comment.id);
  }

  addMessage(customer: XingPerson, fromCompany: boolean, content: string, at: number, num = 890_000_000 + ++this.apiSerial): XingMessage {
    let conversation = this.conversationsByCustomer.get(customer.id);
    if (!conversation) {
      conversation = {
        id: String(4_242_000_000 + (Number(customer.id.split('_')[0]) % 1_000_000_000)),
        customer,
        subject: 'Nachricht',
        messages: [],
        updatedAt: at,
        unread: 0,
        order: 0,
      };
      this.conversationsById.set(conversation.id, conversation);
      this.conversationsByCustomer.set(customer.id, conversation);
    }
    const message: XingMessage = {
      id: `${conversation.id}_${num}`,
      conversation,
      createdAt: at,
      sender: fromCompany ? this.agent : customer,
      fromCompany,
      content,
    };
    conversation.messages.push(message);
    conversation.updatedAt = Math.max(conversation.updatedAt, at);
    conversation.order = ++this.order;
    conversation.unread = fromCompany ? 0 : conversation.unread + 1;
    return message;
  }
}
