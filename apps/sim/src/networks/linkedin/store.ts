import type { GeneratedCustomer, GeneratedItem, ReactionKind } from '../../generator';

/**
 * The LinkedIn company page's world: the organization's posts and their comments, one level of
 * replies (LinkedIn nests replies under a top-level comment). Lists are in creation order; paging
 * is by offset (start/count), as on LinkedIn.
 */
export interface LiPerson {
  urn: string;
  id: string;
  firstName: string;
  lastName: string;
  /** Members who do not disclose themselves: their comments come without `actor`. */
  hidden: boolean;
}

/** One actor's reaction to a post or comment (one per actor and entity, as on LinkedIn). */
export interface LiReaction {
  actor: string;
  reactionType: string;
  at: number;
}

/** LinkedIn's reactions for the generator's kinds; it has none for anger, so an angry customer does not react. */
const LI_REACTION: Record<ReactionKind, string | null> = {
  like: 'LIKE',
  love: 'EMPATHY',
  care: 'APPRECIATION',
  haha: 'ENTERTAINMENT',
  wow: 'INTEREST',
  sad: 'EMPATHY',
  angry: null,
};

export interface LiPost {
  urn: string;
  activityUrn: string;
  createdAt: number;
  text: string;
  comments: LiComment[];
  /** Top-level and replies. */
  total: number;
  /** By actor, in the order they reacted. */
  reactions: Map<string, LiReaction>;
  /** Written through the Posts API: what it was created with beyond its text. */
  created?: {
    visibility: string;
    lifecycleState: 'PUBLISHED' | 'DRAFT';
    content?: Record<string, unknown>;
    reshareDisabled: boolean;
    /** As the post was created with it (feedDistribution, targetEntities, …). */
    distribution?: Record<string, unknown>;
    /** A reshare: the post it reshares and the original at the root of the chain. */
    reshareContext?: { parent: string; root: string };
    /** A member's own post (w_member_social): their person URN; unset, the organization. */
    author?: string;
    /** When a draft was published by PARTIAL_UPDATE of lifecycleState (else its creation time). */
    publishedAt?: number;
    /** The Posts API's call to action and landing page (contentCallToActionLabel, contentLandingPage). */
    callToAction?: string;
    landingPage?: string;
    /** `adContext` as sent, with dscName/dscStatus as later updated. */
    adContext?: Record<string, unknown>;
  };
  /** Set when the organization edited its commentary (PARTIAL_UPDATE). */
  editedAt?: number;
  /** Set by any PARTIAL_UPDATE (commentary, call to action, landing page, lifecycleState, adContext). */
  modifiedAt?: number;
  /** socialMetadata commentsState CLOSED: no comments (closing deleted those there were). */
  commentsClosed?: boolean;
}

export interface LiComment {
  urn: string;
  id: string;
  post: LiPost;
  parent: LiComment | null;
  /** urn:li:person:… or the organization's URN. */
  actor: string;
  person: LiPerson | null;
  createdAt: number;
  text: string;
  replies: LiComment[];
  /** By actor, in the order they reacted. */
  reactions: Map<string, LiReaction>;
  /** The asset id of an image the organization attached when it wrote the comment (`content`). */
  image?: string;
  /** Set when the organization edited it (PARTIAL_UPDATE). */
  editedAt?: number;
  /** Mentions in the text the organization wrote (`message.attributes`), as it sent them. */
  attributes?: unknown[];
  /** socialMetadata commentsState CLOSED on the comment: no replies. */
  commentsClosed?: boolean;
}

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export class LinkedInStore {
  readonly posts: LiPost[] = [];
  private readonly postsByUrn = new Map<string, LiPost>();
  private readonly postsBySeq = new Map<number, LiPost>();
  private readonly comments = new Map<string, LiComment>();
  private readonly commentsBySeq = new Map<number, LiComment>();
  readonly people = new Map<string, LiPerson>();
  private apiSerial = 0;

  constructor(readonly orgUrn: string) {}

  /** The highest counter this store has put in an id or cursor (a restarted world continues above it). */
  get idHighWater(): number {
    return this.apiSerial;
  }

  /** Continues numbering above `floor`, so a restarted world never reuses an id. */
  resumeAbove(floor: number): void {
    this.apiSerial = Math.max(this.apiSerial, floor);
  }

  post(urn: string): LiPost | undefined {
    return this.postsByUrn.get(urn);
  }

  comment(urn: string): LiComment | undefined {
    return this.comments.get(urn);
  }

  /** The post or comment an entity URN names (a post by its share or activity URN). */
  entity(urn: string): LiPost | LiComment | undefined {
    return urn.startsWith('urn:li:comment:') ? this.comments.get(urn) : this.postsByUrn.get(urn);
  }

  /** An actor reacts; a second reaction of theirs replaces the first (and moves to the end). */
  react(on: LiPost | LiComment, actor: string, reactionType: string, at: number): LiReaction {
    const reaction = { actor, reactionType, at };
    on.reactions.delete(actor);
    on.reactions.set(actor, reaction);
    return reaction;
  }

  /** A deleted comment: gone from its post's (or parent's) list and from lookups, with its replies. */
  removeComment(c: LiComment): void {
    const list = c.parent ? c.parent.replies : c.post.comments;
    const i = list.indexOf(c);
    if (i >= 0) list.splice(i, 1);
    for (const r of [c, ...c.replies]) this.comments.delete(r.urn);
    c.post.total = Math.max(0, c.post.total - 1 - c.replies.length);
  }

  /** A member's id: 10 characters, stable per customer. Every 23rd customer keeps their profile hidden. */
  person(customer: GeneratedCustomer): LiPerson {
    let n = customer.index * 2_654_435_761 + 97;
    let id = '';
    for (let i = 0; i < 10; i++) {
      id += ID_CHARS[n % ID_CHARS.length];
      n = Math.floor(n / ID_CHARS.length) + i * 7919;
    }
    const urn = `urn:li:person:${id}`;
    let p = this.people.get(urn);
    if (!p) {
      const [firstName, ...rest] = customer.name.split(' ');
      p = { urn, id, firstName, lastName: rest.join(' '), hidden: customer.index % 23 === 22 };
      this.people.set(urn, p);
    }
    return p;
  }

  add(item: GeneratedItem): LiPost | LiComment | undefined {
    if (item.kind === 'post') {
      const n = 7_200_000_000_000_000_000n + BigInt(item.seq) * 2n;
      const post: LiPost = {
        urn: `urn:li:share:${n}`,
        activityUrn: `urn:li:activity:${n + 1n}`,
        createdAt: item.createdAt,
        text: item.text,
        comments: [],
        total: 0,
        reactions: new Map(),
      };
      this.posts.push(post);
      this.postsByUrn.set(post.urn, post);
      this.postsByUrn.set(post.activityUrn, post);
      this.postsBySeq.set(item.seq, post);
      return post;
    }
    if (item.kind !== 'comment') return undefined; // LinkedIn has no API for page messages.
    const post = this.postsBySeq.get(item.postSeq);
    if (!post) return undefined;
    const found = item.parentSeq === null ? null : (this.commentsBySeq.get(item.parentSeq) ?? null);
    const parent = found ? (found.parent ?? found) : null;
    // Nobody comments where the organization closed comments (socialMetadata commentsState).
    if (post.commentsClosed || parent?.commentsClosed) return undefined;
    const person = item.author ? this.person(item.author) : null;
    const c = this.addComment(
      post,
      parent,
      person ? person.urn : this.orgUrn,
      person,
      item.text,
      item.createdAt,
      `${7_300_000_000_000_000_000n + BigInt(item.seq)}`,
    );
    this.commentsBySeq.set(item.seq, c);
    const type = person && item.reaction ? LI_REACTION[item.reaction.kind] : null;
    const on = item.reaction?.on === 'post' ? post : found;
    // A member who does not disclose themselves is not named as a reactor either.
    if (person && !person.hidden && type && on) this.react(on, person.urn, type, item.createdAt);
    return c;
  }

  /** A post the organization writes through the Posts API (POST /rest/posts). */
  addApiPost(text: string, at: number, created: NonNullable<LiPost['created']>): LiPost {
    const n = 7_500_000_000_000_000_000n + BigInt(++this.apiSerial) * 2n;
    const post: LiPost = {
      urn: `urn:li:share:${n}`,
      activityUrn: `urn:li:activity:${n + 1n}`,
      createdAt: at,
      text,
      comments: [],
      total: 0,
      reactions: new Map(),
      created,
    };
    this.posts.push(post);
    this.postsByUrn.set(post.urn, post);
    this.postsByUrn.set(post.activityUrn, post);
    return post;
  }

  /** DELETE /rest/posts/{urn}: the post and its comments are gone. */
  removePost(post: LiPost): void {
    const at = this.posts.indexOf(post);
    if (at >= 0) this.posts.splice(at, 1);
    this.postsByUrn.delete(post.urn);
    this.postsByUrn.delete(post.activityUrn);
    const pending = [...post.comments];
    for (let c = pending.shift(); c; c = pending.shift()) {
      this.comments.delete(c.urn);
      pending.push(...c.replies);
    }
  }

  /** A comment written through the API as the organization (or the token's member); a reply to a reply goes under its top-level comment. */
  addApiComment(post: LiPost, parent: LiComment | null, text: string, at: number, actor = this.orgUrn): LiComment {
    const top = parent ? (parent.parent ?? parent) : null;
    // A member commenting as themselves (w_member_social) is named like any member.
    const person = actor === this.orgUrn ? null : (this.people.get(actor) ?? null);
    return this.addComment(post, top, actor, person, text, at, `${7_400_000_000_000_000_000n + BigInt(++this.apiSerial)}`);
  }

  private addComment(post: LiPost, parent: LiComment | null, actor: string, person: LiPerson | null, text: string, at: number, id: string): LiComment {
    const c: LiComment = {
      urn: `urn:li:comment:(${post.activityUrn},${id})`,
      id,
      post,
      parent,
      actor,
      person,
      createdAt: at,
      text,
      replies: [],
      reactions: new Map(),
    };
    if (parent) parent.replies.push(c);
    else post.comments.push(c);
    post.total += 1;
    this.comments.set(c.urn, c);
    return c;
  }
}
