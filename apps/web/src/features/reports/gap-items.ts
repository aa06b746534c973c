import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { GAP_SIDES, isPostTopic, type GapSide, type PerceptionGapItems, type PerceptionGapItemsRequest, type PostTopic } from '@resonance/contracts';
import { api } from '../../shared/api/http';
import type { ReportFilters } from './report-filters';

/** The bar whose posts or messages are listed, as the URL keeps it (`?gap=messages:deals`), or null. */
export function parseGapBar(value: string | null): { side: GapSide; topic: PostTopic } | null {
  const [side, topic] = (value ?? '').split(':');
  const knownSide = GAP_SIDES.find((s) => s === side);
  return knownSide && isPostTopic(topic) ? { side: knownSide, topic } : null;
}

export const gapBarParam = (side: GapSide, topic: PostTopic) => `${side}:${topic}`;

/** GET /api/reports/perception-gap/items: the newest posts or messages behind one bar, for the report's period and network. */
export function useGapItems(filters: ReportFilters, bar: { side: GapSide; topic: PostTopic } | null) {
  return useQuery({
    queryKey: ['reports', 'perception-gap', 'items', filters.period, filters.network, bar?.side, bar?.topic],
    queryFn: ({ signal }) => {
      if (!bar) throw new Error('no bar chosen');
      const query: PerceptionGapItemsRequest = { topic: bar.topic, side: bar.side, period: filters.period, network: filters.network };
      return api<PerceptionGapItems>('/reports/perception-gap/items', { signal, query: { ...query } });
    },
    enabled: bar !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
