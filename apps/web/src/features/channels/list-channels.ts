import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ChannelStatus, Network } from '@resonance/contracts';
import { api, type Page } from '../../shared/api/http';

/** A connected channel account as GET /api/channels shows it (never its credentials). */
export interface ChannelView {
  id: string;
  network: Network;
  externalId: string;
  displayName: string;
  handle: string | null;
  status: ChannelStatus;
  lastSyncedAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  followers: number | null;
  credentialsExpireAt?: string | null;
  /** Share of the network's budget used in its current window, 0…1, when the connector reports one. */
  budgetUsed?: number | null;
  rateBudget?: Record<string, unknown>;
}

export async function listChannels(signal?: AbortSignal): Promise<ChannelView[]> {
  const body = await api<Page<ChannelView> | ChannelView[]>('/channels', { signal });
  return Array.isArray(body) ? body : body.items;
}

export const channelsQueryOptions = () => queryOptions({ queryKey: ['channels'], queryFn: ({ signal }) => listChannels(signal), refetchInterval: 30_000 });

export const useChannels = () => useQuery(channelsQueryOptions());
