import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ThreadStatus } from '@resonance/contracts';
import { api } from '../../shared/api/http';
import { threadQueryOptions } from './get-thread';
import type { ThreadItem } from './types';

export type ThreadAction = { kind: 'status'; status: ThreadStatus } | { kind: 'assign'; assigneeId: string | null };

/** Status and assignment changes of one thread: PATCH /api/threads/:id ({status} or {assigneeId}; null unassigns). */
export function updateThread(threadId: string, action: ThreadAction): Promise<ThreadItem> {
  const body = action.kind === 'status' ? { status: action.status } : { assigneeId: action.assigneeId };
  return api<ThreadItem>(`/threads/${encodeURIComponent(threadId)}`, { method: 'PATCH', body });
}

export function useUpdateThread(threadId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: ThreadAction) => updateThread(threadId, action),
    onSuccess: (thread) => {
      client.setQueryData(threadQueryOptions(threadId).queryKey, (old) => (old ? { ...old, ...thread } : old));
      void client.invalidateQueries({ queryKey: ['threads', 'list'] });
    },
  });
}
