import type { Intent } from '@resonance/contracts';

/**
 * What a post is about, in the terms of the perception gap (DESIGN.md §5): the company's posts
 * are matched against what commenters ask for. Comment intents map onto the same four topics.
 */
export const TOPICS = ['deals', 'product', 'service', 'brand'] as const;
export type Topic = (typeof TOPICS)[number];

export const INTENT_TOPIC: Record<Intent, Topic> = {
  discount_request: 'deals',
  purchase_intent: 'deals',
  product_question: 'product',
  complaint_support: 'service',
  praise: 'brand',
  other_spam: 'brand',
};

const CUES: Array<[Topic, RegExp]> = [
  ['deals', /rabatt|gutschein|angebot|sale\b|aktion|\d+\s?%|spar|discount|deal|coupon|promo|offer|off\b|shop now|jetzt kaufen|bestell|order|buy/i],
  ['service', /service|hilfe|support|kundendienst|help|faq|lieferung|delivery|shipping|versand|rückgabe|return/i],
  ['product', /neu|new|launch|kollektion|collection|produkt|product|feature|modell|model|update|vorgestellt|introduc|jetzt da|available/i],
];

/** The first topic whose cue words a post text contains; 'brand' for everything else. */
export function postTopic(text: string): Topic {
  for (const [topic, cue] of CUES) if (cue.test(text)) return topic;
  return 'brand';
}
