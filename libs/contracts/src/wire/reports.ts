import type { Intent } from '../domain';
import type { Network } from '../networks';
import type { ErrorCode } from '../records';
import type { IsoDateTime } from './common';
import type { MessageItem } from './messages';
import type { SentimentBand } from './threads';

/**
 * Shapes of GET /api/reports/* (apps/api/src/reports). Every report carries the definitions of
 * its numbers (DESIGN.md §5) and the parameters it was computed for. Durations are in seconds.
 */
export type ReportName = 'response-times' | 'resonance' | 'intents' | 'channels-health' | 'perception-gap' | 'response-by-intent' | 'regulars';

export const REPORT_INTERVALS = ['total', 'day', 'week', 'month'] as const;
export type ReportInterval = (typeof REPORT_INTERVALS)[number];
export const REPORT_GROUPINGS = ['none', 'network', 'channel', 'agent', 'post'] as const;
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];

/** The query every report takes. */
export interface ReportRequest {
  /** Last N days ("7d", "30d", "90d") or "YYYY-MM-DD..YYYY-MM-DD" (workspace-local days, inclusive). */
  period?: string;
  interval?: string;
  network?: string;
  /** Channel account id */
  channel?: string;
  groupBy?: string;
  format?: string;
}

/** The parameters a report was computed for, as the API read them from the query. */
export interface ReportParams {
  from: string;
  to: string;
  interval: ReportInterval;
  network: Network | null;
  channel: string | null;
  groupBy: ReportGrouping;
  csv: boolean;
}

/** The definition text of each number the report shows, by key. */
export type ReportDefinitions = Record<string, string>;

export interface Summary {
  count: number;
  median: number | null;
  p90: number | null;
  mean: number | null;
}

export interface ResponseStats extends Summary {
  business: Summary | null;
  sla: { attained: number | null; businessAttained: number | null };
}

export interface ResponseTimesRow {
  period: string;
  group: string | null;
  firstResponse: ResponseStats;
  reply: ResponseStats;
  handled: { count: number; withinTarget: number; mean: number | null };
  serviceLevel: number | null;
}

/** GET /api/reports/response-times */
export interface ResponseTimesReport {
  definitions: ReportDefinitions;
  unit: 'seconds';
  params: ReportParams;
  /** SLA targets in minutes: "default", then one key per override: "<network>", "p<priority>" or "<network>.p<priority>". */
  slaTargetMinutes: Record<string, number>;
  rows: ResponseTimesRow[];
  /** Names of the agents that rows grouped by agent name by id ("native" = answered on the network itself). */
  agents: Record<string, string>;
}

/** Share of inbound messages per intent (and 'unclassified'), 0…1. */
export type IntentMix = Record<string, number>;

export interface ResonanceRow {
  period: string;
  group: string | null;
  comments: number;
  uniqueCommenters: number | null;
  returningCommenters: number | null;
  commentsPer1000Followers: number | null;
  commentsPer1000Views: number | null;
  shareAnswered: number | null;
  intentMix: IntentMix;
  sentiment: number | null;
}

/** A post as the reports show it (the columns of the post table, with the counts the network reports). */
export interface ReportPost {
  id: string;
  channel_account_id: string;
  network: string;
  external_id: string;
  text: string;
  url: string | null;
  published_at: IsoDateTime;
  reactions: number | null;
  comments: number | null;
  shares: number | null;
  views: number | null;
  /** Inbound comments Resonance stored on the post (all time). */
  our_comments: number;
}

export interface TopPost extends ReportPost {
  weightedEngagement: number | null;
  /** reactions + 2·comments + 3·shares, as the network counts them (our stored comments when it gives none). */
  interactions: number;
  /** Followers of the post's account now; null when the network reports none. */
  followers: number | null;
  /** The ranking measure (RESONANCE_MEASURE): interactions / followers × 1,000; null without followers. */
  engagementPer1000Followers: number | null;
}

/**
 * How top posts are ranked: weighted engagement per 1,000 followers, highest first; posts whose
 * account has no follower count follow, by their interactions.
 */
export const RESONANCE_MEASURE = 'engagementPer1000Followers';

/** GET /api/reports/resonance */
export interface ResonanceReport {
  definitions: ReportDefinitions;
  params: ReportParams;
  rows: ResonanceRow[];
  topPosts: TopPost[];
  /** The measure topPosts are ranked by (RESONANCE_MEASURE). */
  rankedBy: typeof RESONANCE_MEASURE;
}

export interface IntentsRow {
  period: string;
  group: string | null;
  messages: number;
  intents: Record<string, { count: number; share: number; sentiment: number | null }>;
}

export interface PerceptionGapRow {
  topic: string;
  posts: number;
  postsShare: number;
  comments: number;
  commentsShare: number;
  gap: number;
}

/** Below this many reviewed messages of a predicted intent, its measured precision is not stated. */
export const PRECISION_MIN_REVIEWS = 20;

/**
 * The classifier's precision for one intent, measured from agents' reviews: of the messages of the
 * report (period, network, channel) it labelled `intent` and an agent reviewed (corrected or
 * confirmed), the share whose label agents left as it was.
 */
export interface IntentPrecisionRow {
  intent: Intent;
  reviewed: number;
  unchanged: number;
  /** unchanged / reviewed (0…1); null below PRECISION_MIN_REVIEWS reviewed messages. */
  precision: number | null;
}

/** GET /api/reports/intents */
export interface IntentsReport {
  definitions: ReportDefinitions;
  params: ReportParams;
  rows: IntentsRow[];
  corrections: { total: number; changes: Array<{ from: string; to: string; n: number }> };
  /** One row per intent, in INTENTS order. */
  precision: IntentPrecisionRow[];
  precisionMinReviews: number;
  perceptionGap: PerceptionGapRow[];
}

/** GET /api/reports/posts/:id */
export interface PostReport {
  definitions: ReportDefinitions;
  post: ReportPost;
  rows: Array<{
    comments: number;
    uniqueCommenters: number;
    commentsPer1000Followers: number | null;
    commentsPer1000Views: number | null;
    shareAnswered: number | null;
    intentMix: IntentMix;
    sentiment: number | null;
    weightedEngagement: number | null;
  }>;
}

export interface ChannelHealthRow {
  channel: string;
  network: Network;
  display_name: string;
  status: string;
  last_synced_at: IsoDateTime | null;
  lag_seconds: number | null;
  last_error: string | null;
  last_error_at: IsoDateTime | null;
  consecutive_auth_failures: number;
  budget: Record<string, unknown> | null;
  gaps_reconciled: number | null;
  messages_ingested: number;
  mean_ingest_delay_seconds: number | null;
  /** When the scheduler syncs next (last sync + its interval, or the end of a rate-limit pause); null when not connected. */
  next_sync_at: IsoDateTime | null;
  /** Share of the network's rate budget used at the last call, 0–100; null when the network reports none. */
  budget_used_percent: number | null;
  /** The kind of the last error (a connector error code), or 'notice' for a message from Resonance itself; null without error. */
  last_error_code: ErrorCode | 'notice' | null;
}

/** GET /api/reports/channels-health */
export interface ChannelsHealthReport {
  definitions: ReportDefinitions;
  params: ReportParams;
  rows: ChannelHealthRow[];
}

/** 201 of POST /api/reports/intents/corrections */
export interface IntentCorrectionView {
  id: string;
  messageId: string;
  previousIntent: Intent | null;
  intent: Intent;
  createdAt: IsoDateTime;
  /** The message as it is now (its intentReview names who corrected it). */
  message: MessageItem;
}

/** 201 of POST /api/reports/sentiment/corrections */
export interface SentimentCorrectionView {
  id: string;
  messageId: string;
  previousSentiment: number | null;
  sentiment: SentimentBand;
  createdAt: IsoDateTime;
  message: MessageItem;
}

/** What a drill-down lists the threads behind (GET /api/reports/drill-down). */
export const DRILL_DOWN_KINDS = ['intent', 'comments', 'post', 'first-response'] as const;
export type DrillDownKind = (typeof DRILL_DOWN_KINDS)[number];

/** The query of GET /api/reports/drill-down: the report's filters plus what the number counts. */
export interface DrillDownRequest extends ReportRequest {
  kind?: string;
  /** kind=intent: an intent or 'unclassified'. */
  intent?: string;
  /** kind=post: the post's id. */
  post?: string;
  /** kind=first-response: an agent's id or 'native'. */
  agent?: string;
}

export interface DrillDownThread {
  threadId: string;
  network: Network;
  channel: string;
  contactName: string | null;
  preview: string;
  /** The first day (workspace-local, YYYY-MM-DD) the thread counts in the number. */
  firstDay: string;
  /** How many of the number's messages (or events) this thread holds. */
  messages: number;
}

/** GET /api/reports/drill-down: exactly the threads whose messages a report number counts. */
export interface DrillDownReport {
  params: ReportParams;
  kind: DrillDownKind;
  /** The number itself (messages or events) and the threads behind it, however many are listed. */
  total: { messages: number; threads: number };
  /** At most 500 threads, most messages first. */
  threads: DrillDownThread[];
}
