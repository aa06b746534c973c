import type { Intent } from '../domain';
import type { Network } from '../networks';
import type { IsoDateTime } from './common';
import type { ReportDefinitions, ReportParams } from './reports';

/**
 * Shapes of the perception-gap reports (issue 23, part 2; apps/api/src/reports/perception-gap*):
 * GET /api/reports/perception-gap, /perception-gap/items, /response-by-intent and /regulars.
 */

/** What a company post is about (libs/classifier postTopic). */
export const POST_TOPICS = ['deals', 'product', 'service', 'brand'] as const;
export type PostTopic = (typeof POST_TOPICS)[number];
export const isPostTopic = (value: unknown): value is PostTopic => typeof value === 'string' && (POST_TOPICS as readonly string[]).includes(value);

/** One topic of one period and network: posts about it against inbound messages asking for it. */
export interface PerceptionGapTopicRow {
  period: string;
  /** The network (groupBy=network), else null: every network of the filter. */
  network: Network | null;
  topic: PostTopic;
  /** The intents that ask for this topic (deals: discount_request and purchase_intent, …). */
  intents: Intent[];
  posts: number;
  /** posts / the period's classified posts, 0…1 */
  postsShare: number;
  messages: number;
  /** messages / the period's inbound messages with one of the four topics' intents, 0…1 */
  messagesShare: number;
  /** (messagesShare − postsShare) × 100: percentage points; > 0 customers ask for it more than the company posts about it. */
  gapPoints: number;
}

/** GET /api/reports/perception-gap (groupBy none | network) */
export interface PerceptionGapReport {
  definitions: ReportDefinitions;
  params: ReportParams;
  rows: PerceptionGapTopicRow[];
}

export const GAP_SIDES = ['posts', 'messages'] as const;
export type GapSide = (typeof GAP_SIDES)[number];

/** GET /api/reports/perception-gap/items query: the posts or the messages behind one bar. */
export interface PerceptionGapItemsRequest {
  topic: PostTopic;
  side: GapSide;
  period?: string;
  network?: string;
}

export interface GapPostItem {
  id: string;
  network: Network;
  text: string;
  url: string | null;
  publishedAt: IsoDateTime;
}

export interface GapMessageItem {
  id: string;
  threadId: string;
  network: Network;
  intent: Intent;
  text: string;
  createdAt: IsoDateTime;
  contactName: string | null;
}

/** GET /api/reports/perception-gap/items: the newest 50 items behind a bar, and whether there are more. */
export interface PerceptionGapItems {
  params: ReportParams;
  topic: PostTopic;
  side: GapSide;
  posts: GapPostItem[];
  messages: GapMessageItem[];
  more: boolean;
}

/** Reply time and share answered of the inbound messages of one intent. */
export interface ResponseByIntentRow {
  period: string;
  network: Network | null;
  intent: Intent | 'unclassified';
  /** Inbound messages of the intent in the period */
  messages: number;
  /** … followed by a response in their thread */
  answered: number;
  shareAnswered: number | null;
  /** Responses whose run of waiting messages began with a message of this intent */
  replies: number;
  /** seconds */
  median: number | null;
  p90: number | null;
  mean: number | null;
}

/** GET /api/reports/response-by-intent (groupBy none | network) */
export interface ResponseByIntentReport {
  definitions: ReportDefinitions;
  unit: 'seconds';
  params: ReportParams;
  rows: ResponseByIntentRow[];
}

/** A person who commented on many days: this period's regulars, or last period's that went silent. */
export interface RegularCommenter {
  contactId: string;
  name: string | null;
  handle: string | null;
  networks: Network[];
  /** Days with a comment in the period */
  days: number;
  /** … in the period before (same length, right before it) */
  previousDays: number;
}

/** GET /api/reports/regulars */
export interface RegularsReport {
  definitions: ReportDefinitions;
  params: ReportParams;
  /** A regular commented on at least this many different days of the period. */
  minDays: number;
  previous: { from: string; to: string };
  /** This period's regulars (all) and last period's regulars without a comment this period (all). */
  counts: { regulars: number; silent: number };
  /** The 25 most frequent regulars */
  regulars: RegularCommenter[];
  /** The 25 most frequent of last period's regulars who went silent */
  silent: RegularCommenter[];
}
