import type { Intent } from '@resonance/contracts';
import type { Language } from './vocabulary';

/**
 * What the generator produces, independent of any network: each network module maps these to its
 * own ids and wire shapes. `intent` is the ground-truth label for classifier accuracy; it never
 * appears in a network payload.
 */
export interface GeneratedCustomer {
  /** Index in the customer population; rank 0 writes most often (Zipf). */
  index: number;
  name: string;
  language: Language;
}

interface ItemBase {
  /** 1-based position in the stream; unique per generator and increasing. */
  seq: number;
  /** Epoch milliseconds. */
  createdAt: number;
  language: Language;
  text: string;
}

/** A post (or video/update) the company publishes on its own account. */
export interface GeneratedPost extends ItemBase {
  kind: 'post';
}

/** Kinds of reaction a person leaves; each network maps them to its own (Graph's types, LinkedIn's, X's like). */
export type ReactionKind = 'like' | 'love' | 'care' | 'haha' | 'wow' | 'sad' | 'angry';

/** A customer's reaction that comes with their comment: on the post, or on the comment they answer. */
export interface GeneratedReaction {
  on: 'post' | 'parent';
  kind: ReactionKind;
}

/** A comment on a post: top-level (parentSeq null) or a reply to a top-level comment. */
export interface GeneratedComment extends ItemBase {
  kind: 'comment';
  postSeq: number;
  parentSeq: number | null;
  /** The top-level comment this one belongs to (itself when top-level): the inbox thread. */
  threadSeq: number;
  /** null when the company's own account wrote it (a native reply). */
  author: GeneratedCustomer | null;
  fromAccount: boolean;
  intent: Intent | null;
  /** The company liked this comment (history only; networks without likes ignore it). */
  likedByAccount?: boolean;
  /** The company hid this comment (history only; networks without hiding ignore it). */
  hiddenByAccount?: boolean;
  /** The author also reacted (customers only; networks without reactions by person ignore it). */
  reaction?: GeneratedReaction;
}

/** A private message in the one conversation between a customer and the company. */
export interface GeneratedMessage extends ItemBase {
  kind: 'message';
  /** The customer of the conversation (also the author unless fromAccount). */
  customer: GeneratedCustomer;
  fromAccount: boolean;
  intent: Intent | null;
}

export type GeneratedItem = GeneratedPost | GeneratedComment | GeneratedMessage;

export interface ItemKindWeights {
  post: number;
  comment: number;
  reply: number;
  accountReply: number;
  message: number;
  accountMessage: number;
}

export interface GeneratorOptions {
  seed: number | string;
  /** Seed of the customer population (default: seed): a continued world keeps its customers. */
  customerSeed?: number | string;
  /** Size of the customer population (default 20,000). */
  customers?: number;
  /** Zipf exponent of how often customers come back (default 1.1). */
  zipfExponent?: number;
  /** Start of the generator's own clock, epoch ms (default 2026-11-01T08:00:00Z). */
  startTime?: number;
  /** Mean rate of the generator's own clock (default 6 items per minute). */
  perMinute?: number;
  /** Chance per item that a burst starts (default 0.02); bursts run at 20× the rate. */
  burstChance?: number;
  /** Share of each item kind (relative weights). */
  kinds?: Partial<ItemKindWeights>;
  /** Share of each intent among customer-written items (relative weights). */
  intents?: Partial<Record<Intent, number>>;
  /** Share of German among customers (default 0.6). */
  germanShare?: number;
  /** The seq of the item before the first one (default 0): a continued world never reuses a seq. */
  startSeq?: number;
}
