import type { Intent } from '@resonance/contracts';
import { createGenerator, type TrafficGenerator } from '@resonance/sim';

export interface PoolText {
  text: string;
  intent: Intent | null;
  sentiment: number | null;
}

/** The sentiment a message of this intent carries on average (the generator labels intent only). */
const SENTIMENT: Record<Intent, number> = {
  discount_request: 0.1,
  purchase_intent: 0.4,
  product_question: 0,
  complaint_support: -0.6,
  praise: 0.8,
  other_spam: -0.1,
};

/**
 * Texts drawn from the sim's seeded generator: customer comments and messages (with the intent
 * the generator labels them with) and the account's replies. The bulk data picks from these
 * pools, so five million rows cost a few thousand generator calls, not five million.
 */
export class TextPool {
  readonly generator: TrafficGenerator;
  readonly inbound: PoolText[] = [];
  readonly outbound: PoolText[] = [];
  readonly posts: string[] = [];

  constructor(seed: string, size = 20_000) {
    this.generator = createGenerator({ seed, customers: 1_000_000 });
    for (const item of this.generator.stream(size * 2)) {
      if (item.kind === 'post') this.posts.push(item.text);
      else if (item.fromAccount) this.outbound.push({ text: item.text, intent: null, sentiment: null });
      else {
        const intent = item.intent;
        this.inbound.push({ text: item.text, intent, sentiment: intent ? SENTIMENT[intent] : null });
      }
    }
  }
}
