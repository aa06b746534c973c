import type { Intent, Network } from '@resonance/contracts';
import { Rng, ZipfSampler } from './rng';
import { reactionOf } from './reactions';
import type { GeneratedCustomer, GeneratedItem, GeneratedReaction } from './types';
import { COLORS, CITIES, PRODUCTS, SIZES, TEMPLATES, type Language } from './vocabulary';
import { FOLLOW_UPS, HISTORY_INTENT_WEIGHTS, HISTORY_POSTS, HISTORY_REPLIES, POST_TOPIC_WEIGHTS } from './history-vocabulary';
import { must } from '../core/must';

/**
 * The recent past of the demo company on one network: the posts it published over `days` days
 * before `endAt`, the comment threads and private conversations customers started, and how the
 * company answered — fast, slow or never, mostly in business hours, sometimes outside them — with
 * likes and hidden spam. Deterministic for a seed and `endAt`. Items come in time order with seq
 * 1..n, so every network's store (whose ids and cursors follow insertion order) takes them as they are.
 */
export interface HistoryOptions {
  seed: number | string;
  network: Network;
  days: number;
  /** Epoch ms: the history ends just before this moment (the world's creation). */
  endAt: number;
  /** The customer at a population index (the live generator's, so commenters come back live). */
  customer: (index: number) => GeneratedCustomer;
}

interface Profile {
  postsPerDay: number;
  threadsPerDay: number;
  /** 0: the network has no private messages the product can read. */
  conversationsPerDay: number;
}

/** A small shop's volumes: Facebook and Instagram busiest; LinkedIn, YouTube and XING quieter. */
const PROFILES: Record<Network, Profile> = {
  facebook: { postsPerDay: 0.7, threadsPerDay: 8, conversationsPerDay: 3 },
  instagram: { postsPerDay: 0.9, threadsPerDay: 7, conversationsPerDay: 2.5 },
  x: { postsPerDay: 0.8, threadsPerDay: 5, conversationsPerDay: 1.5 },
  linkedin: { postsPerDay: 0.4, threadsPerDay: 3, conversationsPerDay: 0 },
  youtube: { postsPerDay: 0.35, threadsPerDay: 4, conversationsPerDay: 0 },
  xing: { postsPerDay: 0.3, threadsPerDay: 2, conversationsPerDay: 0.8 },
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The company sits in Germany; winter time (UTC+1) is close enough for a demo's business hours. */
const LOCAL_OFFSET = HOUR;
/** When customers write, by local hour: quiet at night, peaks at lunch and in the evening. */
const HOUR_WEIGHTS = [1, 0.5, 0.3, 0.2, 0.2, 0.3, 0.8, 1.5, 2, 2.5, 2.5, 2.8, 3, 3, 2.6, 2.5, 2.6, 3, 3.5, 4, 4.2, 4, 3, 2];
const HOUR_TOTAL = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);

interface PostDraft {
  kind: 'post';
  at: number;
  language: Language;
  text: string;
}
interface CommentDraft {
  kind: 'comment';
  at: number;
  post: PostDraft;
  parent: CommentDraft | null;
  author: GeneratedCustomer | null;
  language: Language;
  text: string;
  intent: Intent | null;
  liked?: boolean;
  hidden?: boolean;
}
interface MessageDraft {
  kind: 'message';
  at: number;
  customer: GeneratedCustomer;
  fromAccount: boolean;
  language: Language;
  text: string;
  intent: Intent | null;
}
type Draft = PostDraft | CommentDraft | MessageDraft;

export function buildHistory(options: HistoryOptions): GeneratedItem[] {
  const profile = PROFILES[options.network];
  if (options.days <= 0 || !profile) return [];
  const rng = new Rng(`${options.seed}:${options.network}:history`);
  // A few hundred regulars: most write once, some come back again and again.
  const zipf = new ZipfSampler(400, 1.1, 2);
  // Days run from UTC midnight, so the times of day below are what they say.
  const start = Math.floor((options.endAt - options.days * DAY) / DAY) * DAY;
  const drafts: Draft[] = [];
  const posts: PostDraft[] = [];
  const fill = (template: string, language: Language) => fillTemplate(rng, template, language);

  // A steady publishing plan; the first day always has a post, so the first comments have something to answer.
  let postsDue = 1;
  for (let day = 0; day <= options.days; day++) {
    const dayStart = start + day * DAY;
    for (; postsDue >= 1; postsDue -= 1) {
      const language: Language = rng.chance(0.6) ? 'de' : 'en';
      const topic = rng.weighted(POST_TOPIC_WEIGHTS);
      const post: PostDraft = {
        kind: 'post',
        at: dayStart + 8 * HOUR + rng.int(9 * HOUR),
        language,
        text: fill(rng.pick(HISTORY_POSTS[topic][language]), language),
      };
      posts.push(post);
      drafts.push(post);
    }
    postsDue += profile.postsPerDay;
    const weekend = isWeekend(dayStart + 12 * HOUR);
    for (let i = poisson(rng, profile.threadsPerDay * (weekend ? 1.2 : 1)); i > 0; i--) {
      const at = dayStart + customerTimeOfDay(rng);
      const post = latestPostBefore(posts, at, rng);
      if (!post) continue;
      const author = options.customer(zipf.sample(rng));
      const intent = rng.weighted(HISTORY_INTENT_WEIGHTS);
      const top: CommentDraft = {
        kind: 'comment',
        at,
        post,
        parent: null,
        author,
        language: author.language,
        text: customerText(rng, intent, author.language),
        intent,
      };
      drafts.push(top);
      if (intent === 'other_spam') {
        top.hidden = rng.chance(0.7);
        continue;
      }
      if (intent === 'praise') top.liked = rng.chance(0.7);
      const replyAt = companyReplyTime(rng, at, intent === 'praise' ? 0.4 : 0.75);
      if (replyAt !== null) {
        drafts.push({
          kind: 'comment',
          at: replyAt,
          post,
          parent: top,
          author: null,
          language: author.language,
          text: fill(rng.pick(HISTORY_REPLIES[intent][author.language]), author.language),
          intent: null,
        });
      }
      if (rng.chance(0.25)) {
        // The customer comes back to the thread: thanks after an answer, a nudge without one.
        const followAt = (replyAt ?? at) + 10 * MINUTE + rng.int(20 * HOUR);
        const text = fill(FOLLOW_UPS[author.language][replyAt === null ? rng.pick([0, 3]) : rng.pick([1, 2, 4])], author.language);
        drafts.push({ kind: 'comment', at: followAt, post, parent: top, author, language: author.language, text, intent });
      }
    }
    for (let i = poisson(rng, profile.conversationsPerDay); i > 0; i--) {
      const customer = options.customer(zipf.sample(rng));
      const intent: Intent = rng.chance(0.3) ? 'complaint_support' : rng.weighted(HISTORY_INTENT_WEIGHTS);
      let at = dayStart + customerTimeOfDay(rng);
      drafts.push({
        kind: 'message',
        at,
        customer,
        fromAccount: false,
        language: customer.language,
        text: customerText(rng, intent, customer.language),
        intent,
      });
      if (rng.chance(0.3)) {
        at += 1 * MINUTE + rng.int(10 * MINUTE);
        drafts.push({
          kind: 'message',
          at,
          customer,
          fromAccount: false,
          language: customer.language,
          text: customerText(rng, intent, customer.language),
          intent,
        });
      }
      const replyAt = intent === 'other_spam' ? null : companyReplyTime(rng, at, 0.8);
      if (replyAt !== null) {
        drafts.push({
          kind: 'message',
          at: replyAt,
          customer,
          fromAccount: true,
          language: customer.language,
          text: fill(rng.pick(HISTORY_REPLIES[intent][customer.language]), customer.language),
          intent: null,
        });
      }
    }
  }

  // Only what happened before the world was made; a reply after that moment simply never came.
  const kept = drafts
    .map((draft, index) => ({ draft, index }))
    .filter(({ draft }) => draft.at < options.endAt - MINUTE)
    .sort((a, b) => a.draft.at - b.draft.at || a.index - b.index)
    .map(({ draft }) => draft);
  const seqOf = new Map<Draft, number>();
  return kept.map((draft, i) => {
    const seq = i + 1;
    seqOf.set(draft, seq);
    const base = { seq, createdAt: draft.at, language: draft.language, text: draft.text };
    if (draft.kind === 'post') return { ...base, kind: 'post' };
    if (draft.kind === 'message') return { ...base, kind: 'message', customer: draft.customer, fromAccount: draft.fromAccount, intent: draft.intent };
    const parentSeq = draft.parent ? must(seqOf.get(draft.parent), 'sequence number of a drafted parent') : null;
    return {
      ...base,
      kind: 'comment',
      postSeq: must(seqOf.get(draft.post), 'sequence number of a drafted post'),
      parentSeq,
      threadSeq: parentSeq ?? seq,
      author: draft.author,
      fromAccount: draft.author === null,
      intent: draft.intent,
      ...(draft.liked ? { likedByAccount: true } : {}),
      ...(draft.hidden ? { hiddenByAccount: true } : {}),
      ...withReaction(draft.author ? reactionOf(seq, draft.intent, parentSeq !== null) : undefined),
    };
  });
}

const withReaction = (reaction: GeneratedReaction | undefined): { reaction?: GeneratedReaction } => (reaction ? { reaction } : {});

/**
 * When the company answers something written at `at`, or null for never: about half within the
 * hour, a quarter after hours or days; answers that fall outside business hours mostly wait for
 * the next working morning, some go out in the evening or at the weekend anyway.
 */
function companyReplyTime(rng: Rng, at: number, answerShare: number): number | null {
  if (!rng.chance(answerShare)) return null;
  const fast = rng.chance(0.65);
  let reply = at + (fast ? 4 * MINUTE + rng.int(50 * MINUTE) : 3 * HOUR + rng.int(30 * HOUR));
  if (!isBusinessHours(reply) && rng.chance(0.7)) reply = nextBusinessMorning(reply) + 10 * MINUTE + rng.int(80 * MINUTE);
  return reply;
}

function customerText(rng: Rng, intent: Intent, language: Language): string {
  let text = fillTemplate(rng, rng.pick(TEMPLATES[intent][language]), language);
  if (rng.chance(0.05)) text = text.toLowerCase();
  return text;
}

/** Newer posts draw more comments: mostly the latest post before `at`, sometimes an older one. */
function latestPostBefore(posts: PostDraft[], at: number, rng: Rng): PostDraft | undefined {
  let i = posts.length - 1;
  while (i >= 0 && posts[i].at >= at) i--;
  if (i < 0) return undefined;
  return posts[Math.max(0, i - Math.floor(rng.exponential(0.8)))];
}

function customerTimeOfDay(rng: Rng): number {
  let r = rng.next() * HOUR_TOTAL;
  let hour = 0;
  while (hour < 23 && r >= HOUR_WEIGHTS[hour]) r -= HOUR_WEIGHTS[hour++];
  // Local hour → UTC offset within the day (the day starts at UTC midnight).
  return ((hour * HOUR - LOCAL_OFFSET + DAY) % DAY) + rng.int(HOUR);
}

const localDate = (t: number) => new Date(t + LOCAL_OFFSET);
const isWeekend = (t: number) => [0, 6].includes(localDate(t).getUTCDay());

export function isBusinessHours(t: number): boolean {
  const local = localDate(t);
  const hour = local.getUTCHours();
  return !isWeekend(t) && hour >= 9 && hour < 18;
}

/** 09:00 local time of the next working day after `t` (or of the same day, if `t` is before nine). */
function nextBusinessMorning(t: number): number {
  let day = Math.floor((t + LOCAL_OFFSET) / DAY) * DAY - LOCAL_OFFSET;
  if (t >= day + 9 * HOUR) day += DAY;
  while (isWeekend(day + 12 * HOUR)) day += DAY;
  return day + 9 * HOUR;
}

function poisson(rng: Rng, mean: number): number {
  // Knuth's method: small means only (a day's volume of a small shop).
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k += 1;
    p *= rng.next();
  }
  return k;
}

export function fillTemplate(rng: Rng, template: string, language: Language): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'product':
        return rng.pick(PRODUCTS[language]);
      case 'color':
        return rng.pick(COLORS[language]);
      case 'size':
        return rng.pick(SIZES);
      case 'city':
        return rng.pick(CITIES);
      case 'percent':
        return String(10 + 5 * rng.int(7));
      case 'days':
        return String(3 + rng.int(25));
      case 'order':
        return `#${100000 + rng.int(900000)}`;
      default:
        return slot;
    }
  });
}
