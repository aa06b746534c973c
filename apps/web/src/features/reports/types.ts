/** Shapes of GET /api/reports/* (apps/api/src/reports); every report carries its definitions. */
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
export interface ReportParams {
  from: string;
  to: string;
  interval: string;
  network: string | null;
  channel: string | null;
  groupBy: string;
}
export interface ResponseTimesReport {
  definitions: Record<string, string>;
  unit: 'seconds';
  params: ReportParams;
  slaTargetMinutes: Record<string, number>;
  rows: Array<{
    period: string;
    group: string | null;
    firstResponse: ResponseStats;
    reply: ResponseStats;
    handled: { count: number; withinTarget: number; mean: number | null };
    serviceLevel: number | null;
  }>;
}
export interface ResonanceReport {
  definitions: Record<string, string>;
  params: ReportParams;
  rows: Array<{
    period: string;
    group: string | null;
    comments: number;
    uniqueCommenters: number | null;
    returningCommenters: number | null;
    commentsPer1000Followers: number | null;
    commentsPer1000Views: number | null;
    shareAnswered: number | null;
    intentMix: Record<string, number>;
    sentiment: number | null;
  }>;
  topPosts: Array<{ id: string; network: string; text: string; url: string | null; comments: number | null; weightedEngagement: number | null; our_comments?: number }>;
}
export interface IntentsReport {
  definitions: Record<string, string>;
  params: ReportParams;
  rows: Array<{ period: string; group: string | null; messages: number; intents: Record<string, { count: number; share: number; sentiment: number | null }> }>;
  corrections: { total: number };
  perceptionGap: unknown;
}
export interface ChannelsHealthReport {
  definitions: Record<string, string>;
  params: ReportParams;
  rows: Array<Record<string, unknown>>;
}

export interface ReportFilters {
  /** '7d' | '30d' | '90d' or 'YYYY-MM-DD..YYYY-MM-DD'. */
  period: string;
  network?: string;
  groupBy?: string;
  interval?: 'total' | 'day' | 'week' | 'month';
}
