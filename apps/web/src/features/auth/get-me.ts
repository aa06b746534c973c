import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SessionView } from '@resonance/contracts';
import { api, ApiError } from '../../shared/api/http';

export type { SessionView };

/** The signed-in user, or null when there is no session (401). */
export async function getMe(): Promise<SessionView | null> {
  try {
    return await api<SessionView>('/auth/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const meQueryOptions = () => queryOptions({ queryKey: ['auth', 'me'], queryFn: getMe, staleTime: 60_000, retry: 1 });

export const useMe = () => useQuery(meQueryOptions());
