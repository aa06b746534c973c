import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { MessageItem, ReplyAccepted } from '@resonance/contracts';
import { api, type Page } from '../../shared/api/http';
import { messagesQueryOptions } from './list-messages';
import { addAnswer, findMessage } from './send-reply';

export interface RetryInput {
  threadId: string;
  messageId: string;
}

/**
 * POST /api/messages/:id/retry → 202 {message}: a reply whose delivery failed, or one not delivered
 * OUTBOUND_RECOVERY_AFTER_MS after it was written, is queued again (never sent twice: the server
 * keeps one job per reply and looks for it on the network before sending).
 */
export async function retryReply({ messageId }: RetryInput): Promise<MessageItem> {
  const answer = await api<ReplyAccepted>(`/messages/${encodeURIComponent(messageId)}/retry`, { method: 'POST', body: {} });
  return answer.message;
}

export function useRetryReply() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: retryReply,
    // The copy before the retry: a live event that replaced it meanwhile is newer than the answer.
    onMutate: ({ threadId, messageId }) => ({
      before: findMessage(client.getQueryData<InfiniteData<Page<MessageItem>, string | null>>(messagesQueryOptions(threadId).queryKey), messageId),
    }),
    onSuccess: (message, { threadId }, context) => {
      client.setQueryData<InfiniteData<Page<MessageItem>, string | null>>(messagesQueryOptions(threadId).queryKey, (data) =>
        addAnswer(data, message, context?.before),
      );
    },
  });
}
