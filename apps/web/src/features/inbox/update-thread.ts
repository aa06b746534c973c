import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ThreadItem, ThreadStatus, UpdateThreadRequest } from '@resonance/contracts';
import { api } from '../../shared/api/http';
import { threadQueryOptions } from './get-thread';

export type ThreadAction = { kind: 'status'; status: ThreadStatus } | { kind: 'assign'; assigneeId: string | null };

/** Status and assignment changes of one thread: PATCH /api/threads/:id ({status} or {assigneeId}; null unassigns). */
export function updateThread(threadId: string, action: ThreadAction): Promise<ThreadItem> {
  const body: UpdateThreadRequest = action.kind === 'status' ? { status: action.status } : { assigneeId: action.assigneeId };
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
