import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../shared/api/http';
import type { CannedResponse } from './types';

export async function listCannedResponses(signal?: AbortSignal): Promise<CannedResponse[]> {
  const body = await api<Page<CannedResponse> | CannedResponse[]>('/canned-responses', { signal });
  return Array.isArray(body) ? body : body.items;
}

export const cannedResponsesQueryOptions = () =>
  queryOptions({ queryKey: ['canned-responses'], queryFn: ({ signal }) => listCannedResponses(signal), staleTime: 5 * 60_000 });

export const useCannedResponses = () => useQuery(cannedResponsesQueryOptions());
