import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ChannelView } from '@resonance/contracts';
import { api } from '../../shared/api/http';

export type { ChannelView };

/** GET /api/channels: the connected channel accounts (never their credentials). */
export const listChannels = (signal?: AbortSignal) => api<ChannelView[]>('/channels', { signal });

// Every 10 s: a failed sync shows on its card within one attempt plus this (a handful of rows per request).
export const channelsQueryOptions = () => queryOptions({ queryKey: ['channels'], queryFn: ({ signal }) => listChannels(signal), refetchInterval: 10_000 });

export const useChannels = () => useQuery(channelsQueryOptions());
