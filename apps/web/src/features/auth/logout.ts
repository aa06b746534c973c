import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/http';
import { meQueryOptions } from './get-me';

export const logout = () => api<void>('/auth/logout', { method: 'POST' });

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // Signed out either way: a 401 means the session had already ended.
    onSettled: () => {
      client.clear();
      client.setQueryData(meQueryOptions().queryKey, null);
    },
  });
}
