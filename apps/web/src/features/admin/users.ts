import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserRole } from '@resonance/contracts';
import { api } from '../../shared/api/http';

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  active: boolean;
}

/** GET /api/users, POST /api/users, PATCH /api/users/:id (admins). */
export const listUsers = (signal?: AbortSignal) => api<UserView[]>('/users', { signal });
export const usersQueryOptions = () => queryOptions({ queryKey: ['users', 'all'], queryFn: ({ signal }) => listUsers(signal) });
export const useUsers = () => useQuery(usersQueryOptions());

export const createUser = (body: { email: string; name: string; role: UserRole; password: string }) => api<UserView>('/users', { method: 'POST', body });
export const updateUser = ({ id, ...body }: { id: string; role?: UserRole; active?: boolean }) => api<UserView>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createUser, onSuccess: () => void client.invalidateQueries({ queryKey: ['users'] }) });
}
export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({ mutationFn: updateUser, onSettled: () => void client.invalidateQueries({ queryKey: ['users'] }) });
}
