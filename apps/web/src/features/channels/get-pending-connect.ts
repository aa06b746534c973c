import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PendingAccount, PendingConnect } from '@resonance/contracts';
import { api } from '../../shared/api/http';

export type { PendingAccount, PendingConnect };

/** GET /api/channels/connect/pending/:id — what the callback brought back, for the page picker. */
export const getPendingConnect = (id: string, signal?: AbortSignal) => api<PendingConnect>(`/channels/connect/pending/${encodeURIComponent(id)}`, { signal });

export const pendingConnectQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['connect-pending', id], queryFn: ({ signal }) => getPendingConnect(id, signal), retry: false, staleTime: Infinity });

export const usePendingConnect = (id: string) => useQuery(pendingConnectQueryOptions(id));
