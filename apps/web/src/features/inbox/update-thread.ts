import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ThreadItem, ThreadStatus, UpdateThreadRequest } from '@resonance/contracts';
import { api } from '../../shared/api/http';
import { threadQueryOptions } from './get-thread';

export type ThreadAction =
  | { kind: 'status'; status: ThreadStatus }
  | { kind: 'assign'; assigneeId: string | null }
  | { kind: 'priority'; priority: number }
  | { kind: 'tags'; tags: string[] };

const bodyOf = (action: ThreadAction): UpdateThreadRequest => {
  switch (action.kind) {
    case 'status':
      return { status: action.status };
    case 'assign':
      return { assigneeId: action.assigneeId };
    case 'priority':
      return { priority: action.priority };
    case 'tags':
      return { tags: action.tags };
  }
};

/** Status, assignment, priority and tag changes of one thread: PATCH /api/threads/:id (assigneeId null unassigns; tags replaces). */
export function updateThread(threadId: string, action: ThreadAction): Promise<ThreadItem> {
  const body = bodyOf(action);
  return api<ThreadItem>(`/threads/${encodeURIComponent(threadId)}`, { method: 'PATCH', body });
}

export function useUpdateThread(threadId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: ThreadAction) => updateThread(threadId, action),
    onSuccess: (thread) => {
      client.setQueryData(threadQueryOptions(threadId).queryKey, (old) => (old ? { ...old, ...thread } : old));
      void client.invalidateQueries({ queryKey: ['threads', 'list'] });
      if (thread.tags.length) void client.invalidateQueries({ queryKey: ['threads', 'tags'] });
    },
  });
}
