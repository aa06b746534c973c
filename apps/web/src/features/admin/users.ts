import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccessLinkView, InvitedUser, InviteRequest, UpdateUserRequest, UserView } from '@resonance/contracts';
import { api } from '../../shared/api/http';

export type { UserView };

/** GET /api/users, POST /api/users/invites, POST /api/users/:id/access-link, PATCH /api/users/:id (admins). */
export const listUsers = (signal?: AbortSignal) => api<UserView[]>('/users', { signal });
export const usersQueryOptions = () => queryOptions({ queryKey: ['users', 'all'], queryFn: ({ signal }) => listUsers(signal) });
export const useUsers = () => useQuery(usersQueryOptions());

export const inviteUser = (body: InviteRequest) => api<InvitedUser>('/users/invites', { method: 'POST', body });
export const createAccessLink = (id: string) => api<AccessLinkView>(`/users/${encodeURIComponent(id)}/access-link`, { method: 'POST' });
export const updateUser = ({ id, ...body }: UpdateUserRequest & { id: string }) => api<UserView>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export function useInviteUser() {
  const client = useQueryClient();
  return useMutation({ mutationFn: inviteUser, onSuccess: () => void client.invalidateQueries({ queryKey: ['users'] }) });
}
export const useCreateAccessLink = () => useMutation({ mutationFn: createAccessLink });
export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({ mutationFn: updateUser, onSettled: () => void client.invalidateQueries({ queryKey: ['users'] }) });
}
