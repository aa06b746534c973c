import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UserView } from '@resonance/contracts';
import { api } from '../../shared/api/http';

/** The workspace's users an agent can assign a thread to (GET /api/users): active agents and admins. */
export async function listAssignees(signal?: AbortSignal): Promise<UserView[]> {
  const users = await api<UserView[]>('/users', { signal });
  return users.filter((u) => u.active && u.role !== 'analyst');
}

export const assigneesQueryOptions = () =>
  queryOptions({ queryKey: ['users', 'assignees'], queryFn: ({ signal }) => listAssignees(signal), staleTime: 5 * 60_000, retry: false });

export const useAssignees = () => useQuery(assigneesQueryOptions());
