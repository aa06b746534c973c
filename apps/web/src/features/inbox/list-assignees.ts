import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../shared/api/http';

export interface Assignee {
  id: string;
  name: string;
  role: string;
  active?: boolean;
}

/** The workspace's users an agent can assign a thread to (GET /api/users). */
export async function listAssignees(signal?: AbortSignal): Promise<Assignee[]> {
  const body = await api<Page<Assignee> | Assignee[]>('/users', { signal });
  const users = Array.isArray(body) ? body : body.items;
  return users.filter((u) => u.active !== false && u.role !== 'analyst');
}

export const assigneesQueryOptions = () =>
  queryOptions({ queryKey: ['users', 'assignees'], queryFn: ({ signal }) => listAssignees(signal), staleTime: 5 * 60_000, retry: false });

export const useAssignees = () => useQuery(assigneesQueryOptions());
