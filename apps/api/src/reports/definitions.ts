import { PRECISION_MIN_REVIEWS } from '@resonance/contracts';

/** The definitions shown next to every number (DESIGN.md §5), returned with each report. */
export const DEFINITIONS = {
  inbound: 'Inbound message: a message not written by the connected account.',
  response: 'Response: a message written by the account in the same thread after an inbound one, sent from Resonance or natively on the network.',
  firstResponse: 'First response time (per thread) = first response − first inbound message.',
  reply: 'Reply time = each response − the oldest inbound message it answers (the customer waited since that message).',
  statistics:
    'Median and p90 are nearest-rank percentiles read from histograms with buckets 20 % wide (exact when a bucket holds one value, otherwise within the bucket); mean and count are exact.',
  businessHours:
    "Business hours count only time inside the workspace's weekly schedule, in its time zone; its holidays count as closed (DST changes included).",
  sla: "SLA attainment = share answered within the first-response target of the thread's network and priority (Team & settings → SLA: the most specific of network and priority, priority, network, else the default, 60 minutes unless set); the business-hours share measures the business time against the same target.",
  handled: 'Handled without reply: an inbound message liked, hidden or deleted before any response; counts toward the service level, not toward reply time.',
  serviceLevel: 'Service level = (responses within target + handled within target) / (responses + handled).',
  period: "Days are calendar days in the workspace's time zone; events are dated by the response (or handling) time, comments by their own time.",
  comments: "Comments: inbound messages on the account's posts in the period.",
  uniqueCommenters: 'Unique commenters: distinct people who commented in the period.',
  returningCommenters: 'Returning commenters: unique commenters who had also commented on an earlier day (before or within the period).',
  perThousand:
    'Comments per 1,000 followers = comments / current followers × 1,000; per 1,000 views = comments on posts published in the period / their views × 1,000.',
  shareAnswered: 'Share answered = comments followed by a response from the account in the same thread / comments.',
  intentMix:
    'Intent mix: share of inbound messages per intent (discount/deal request, purchase intent, product question, complaint/support, praise, other/spam), as classified at ingestion or corrected by an agent.',
  sentiment:
    'Sentiment: mean sentiment score of the inbound messages, −1 (negative) … 1 (positive): the model’s P(positive) − P(negative) (docs/classifier.md).',
  intentPrecision: `Measured precision per intent: of the messages the classifier gave this intent and an agent reviewed (corrected or confirmed the label in the inbox), the share agents left unchanged; stated from ${PRECISION_MIN_REVIEWS} reviewed messages on.`,
  weightedEngagement:
    'Weighted engagement = (reactions + 2·comments + 3·shares) / followers, from the counts the network reports for the posts published in the period (comments: the larger of the network’s count and the comments stored in Resonance).',
  perceptionGap:
    "Perception gap: share of the company's posts per topic (deals, product, service, brand) against the share of comments asking for that topic; gap = comments share − posts share.",
  topPosts:
    'Top posts: posts published in the period, ranked by weighted engagement per 1,000 followers of their account (highest first); posts of accounts without a follower count follow, by reactions + 2·comments + 3·shares.',
  health:
    "Ingestion health: last successful sync, lag since it, last error, rate budget used, gaps reconciled (from the connector's sync state), messages ingested and their mean delay from creation to storage.",
} as const;

export type DefinitionKey = keyof typeof DEFINITIONS;
export const pick = (...keys: DefinitionKey[]) => Object.fromEntries(keys.map((k) => [k, DEFINITIONS[k]]));
