import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/http';
import { meQueryOptions, type SessionView } from './get-me';

export interface LoginInput {
  email: string;
  password: string;
}

export const login = (input: LoginInput) => api<SessionView>('/auth/login', { method: 'POST', body: input });

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
