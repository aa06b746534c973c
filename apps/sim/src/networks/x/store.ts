import type { GeneratedCustomer, GeneratedItem } from '../../generator';
import { must } from '../../core/must';
import type { XMedia } from './media';
import { generatedPlace } from './places';
import type { XDmEvent, XDmGroup, XTweetExtras, XUser } from './store-types';

export type { XDmEvent, XDmEventType, XDmGroup, XTweetExtras, XUser } from './store-types';

/**
 * The X account's world: users, tweets (posts, replies, mentions) and DM events. Tweets and
 * events share one increasing sequence, and their ids are snowflake-like numbers built from it,
 * so "newer" is "larger id" as on X, since_id is a comparison and a page cursor is an order.
 */
export interface XTweet {
  id: string;
  order: number;
  author: XUser;
  text: string;
  createdAt: number;
  conversationId: string;
  parent: XTweet | null;
  /** Users the tweet mentions (the mentions timeline of each lists it). */
  mentions: string[];
  replyCount: number;
  /** Who liked it, oldest first (public_metrics.like_count, GET /2/tweets/:id/liking_users). */
  likedBy: XUser[];
  /** Hidden by the conversation's starter (PUT /2/tweets/:id/hidden). */
  hidden: boolean;
  /** The tweet this one quotes (quote_tweet_id). */
  quoted: XTweet | null;
  /** How many tweets quote this one (public_metrics.quote_count). */
  quoteCount: number;
  poll?: XPoll;
  media?: XMedia[];
  /** The tweet this one retweets (a retweet's text is "RT @author: …", X's own copy). */
  retweeted?: XTweet;
  /** Retweets of this one, oldest first (public_metrics.retweet_count, GET /2/tweets/:id/retweeted_by). */
  retweets: XTweet[];
  /** Who may reply (reply_settings on create); absent: everyone. */
  replySettings?: XReplySettings;
  /** A place the tweet is tagged with (geo.place_id). */
  placeId?: string;
  /** for_super_followers_only: only the author and Super Followers may read it. */
  superFollowersOnly?: boolean;
  /**
   * Every version of an edited post, oldest first, one array shared by all of them (X's
   * edit_history_tweet_ids); absent while the post is unedited. Only the last is in timelines.
   */
  versions?: XTweet[];
  /** What POST /2/tweets stored besides text and attachments (tweet-options.ts): card, community, nullcast, … */
  extras?: XTweetExtras;
}

export type XReplySettings = 'following' | 'mentionedUsers' | 'subscribers' | 'verified';

/** A poll created with a tweet (poll.options, poll.duration_minutes); the sim's people do not vote. */
export interface XPoll {
  id: string;
  options: string[];
  durationMinutes: number;
  endAt: number;
}

const ID_BASE = 1_860_000_000_000_000_000n;
const DM_ID_BASE = 1_870_000_000_000_000_000n;
const GROUP_ID_BASE = 1_880_000_000_000_000_000n;
const POLL_ID_BASE = 1_885_000_000_000_000_000n;

/** X reports times in whole seconds (…T17:24:21.000Z). */
export const xSecond = (ms: number): number => Math.floor(ms / 1000) * 1000;

/** The 1:1 DM conversation id: both user ids, smaller first, joined by a dash. */
export const dmConversationId = (a: string, b: string): string => {
  const [x, y] = BigInt(a) < BigInt(b) ? [a, b] : [b, a];
  return `${x}-${y}`;
};

export class XStore {
  readonly tweets: XTweet[] = [];
  readonly dmEvents: XDmEvent[] = [];
  readonly dmGroups = new Map<string, XDmGroup>();
  private readonly tweetsById = new Map<string, XTweet>();
  private readonly tweetsBySeq = new Map<number, XTweet>();
  private readonly users = new Map<string, XUser>();
  private order = 0;
  /** Who reads (the token's user, or the app): set by the module per request, for for_super_followers_only. */
  viewer = '';
  /**
   * Whether the viewer may see the tweet: a Super Followers only tweet is its author's alone in
   * the sim (it has no Super Followers).
   */
  visible(t: XTweet): boolean {
    return !t.superFollowersOnly || t.author.id === this.viewer;
  }
  /** Whether a timeline or search lists the tweet: visible, and not promoted-only (nullcast) unless the viewer wrote it. */
  listed(t: XTweet): boolean {
    return this.visible(t) && (!t.extras?.nullcast || t.author.id === this.viewer);
  }
  /** The sim's clock (a poll's voting_status depends on it); the module sets it. */
  now: () => number = () => Date.now();

  constructor(readonly account: XUser) {
    this.users.set(account.id, account);
  }

  user(id: string): XUser | undefined {
    return this.users.get(id);
  }

  tweet(id: string): XTweet | undefined {
    const t = this.tweetsById.get(id);
    return t && this.visible(t) ? t : undefined;
  }

  /** X compares usernames without regard to case. */
  userNamed(username: string): XUser | undefined {
    const wanted = username.toLowerCase();
    for (const u of this.users.values()) if (u.username.toLowerCase() === wanted) return u;
    return undefined;
  }

  /** The highest counter this store has put in an id or cursor (a restarted world continues above it). */
  get idHighWater(): number {
    return this.order;
  }

  /** Continues numbering above `floor`, so a restarted world never reuses an id. */
  resumeAbove(floor: number): void {
    this.order = Math.max(this.order, floor);
  }

  customerUser(customer: GeneratedCustomer): XUser {
    const id = String(1_600_000_000_000_000_000n + BigInt(customer.index));
    let user = this.users.get(id);
    if (!user) {
      const handle = customer.name
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_|_$/g, '')
        .slice(0, 9);
      user = { id, name: customer.name, username: `${handle}_${customer.index}`.slice(0, 15) };
      this.users.set(id, user);
    }
    return user;
  }

  /**
   * One generated item on X: a post is the account's tweet; a top-level comment replies to the
   * post (every fourth is a standalone mention instead); a reply answers its thread's first tweet;
   * a message is a DM event between the customer and the account.
   */
  add(item: GeneratedItem): XTweet | XDmEvent | undefined {
    switch (item.kind) {
      case 'post': {
        const tweet = this.addTweet({ author: this.account, text: item.text, at: item.createdAt, parent: null, mentions: [] });
        this.tweetsBySeq.set(item.seq, tweet);
        return tweet;
      }
      case 'comment': {
        const author = item.author ? this.customerUser(item.author) : this.account;
        const thread = item.parentSeq === null ? undefined : this.tweetsBySeq.get(item.parentSeq);
        let tweet: XTweet;
        if (thread) {
          tweet = this.reply(thread, author, item.text, item.createdAt);
        } else {
          const post = this.tweetsBySeq.get(item.postSeq);
          const standalone = !post || item.seq % 4 === 0 || author.id === this.account.id;
          tweet = standalone
            ? this.addTweet({ author, text: `@${this.account.username} ${item.text}`, at: item.createdAt, parent: null, mentions: [this.account.id] })
            : this.reply(post, author, item.text, item.createdAt);
        }
        this.tweetsBySeq.set(item.seq, tweet);
        if (item.author) {
          const place = generatedPlace(tweet.id);
          if (place) tweet.placeId = place;
        }
        // Any reaction is a like on X: of the post, or of the tweet answered.
        const liked = item.reaction?.on === 'post' ? this.tweetsBySeq.get(item.postSeq) : item.reaction ? thread : undefined;
        if (item.author && liked) this.like(liked, author, item.createdAt);
        return tweet;
      }
      case 'message': {
        const customer = this.customerUser(item.customer);
        return item.fromAccount ? this.addDm(this.account, customer, item.text, item.createdAt) : this.addDm(customer, this.account, item.text, item.createdAt);
      }
    }
  }

  /**
   * A reply as X writes it: "@parent-author " before the text. Replies under a standalone mention
   * keep mentioning the account (X carries the replied-to tweet's mentions over); replies deeper in
   * a conversation under the account's own post name only the person answered, so only a search by
   * conversation finds them.
   */
  reply(parent: XTweet, author: XUser, text: string, at: number): XTweet {
    const root = this.tweetsById.get(parent.conversationId);
    const underMention = root !== undefined && root.author.id !== this.account.id;
    const names = new Set<string>();
    if (parent.author.id !== author.id) names.add(parent.author.id);
    if (underMention && author.id !== this.account.id) names.add(this.account.id);
    const prefix = [...names].map((id) => `@${must(this.users.get(id), `user ${id}`).username}`).join(' ');
    return this.addTweet({ author, text: prefix ? `${prefix} ${text}` : text, at, parent, mentions: [...names] });
  }

  addTweet(input: {
    author: XUser;
    text: string;
    at: number;
    parent: XTweet | null;
    mentions: string[];
    quoted?: XTweet | null;
    poll?: Omit<XPoll, 'id' | 'endAt'>;
    media?: XMedia[];
    retweeted?: XTweet;
    replySettings?: XReplySettings;
    placeId?: string;
    superFollowersOnly?: boolean;
    extras?: XTweetExtras;
  }): XTweet {
    const order = ++this.order;
    const id = String(ID_BASE + BigInt(order));
    const tweet: XTweet = {
      id,
      order,
      author: input.author,
      text: input.text,
      createdAt: xSecond(input.at),
      conversationId: input.parent ? input.parent.conversationId : id,
      parent: input.parent,
      mentions: input.mentions,
      replyCount: 0,
      likedBy: [],
      hidden: false,
      quoted: input.quoted ?? null,
      quoteCount: 0,
      ...(input.poll
        ? { poll: { ...input.poll, id: String(POLL_ID_BASE + BigInt(order)), endAt: xSecond(input.at) + input.poll.durationMinutes * 60_000 } }
        : {}),
      ...(input.media?.length ? { media: input.media } : {}),
      retweets: [],
      ...(input.retweeted ? { retweeted: input.retweeted } : {}),
      ...(input.replySettings ? { replySettings: input.replySettings } : {}),
      ...(input.placeId ? { placeId: input.placeId } : {}),
      ...(input.superFollowersOnly ? { superFollowersOnly: true } : {}),
      ...(input.extras && Object.keys(input.extras).length ? { extras: input.extras } : {}),
    };
    if (input.parent) input.parent.replyCount += 1;
    if (tweet.quoted) tweet.quoted.quoteCount += 1;
    if (tweet.retweeted) tweet.retweeted.retweets.push(tweet);
    this.tweets.push(tweet);
    this.tweetsById.set(id, tweet);
    return tweet;
  }

  /** Told of each new like (the module sends Account Activity favorite_events). */
  onLike?: (tweet: XTweet, user: XUser, at: number) => void;

  /** `user` likes `tweet` (once; X keeps one like per user and tweet). */
  like(tweet: XTweet, user: XUser, at = this.now()): void {
    if (tweet.likedBy.includes(user)) return;
    tweet.likedBy.push(user);
    this.onLike?.(tweet, user, at);
  }

  unlike(tweet: XTweet, user: XUser): void {
    const at = tweet.likedBy.indexOf(user);
    if (at >= 0) tweet.likedBy.splice(at, 1);
  }

  /** The account's likes, oldest first (GET /2/users/:id/liked_tweets lists them newest first). */
  readonly likes: XTweet[] = [];

  /** A tweet deleted by its author: gone from every read (its replies stay, as on X); deleting any version of an edited post deletes them all. */
  removeTweet(tweet: XTweet): void {
    if (tweet.versions) {
      for (const v of tweet.versions.splice(0)) if (v !== tweet) this.removeVersion(v);
    }
    this.removeVersion(tweet);
  }

  /**
   * An edit: `next` (already added) becomes the latest version of `previous`'s post. The older
   * version leaves the timelines but stays readable by its id; the chain is shared by both.
   */
  supersede(previous: XTweet, next: XTweet): void {
    const chain = previous.versions ?? [previous];
    chain.push(next);
    for (const v of chain) v.versions = chain;
    const i = this.tweets.indexOf(previous);
    if (i >= 0) this.tweets.splice(i, 1);
  }

  private removeVersion(tweet: XTweet): void {
    const i = this.tweets.indexOf(tweet);
    if (i >= 0) this.tweets.splice(i, 1);
    this.tweetsById.delete(tweet.id);
    const liked = this.likes.indexOf(tweet);
    if (liked >= 0) this.likes.splice(liked, 1);
    if (tweet.parent) tweet.parent.replyCount = Math.max(0, tweet.parent.replyCount - 1);
    if (tweet.quoted) tweet.quoted.quoteCount = Math.max(0, tweet.quoted.quoteCount - 1);
    if (tweet.retweeted) tweet.retweeted.retweets.splice(tweet.retweeted.retweets.indexOf(tweet), 1);
  }

  /**
   * `user` retweets `tweet` (once: a second call finds the first). X's retweet text is "RT @author: "
   * and the original, cut to 140 characters with "…"; it mentions the original's author and the
   * users the original mentions, so it shows in their mentions timelines.
   */
  retweet(tweet: XTweet, user: XUser, at: number): XTweet {
    const source = tweet.retweeted ?? tweet;
    const existing = source.retweets.find((r) => r.author.id === user.id);
    if (existing) return existing;
    const full = Array.from(`RT @${source.author.username}: ${source.text}`);
    const text = full.length > 140 ? `${full.slice(0, 139).join('')}…` : full.join('');
    const mentions = [...new Set([source.author.id, ...source.mentions])].filter((id) => id !== user.id);
    return this.addTweet({ author: user, text, at, parent: null, mentions, retweeted: source });
  }

  addDm(sender: XUser, recipient: XUser, text: string, at: number, media?: XMedia[]): XDmEvent {
    return this.pushDm({
      ...(media?.length ? { media } : {}),
      eventType: 'MessageCreate',
      conversationId: dmConversationId(sender.id, recipient.id),
      sender,
      recipient,
      participants: [sender, recipient],
      audience: new Set([sender.id, recipient.id]),
      text,
      at,
    });
  }

  /** A group conversation of the creator and `others`: their ParticipantsJoin, then the first message. */
  createGroup(
    creator: XUser,
    others: XUser[],
    content: { text: string; media?: XMedia[] },
    at: number,
  ): { group: XDmGroup; join: XDmEvent; message: XDmEvent } {
    const group: XDmGroup = { id: String(GROUP_ID_BASE + BigInt(++this.order)), members: new Set([creator.id, ...others.map((u) => u.id)]) };
    this.dmGroups.set(group.id, group);
    const audience = new Set(group.members);
    const join = this.pushDm({
      eventType: 'ParticipantsJoin',
      conversationId: group.id,
      sender: creator,
      recipient: null,
      participants: others,
      audience,
      text: '',
      at,
    });
    return { group, join, message: this.addGroupDm(group, creator, content, at) };
  }

  addGroupDm(group: XDmGroup, sender: XUser, content: { text: string; media?: XMedia[] }, at: number): XDmEvent {
    const members = [...group.members].map((id) => must(this.users.get(id), `user ${id}`));
    const { text, media } = content;
    return this.pushDm({
      ...(media?.length ? { media } : {}),
      eventType: 'MessageCreate',
      conversationId: group.id,
      sender,
      recipient: null,
      participants: members,
      audience: new Set(group.members),
      text,
      at,
    });
  }

  /** A member leaves a group (X's API has no call for it; the sim's control route does it). */
  leaveGroup(group: XDmGroup, member: XUser, at: number): XDmEvent {
    const audience = new Set(group.members);
    group.members.delete(member.id);
    return this.pushDm({
      eventType: 'ParticipantsLeave',
      conversationId: group.id,
      sender: member,
      recipient: null,
      participants: [member],
      audience,
      text: '',
      at,
    });
  }

  private pushDm(input: Omit<XDmEvent, 'id' | 'order' | 'createdAt'> & { at: number }): XDmEvent {
    const order = ++this.order;
    const { at, ...rest } = input;
    const event: XDmEvent = { id: String(DM_ID_BASE + BigInt(order)), order, ...rest, createdAt: xSecond(at) };
    this.dmEvents.push(event);
    return event;
  }
}
