import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ThreadDetail } from '@resonance/contracts';
import { api } from '../../shared/api/http';

export const getThread = (id: string, signal?: AbortSignal) => api<ThreadDetail>(`/threads/${encodeURIComponent(id)}`, { signal });

export const threadQueryOptions = (id: string) => queryOptions({ queryKey: ['threads', 'detail', id], queryFn: ({ signal }) => getThread(id, signal) });

export const useThread = (id: string | undefined) => useQuery({ ...threadQueryOptions(id ?? ''), enabled: !!id });
