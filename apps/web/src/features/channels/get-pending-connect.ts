import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Network } from '@resonance/contracts';
import { api } from '../../shared/api/http';

/** An account the network's consent offers (ids and names only; the credentials stay on the server). */
export interface PendingAccount {
  externalId: string;
  displayName: string;
  handle: string | null;
  /** The workspace's existing channel of this account: picking it reconnects that channel. */
  channelId: string | null;
  channelStatus: string | null;
}

export interface PendingConnect {
  id: string;
  network: Network;
  expiresAt: string;
  reconnectChannelId: string | null;
  accounts: PendingAccount[];
}

/** GET /api/channels/connect/pending/:id — what the callback brought back, for the page picker. */
export const getPendingConnect = (id: string, signal?: AbortSignal) => api<PendingConnect>(`/channels/connect/pending/${encodeURIComponent(id)}`, { signal });

export const pendingConnectQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['connect-pending', id], queryFn: ({ signal }) => getPendingConnect(id, signal), retry: false, staleTime: Infinity });

export const usePendingConnect = (id: string) => useQuery(pendingConnectQueryOptions(id));
