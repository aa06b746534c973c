import type { Intent } from '@resonance/contracts';
import { reactionOf } from './reactions';
import { hashString, Rng, ZipfSampler } from './rng';
import type { GeneratedComment, GeneratedCustomer, GeneratedItem, GeneratedMessage, GeneratedPost, GeneratorOptions, ItemKindWeights } from './types';
import { ACCOUNT_REPLIES, CITIES, COLORS, EMOJI, FIRST_NAMES, LAST_NAMES, POST_TEMPLATES, PRODUCTS, SIZES, TEMPLATES, type Language } from './vocabulary';

export const DEFAULT_KIND_WEIGHTS: ItemKindWeights = {
  post: 2,
  comment: 50,
  reply: 14,
  accountReply: 4,
  message: 24,
  accountMessage: 6,
};

export const DEFAULT_INTENT_WEIGHTS: Record<Intent, number> = {
  discount_request: 14,
  purchase_intent: 16,
  product_question: 22,
  complaint_support: 18,
  praise: 18,
  other_spam: 12,
};

export const DEFAULT_START_TIME = Date.UTC(2026, 10, 1, 8, 0, 0);

// Bounded memories of what came before, so a stream of millions of items runs in constant memory.
const RECENT_POSTS = 8;
const RECENT_THREADS = 4096;
const RECENT_CONVERSATIONS = 2048;

/**
 * The seeded traffic generator: a pure, deterministic stream of posts, comments, replies and
 * private messages. Same options → same items, byte for byte. It keeps only bounded rings of
 * recent posts, threads and conversations, so it can stream millions of items.
 */
export class TrafficGenerator {
  private readonly rng: Rng;
  private readonly zipf: ZipfSampler;
  private readonly kinds: ItemKindWeights;
  private readonly intents: Record<Intent, number>;
  private readonly germanShare: number;
  private readonly meanGapMs: number;
  private readonly burstChance: number;
  private readonly seedHash: number;
  private clock: number;
  private burstLeft = 0;
  private seq = 0;
  private readonly first: number;
  private readonly posts: GeneratedPost[] = [];
  private readonly threads = new Ring<{ seq: number; postSeq: number }>(RECENT_THREADS);
  private readonly conversations = new Ring<GeneratedCustomer>(RECENT_CONVERSATIONS);
  private readonly customerCache = new Map<number, GeneratedCustomer>();

  constructor(options: GeneratorOptions) {
    this.rng = new Rng(options.seed);
    this.seedHash = hashString(`customers:${options.customerSeed ?? options.seed}`)[0];
    this.zipf = new ZipfSampler(Math.max(1, options.customers ?? 20_000), options.zipfExponent ?? 1.1);
    this.kinds = { ...DEFAULT_KIND_WEIGHTS, ...options.kinds };
    this.intents = { ...DEFAULT_INTENT_WEIGHTS, ...options.intents };
    this.germanShare = options.germanShare ?? 0.6;
    this.meanGapMs = 60_000 / Math.max(options.perMinute ?? 6, 1e-6);
    this.burstChance = options.burstChance ?? 0.02;
    this.clock = options.startTime ?? DEFAULT_START_TIME;
    this.seq = Math.max(0, options.startSeq ?? 0);
    this.first = this.seq;
  }

  /**
   * Carries on from items that already happened (the sim's history): their recent posts, threads
   * and conversations are what new comments, replies and messages join.
   */
  continueFrom(items: readonly GeneratedItem[]): void {
    for (const item of items) {
      this.clock = Math.max(this.clock, item.createdAt);
      if (item.kind === 'post') {
        this.posts.push(item);
        if (this.posts.length > RECENT_POSTS) this.posts.shift();
      } else if (item.kind === 'comment' && item.parentSeq === null && !item.fromAccount) {
        this.threads.push({ seq: item.seq, postSeq: item.postSeq });
      } else if (item.kind === 'message' && !item.fromAccount) {
        this.conversations.push(item.customer);
      }
    }
  }

  /** How many items this generator has produced. */
  get count(): number {
    return this.seq - this.first;
  }

  /** The seq of the last item produced (startSeq before the first). */
  get lastSeq(): number {
    return this.seq;
  }

  /** The generator's clock (epoch ms): the createdAt of the last item. */
  get now(): number {
    return this.clock;
  }

  /**
   * The next item. `at` pins its createdAt (the live sim passes the wall clock); without it the
   * generator's own clock advances by a Poisson gap, 20× faster during a burst.
   */
  next(at?: number): GeneratedItem {
    this.advanceClock(at);
    this.seq += 1;
    if (this.posts.length === 0) return this.makePost();
    let kind = this.rng.weighted(this.kinds);
    if ((kind === 'reply' || kind === 'accountReply') && this.threads.length === 0) kind = 'comment';
    if (kind === 'accountMessage' && this.conversations.length === 0) kind = 'message';
    switch (kind) {
      case 'post':
        return this.makePost();
      case 'comment':
        return this.makeComment(null, false);
      case 'reply':
        return this.makeComment(this.threads.pick(this.rng), false);
      case 'accountReply':
        return this.makeComment(this.threads.pick(this.rng), true);
      case 'message':
        return this.makeMessage(false);
      case 'accountMessage':
        return this.makeMessage(true);
    }
  }

  /** The next n items as an array (for small batches; use stream() for large ones). */
  take(n: number, at?: number): GeneratedItem[] {
    const items = new Array<GeneratedItem>(n);
    for (let i = 0; i < n; i++) items[i] = this.next(at);
    return items;
  }

  /** The next n items (endless when n is omitted) as a lazy iterator: constant memory. */
  *stream(n = Infinity): Generator<GeneratedItem> {
    for (let i = 0; i < n; i++) yield this.next();
  }

  /** The customer at a population index: derived from the seed and index, not stored. */
  customer(index: number): GeneratedCustomer {
    // The frequent customers are asked for again and again; keep the head of the Zipf curve.
    const cached = this.customerCache.get(index);
    if (cached) return cached;
    const [h1, h2, h3] = hashString(`${this.seedHash}:${index}`);
    const language: Language = h1 / 4294967296 < this.germanShare ? 'de' : 'en';
    const first = FIRST_NAMES[language][h2 % FIRST_NAMES[language].length];
    const last = LAST_NAMES[language][h3 % LAST_NAMES[language].length];
    const customer: GeneratedCustomer = { index, name: `${first} ${last}`, language };
    if (index < 1024) this.customerCache.set(index, customer);
    return customer;
  }

  private advanceClock(at: number | undefined): void {
    if (at !== undefined) {
      this.clock = Math.max(this.clock, at);
      return;
    }
    if (this.burstLeft > 0) this.burstLeft -= 1;
    else if (this.rng.chance(this.burstChance)) this.burstLeft = 20 + this.rng.int(180);
    const mean = this.burstLeft > 0 ? this.meanGapMs / 20 : this.meanGapMs;
    this.clock += Math.max(1, Math.round(this.rng.exponential(mean)));
  }

  private makePost(): GeneratedPost {
    const language: Language = this.rng.chance(this.germanShare) ? 'de' : 'en';
    const text = this.fill(this.rng.pick(POST_TEMPLATES[language]), language);
    const post: GeneratedPost = { kind: 'post', seq: this.seq, createdAt: this.clock, language, text };
    this.posts.push(post);
    if (this.posts.length > RECENT_POSTS) this.posts.shift();
    return post;
  }

  private makeComment(thread: { seq: number; postSeq: number } | null, fromAccount: boolean): GeneratedComment {
    // Newer posts draw more comments: pick among recent posts with a bias to the latest.
    const postSeq = thread ? thread.postSeq : this.posts[this.posts.length - 1 - Math.min(this.posts.length - 1, Math.floor(this.rng.exponential(1.2)))].seq;
    const author = fromAccount ? null : this.customer(this.zipf.sample(this.rng));
    const language: Language = author ? author.language : this.rng.chance(this.germanShare) ? 'de' : 'en';
    const intent = author ? this.rng.weighted(this.intents) : null;
    const text = author ? this.customerText(intent as Intent, language) : this.fill(this.rng.pick(ACCOUNT_REPLIES[language]), language);
    const comment: GeneratedComment = {
      kind: 'comment',
      seq: this.seq,
      createdAt: this.clock,
      language,
      text,
      postSeq,
      parentSeq: thread ? thread.seq : null,
      threadSeq: thread ? thread.seq : this.seq,
      author,
      fromAccount,
      intent,
    };
    const reaction = author ? reactionOf(this.seq, intent, thread !== null) : undefined;
    if (reaction) comment.reaction = reaction;
    if (!thread) this.threads.push({ seq: this.seq, postSeq });
    return comment;
  }

  private makeMessage(fromAccount: boolean): GeneratedMessage {
    const customer = fromAccount ? this.conversations.pick(this.rng) : this.customer(this.zipf.sample(this.rng));
    const language = customer.language;
    // Private messages lean to support: complaints and order questions go to DMs.
    const intent = fromAccount ? null : this.rng.chance(0.3) ? 'complaint_support' : this.rng.weighted(this.intents);
    const text = intent ? this.customerText(intent, language) : this.fill(this.rng.pick(ACCOUNT_REPLIES[language]), language);
    if (!fromAccount) this.conversations.push(customer);
    return { kind: 'message', seq: this.seq, createdAt: this.clock, language, text, customer, fromAccount, intent };
  }

  private customerText(intent: Intent, language: Language): string {
    let text = this.fill(this.rng.pick(TEMPLATES[intent][language]), language);
    if (this.rng.chance(0.15)) text += ` ${this.rng.pick(EMOJI)}`;
    if (this.rng.chance(0.05)) text = text.toLowerCase();
    return text;
  }

  private fill(template: string, language: Language): string {
    return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
      switch (slot) {
        case 'product':
          return this.rng.pick(PRODUCTS[language]);
        case 'color':
          return this.rng.pick(COLORS[language]);
        case 'size':
          return this.rng.pick(SIZES);
        case 'city':
          return this.rng.pick(CITIES);
        case 'percent':
          return String(10 + 5 * this.rng.int(7));
        case 'days':
          return String(3 + this.rng.int(25));
        case 'order':
          return `#${100000 + this.rng.int(900000)}`;
        default:
          return slot;
      }
    });
  }
}

export const createGenerator = (options: GeneratorOptions): TrafficGenerator => new TrafficGenerator(options);

/** A lazy stream of n items for the given options (benchmarks: constant memory at any n). */
export function generateItems(options: GeneratorOptions, n: number): Generator<GeneratedItem> {
  return new TrafficGenerator(options).stream(n);
}

/** A fixed-size ring of the most recent entries: O(1) push, uniform pick. */
class Ring<T> {
  private readonly items: T[] = [];
  private next = 0;

  constructor(private readonly capacity: number) {}

  get length(): number {
    return this.items.length;
  }

  push(item: T): void {
    if (this.items.length < this.capacity) this.items.push(item);
    else this.items[this.next] = item;
    this.next = (this.next + 1) % this.capacity;
  }

  pick(rng: Rng): T {
    return this.items[rng.int(this.items.length)];
  }
}
