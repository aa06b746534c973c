import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../shared/api/http';
import type { SessionUser } from '../../shared/session/session';

export interface SessionView {
  user: SessionUser;
  csrfToken: string;
}

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
