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

/** What every report tab receives from the page shell (ReportsPage.tsx). */
export interface ReportTabProps {
  filters: ReportFilters;
  /** "Compare with previous period" is on. */
  compare: boolean;
}
