import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PublicConfig } from '@resonance/contracts';
import { api } from '../../shared/api/http';

/** Whether demo mode is on (the login page names the demo logins only then). */
export const getPublicConfig = () => api<PublicConfig>('/config');

export const publicConfigQueryOptions = () => queryOptions({ queryKey: ['config'], queryFn: getPublicConfig, staleTime: Infinity, retry: 1 });

export const usePublicConfig = () => useQuery(publicConfigQueryOptions());
