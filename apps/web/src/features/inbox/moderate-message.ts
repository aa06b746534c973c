import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { api, type Page } from '../../shared/api/http';
import type { ModerationAction } from '../../shared/networks';
import { messagesQueryOptions } from './list-messages';
import { addMessage } from './send-reply';
import type { MessageItem } from './types';

export interface ModerateInput {
  threadId: string;
  messageId: string;
  action: ModerationAction;
}

/** POST /api/messages/:id/actions → 202 {message, action}: queued; the worker does it on the network. */
export async function moderateMessage({ messageId, action }: ModerateInput): Promise<MessageItem> {
  const answer = await api<{ message: MessageItem }>(`/messages/${encodeURIComponent(messageId)}/actions`, { method: 'POST', body: { action } });
  return answer.message;
}

/** The answer's message (lastAction queued) replaces the cached one; live events bring done/failed. */
export function useModerateMessage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: moderateMessage,
    onSuccess: (message, { threadId }) => {
      client.setQueryData<InfiniteData<Page<MessageItem>, string | null>>(messagesQueryOptions(threadId).queryKey, (data) => addMessage(data, message));
    },
  });
}
