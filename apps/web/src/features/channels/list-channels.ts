import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ChannelView } from '@resonance/contracts';
import { api } from '../../shared/api/http';

export type { ChannelView };

/** GET /api/channels: the connected channel accounts (never their credentials). */
export const listChannels = (signal?: AbortSignal) => api<ChannelView[]>('/channels', { signal });

export const channelsQueryOptions = () => queryOptions({ queryKey: ['channels'], queryFn: ({ signal }) => listChannels(signal), refetchInterval: 30_000 });

export const useChannels = () => useQuery(channelsQueryOptions());
