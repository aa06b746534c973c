/**
 * The definitions of the perception-gap reports, returned with each (the dashboard shows its own
 * translated wording of the same definitions: apps/web/src/shared/i18n/parts/gap23.ts).
 */
export const GAP_DEFINITIONS = {
  postTopic:
    "Post topic: what each of the company's posts is about (deals, product news, service, brand), classified from the post's text by the built-in model (docs/classifier.md); posts are counted in the period they were published in.",
  perceptionGap:
    'Perception gap per topic: share of messages asking for the topic − share of posts about it, in percentage points. Messages are all inbound comments and messages of the period whose intent asks for a topic: deals ↔ discount requests + purchase intent; product news ↔ product questions; service ↔ complaints/support; brand ↔ praise. Other/spam is left out.',
  responseByIntent:
    'Response time by intent: the reply time (each response − the oldest inbound message it answers) grouped by the intent of that oldest message; median and p90 are nearest-rank percentiles from histograms with buckets 20 % wide. Share answered = inbound messages of the intent followed by a response in their thread / inbound messages of the intent.',
  regulars:
    'Regulars: people who commented on at least 3 different days of the period (comments on posts, authors known). Went silent: regulars of the period before (same length, right before) without a comment in this period.',
  period: "Days are calendar days in the workspace's time zone.",
} as const;

export type GapDefinitionKey = keyof typeof GAP_DEFINITIONS;
export const pickGap = (...keys: GapDefinitionKey[]) => Object.fromEntries(keys.map((k) => [k, GAP_DEFINITIONS[k]]));
