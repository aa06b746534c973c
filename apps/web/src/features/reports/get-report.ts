import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type {
  ChannelsHealthReport,
  DrillDownReport,
  DrillDownRequest,
  IntentsReport,
  PerceptionGapReport,
  RegularsReport,
  ReportName,
  ReportRequest,
  ResonanceReport,
  ResponseByIntentReport,
  ResponseTimesReport,
} from '@resonance/contracts';
import { api, withQuery } from '../../shared/api/http';
import type { DrillTarget, ReportFilters } from './report-filters';

export type { ReportName };
interface ReportShapes {
  'response-times': ResponseTimesReport;
  resonance: ResonanceReport;
  intents: IntentsReport;
  'channels-health': ChannelsHealthReport;
  'perception-gap': PerceptionGapReport;
  'response-by-intent': ResponseByIntentReport;
  regulars: RegularsReport;
}

const query = (f: ReportFilters) => ({ period: f.period, network: f.network, groupBy: f.groupBy, interval: f.interval }) satisfies ReportRequest;

/** GET /api/reports/:name with period, network, grouping and interval. */
export const getReport = <N extends ReportName>(name: N, filters: ReportFilters, signal?: AbortSignal) =>
  api<ReportShapes[N]>(`/reports/${name}`, { signal, query: query(filters) });

/** The same report as CSV (the API's ?format=csv), for a download link: per day with interval 'day', per post with groupBy 'post'. */
export const reportCsvUrl = (name: ReportName, filters: ReportFilters) => withQuery(`/api/reports/${name}`, { ...query(filters), format: 'csv' });

export const reportQueryOptions = <N extends ReportName>(name: N, filters: ReportFilters) =>
  queryOptions({
    queryKey: ['reports', name, filters],
    queryFn: ({ signal }) => getReport(name, filters, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

export const useReport = <N extends ReportName>(name: N, filters: ReportFilters) => useQuery(reportQueryOptions(name, filters));

const drillQuery = (filters: ReportFilters, target: DrillTarget): DrillDownRequest => ({
  period: filters.period,
  network: target.kind === 'first-response' && target.network ? target.network : filters.network,
  kind: target.kind,
  intent: target.kind === 'intent' ? target.intent : undefined,
  post: target.kind === 'post' ? target.post : undefined,
  agent: target.kind === 'first-response' ? target.agent : undefined,
});

/** GET /api/reports/drill-down: exactly the threads behind one number, for the report's period and filters. */
export const useDrillDown = (filters: ReportFilters, target: DrillTarget | null) =>
  useQuery({
    queryKey: ['reports', 'drill-down', filters, target],
    queryFn: ({ signal }) => api<DrillDownReport>('/reports/drill-down', { signal, query: target ? { ...drillQuery(filters, target) } : {} }),
    enabled: target !== null,
    staleTime: 30_000,
  });
