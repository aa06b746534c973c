import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ThreadStatus } from '@resonance/contracts';
import { api } from '../../shared/api/http';
import { threadQueryOptions } from './get-thread';
import type { ThreadItem } from './types';

export type ThreadAction =
  | { kind: 'status'; status: ThreadStatus }
  | { kind: 'assign'; assigneeId: string | null };

/** Status and assignment changes of one thread (POST /api/threads/:id/status | assign). */
export function updateThread(threadId: string, action: ThreadAction): Promise<ThreadItem> {
  const id = encodeURIComponent(threadId);
  if (action.kind === 'status') return api<ThreadItem>(`/threads/${id}/status`, { method: 'POST', body: { status: action.status } });
  return api<ThreadItem>(`/threads/${id}/assign`, { method: 'POST', body: { assigneeId: action.assigneeId } });
}

export function useUpdateThread(threadId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: ThreadAction) => updateThread(threadId, action),
    onSuccess: (thread) => {
      if (thread && typeof thread === 'object' && 'id' in thread) client.setQueryData(threadQueryOptions(threadId).queryKey, (old) => ({ ...old, ...thread }));
      void client.invalidateQueries({ queryKey: ['threads'] });
    },
  });
}
