import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { ThreadItem, ThreadListRequest } from '@resonance/contracts';
import { api, type Page } from '../../shared/api/http';
import type { ThreadFilters } from './thread-filters';

export const THREAD_PAGE_SIZE = 50;

/** One keyset page of the inbox list (GET /api/threads): newest activity, oldest waiting or SLA due first. */
export function listThreads(filters: ThreadFilters, cursor: string | null, signal?: AbortSignal): Promise<Page<ThreadItem>> {
  return api<Page<ThreadItem>>('/threads', {
    signal,
    query: {
      status: filters.status === 'all' ? undefined : filters.status,
      networks: filters.networks,
      channels: filters.channels,
      needsReply: filters.needsReply ? true : undefined,
      spam: filters.spam ? true : undefined,
      heldForReview: filters.heldForReview ? true : undefined,
      hiddenByRules: filters.hiddenByRules ? true : undefined,
      sort: filters.sort,
      assignee: filters.assignee,
      intent: filters.intent,
      sentiment: filters.sentiment,
      waitingLongerThanMinutes: filters.waitingLongerThan,
      q: filters.q,
      limit: THREAD_PAGE_SIZE,
      cursor: cursor ?? undefined,
    } satisfies ThreadListRequest,
  });
}

export const threadListQueryOptions = (filters: ThreadFilters) =>
  infiniteQueryOptions({
    queryKey: ['threads', 'list', filters],
    queryFn: ({ pageParam, signal }) => listThreads(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export const useThreadList = (filters: ThreadFilters) => useInfiniteQuery(threadListQueryOptions(filters));
