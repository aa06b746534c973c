import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/http';

/** POST /api/threads/:id/read: the unread count goes to zero. */
export const markRead = (threadId: string) => api<undefined>(`/threads/${encodeURIComponent(threadId)}/read`, { method: 'POST' });

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: markRead,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['threads', 'list'] }),
  });
}
