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
      client.clear();
      client.setQueryData(meQueryOptions().queryKey, session);
    },
  });
}
