import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CannedResponse } from '@resonance/contracts';
import { api } from '../../shared/api/http';

/** GET /api/canned-responses: the workspace's canned responses, by title. */
export const listCannedResponses = (signal?: AbortSignal) => api<CannedResponse[]>('/canned-responses', { signal });

export const cannedResponsesQueryOptions = () =>
  queryOptions({ queryKey: ['canned-responses'], queryFn: ({ signal }) => listCannedResponses(signal), staleTime: 5 * 60_000 });

export const useCannedResponses = () => useQuery(cannedResponsesQueryOptions());
