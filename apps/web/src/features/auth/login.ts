import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, SessionView } from '@resonance/contracts';
import { api } from '../../shared/api/http';
import { meQueryOptions } from './get-me';

export const login = (input: LoginRequest) => api<SessionView>('/auth/login', { method: 'POST', body: input });

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (session) => {
      // Nothing of the previous user stays cached; the session query is kept so its observers see the change.
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      client.setQueryData(meQueryOptions().queryKey, session);
    },
  });
}
