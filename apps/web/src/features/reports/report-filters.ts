import type { ReportInterval } from '@resonance/contracts';

/**
 * Web-only view model: the reports page's filters as the URL keeps them. get-report.ts turns them
 * into the contract's ReportRequest (GET /api/reports/:name).
 */
export interface ReportFilters {
  /** '7d' | '30d' | '90d' or 'YYYY-MM-DD..YYYY-MM-DD'. */
  period: string;
  network?: string;
  groupBy?: string;
  interval?: ReportInterval;
}

/** The step of the trends: one point per day or per week. */
export type TrendStep = 'day' | 'week';

/** What a drill-down lists the threads behind (the URL's drill, intent, post, agent and drillNetwork). */
export type DrillTarget =
  { kind: 'intent'; intent: string } | { kind: 'comments' } | { kind: 'post'; post: string } | { kind: 'first-response'; network?: string; agent?: string };

/** What every report tab receives from the page shell (ReportsPage.tsx). */
export interface ReportTabProps {
  filters: ReportFilters;
  /** "Compare with previous period" is on. */
  compare: boolean;
  /** The trends' step. */
  step: TrendStep;
  /** Opens the drill-down drawer (the URL keeps it, with the period). */
  openDrill: (target: DrillTarget) => void;
}

export const PRESET_PERIODS = ['7d', '30d', '90d'] as const;
const CUSTOM = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

/** A period from the URL: a preset, or a custom "from..to" (the API validates the days); anything else is the default 30 days. */
export function periodOf(value: string | null): string {
  if (value && ((PRESET_PERIODS as readonly string[]).includes(value) || CUSTOM.test(value))) return value;
  return '30d';
}

/** The days of a custom period, or null for a preset. */
export function customRange(period: string): { from: string; to: string } | null {
  const m = CUSTOM.exec(period);
  return m ? { from: m[1], to: m[2] } : null;
}

/** The drill-down target the URL holds, if any. */
export function drillOf(params: URLSearchParams): DrillTarget | null {
  const kind = params.get('drill');
  if (kind === 'intent') {
    const intent = params.get('intent');
    return intent ? { kind, intent } : null;
  }
  if (kind === 'post') {
    const post = params.get('post');
    return post ? { kind, post } : null;
  }
  if (kind === 'comments') return { kind };
  if (kind === 'first-response') return { kind, network: params.get('drillNetwork') ?? undefined, agent: params.get('agent') ?? undefined };
  return null;
}

/** The URL parameters of a drill-down target (drillParams(null) clears them). */
export function drillParams(target: DrillTarget | null): Record<string, string | null> {
  return {
    drill: target?.kind ?? null,
    intent: target?.kind === 'intent' ? target.intent : null,
    post: target?.kind === 'post' ? target.post : null,
    drillNetwork: target?.kind === 'first-response' ? (target.network ?? null) : null,
    agent: target?.kind === 'first-response' ? (target.agent ?? null) : null,
  };
}
