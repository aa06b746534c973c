import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type {
  ChannelsHealthReport,
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
import type { ReportFilters } from './report-filters';

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

/** The same report as CSV (the API's ?format=csv), for a download link. */
export const reportCsvUrl = (name: ReportName, filters: ReportFilters) => withQuery(`/api/reports/${name}`, { ...query(filters), format: 'csv' });

export const reportQueryOptions = <N extends ReportName>(name: N, filters: ReportFilters) =>
  queryOptions({
    queryKey: ['reports', name, filters],
    queryFn: ({ signal }) => getReport(name, filters, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

export const useReport = <N extends ReportName>(name: N, filters: ReportFilters) => useQuery(reportQueryOptions(name, filters));
