import type { Intent } from '@resonance/contracts';
import type { GeneratedReaction, ReactionKind } from './types';

/** What a customer who writes with an intent reacts with, most likely first. */
const KINDS_BY_INTENT: Record<Intent, readonly ReactionKind[]> = {
  praise: ['love', 'like', 'care'],
  complaint_support: ['sad', 'angry', 'like'],
  purchase_intent: ['like', 'love', 'wow'],
  discount_request: ['like', 'wow', 'like'],
  product_question: ['like', 'wow', 'like'],
  other_spam: ['haha', 'like', 'wow'],
};

/**
 * The reaction a customer's comment comes with, taken from its seq alone (no draw from the
 * generator's random stream, so the items of a seed stay what they were): every third comment
 * reacts to the post (the share the networks' post counts always had), and a third of the
 * replies also react to the comment they answer.
 */
export function reactionOf(seq: number, intent: Intent | null, isReply: boolean): GeneratedReaction | undefined {
  const kinds = KINDS_BY_INTENT[intent ?? 'product_question'];
  const kind = kinds[Math.floor(seq / 3) % kinds.length];
  if (seq % 3 === 0) return { on: 'post', kind };
  if (isReply && seq % 3 === 1) return { on: 'parent', kind };
  return undefined;
}
