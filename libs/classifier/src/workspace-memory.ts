import { INTENTS, type Intent } from '@resonance/contracts';
import { tokenize, type Token } from './hashing';

/**
 * What a workspace's agents taught its classifier: the texts they reviewed in the inbox (a label
 * corrected or confirmed) with the labels they gave. A new message close to such texts is pulled
 * towards their labels, so after a few corrections of one kind of text ("Wer ist noch wach?" is
 * chit-chat, not purchase intent) the next one like it is labelled as the agents said — in that
 * workspace only; other workspaces' memories are their own.
 *
 * Matching is cosine similarity of hashed word unigrams and bigrams (each counted once per text):
 * near-duplicates and reworded templates match, a text that shares only a few common words does
 * not. Only neighbours at or above MATCH_SIMILARITY vote, each with its similarity, and the votes
 * are added to the model's probabilities (docs/classifier.md, "Corrections teach the workspace's
 * model", for the numbers behind both constants).
 *
 * Lookups go through an inverted index (hash → examples), so a message costs one pass over its own
 * features and the examples that share one; features shared by more than one in fifty reviewed texts
 * (and at least 20 examples) say nothing about a match and are not indexed.
 */
export interface ReviewedText {
  text: string;
  /** The intent agents gave it, or null when only its sentiment was reviewed. */
  intent: Intent | null;
  /** The sentiment score agents gave it (−1, 0, 1 for a band they chose; its band is what counts), or null. */
  sentiment: number | null;
}

/** Cosine similarity from which a reviewed text counts as "like" a new one. */
export const MATCH_SIMILARITY = 0.5;
/** How much one fully similar review weighs against the model's probabilities (which sum to 1). */
export const MEMORY_WEIGHT = 1;
/** The newest reviews a workspace's memory holds (older ones are dropped by whoever loads it). */
export const MAX_REVIEWED_TEXTS = 3000;

export interface MemoryVotes {
  /** Similarity-weighted votes per intent, in INTENTS order (all 0: no neighbour). */
  intents: Float64Array;
  /** Similarity-weighted votes per sentiment band (negative, neutral, positive: SENTIMENT_LABELS order). */
  sentiments: Float64Array;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SEED_BIGRAM = 0x9e3779b1;

function hashWord(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h;
}

/** The distinct word unigram and bigram hashes of a text (links, mentions, numbers by their kind). */
export function memoryFeatures(tokens: readonly Token[]): Int32Array {
  const out = new Set<number>();
  let previous: number | undefined;
  for (const token of tokens) {
    if (token.kind === 'punct') {
      previous = undefined;
      continue;
    }
    const word = hashWord(token.kind === 'word' || token.kind === 'emoji' || token.kind === 'emoticon' ? token.text : `<${token.kind}>`);
    out.add(word);
    if (previous !== undefined) out.add(Math.imul(previous ^ SEED_BIGRAM, FNV_PRIME) ^ word);
    previous = word;
  }
  return Int32Array.from(out);
}

export class WorkspaceMemory {
  private readonly postings = new Map<number, number[]>();
  private readonly sizes: Float64Array;
  private readonly intents: Int8Array;
  private readonly sentiments: Float64Array;
  private readonly scores: Float64Array;

  /** `reviewed`: newest last; at most MAX_REVIEWED_TEXTS are kept (the newest). */
  constructor(reviewed: readonly ReviewedText[]) {
    const kept = reviewed.slice(-MAX_REVIEWED_TEXTS);
    this.sizes = new Float64Array(kept.length);
    this.intents = new Int8Array(kept.length);
    this.sentiments = new Float64Array(kept.length);
    this.scores = new Float64Array(kept.length);
    kept.forEach((r, i) => {
      const features = memoryFeatures(tokenize(r.text));
      this.sizes[i] = features.length;
      this.intents[i] = r.intent === null ? -1 : INTENTS.indexOf(r.intent);
      this.sentiments[i] = r.sentiment ?? Number.NaN;
      for (const f of features) {
        const list = this.postings.get(f);
        if (list) list.push(i);
        else this.postings.set(f, [i]);
      }
    });
    const common = Math.max(20, kept.length / 50);
    for (const [f, list] of this.postings) if (list.length > common) this.postings.delete(f);
  }

  get size(): number {
    return this.sizes.length;
  }

  /** The reviews like `tokens`' text, as votes (similarity-weighted) for their intents and sentiment. */
  votes(tokens: readonly Token[]): MemoryVotes {
    const votes: MemoryVotes = { intents: new Float64Array(INTENTS.length), sentiments: new Float64Array(3) };
    if (!this.sizes.length) return votes;
    const features = memoryFeatures(tokens);
    if (!features.length) return votes;
    const shared = this.scores;
    const touched: number[] = [];
    for (const f of features) {
      const list = this.postings.get(f);
      if (!list) continue;
      for (const i of list) {
        if (shared[i] === 0) touched.push(i);
        shared[i]++;
      }
    }
    for (const i of touched) {
      const similarity = shared[i] / Math.sqrt(features.length * this.sizes[i]);
      shared[i] = 0;
      if (similarity < MATCH_SIMILARITY) continue;
      if (this.intents[i] >= 0) votes.intents[this.intents[i]] += similarity;
      const score = this.sentiments[i];
      // The reports' bands: negative < −0.25 ≤ neutral ≤ 0.25 < positive.
      if (!Number.isNaN(score)) votes.sentiments[score < -0.25 ? 0 : score > 0.25 ? 2 : 1] += similarity;
    }
    return votes;
  }
}
