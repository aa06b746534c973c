import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/http';
import { meQueryOptions } from './get-me';

export const logout = () => api<undefined>('/auth/logout', { method: 'POST' });

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // Signed out either way: a 401 means the session had already ended.
    onSettled: () => {
      // Nothing of the previous user stays cached; the session query is kept so its observers see the change.
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      client.setQueryData(meQueryOptions().queryKey, null);
    },
  });
}
