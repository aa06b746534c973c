import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { MessageActionAccepted, MessageActionRequest, MessageItem, ModerationAction } from '@resonance/contracts';
import { api, type Page } from '../../shared/api/http';
import { messagesQueryOptions } from './list-messages';
import { addMessage } from './send-reply';

export interface ModerateInput {
  threadId: string;
  messageId: string;
  action: ModerationAction;
}

/** POST /api/messages/:id/actions → 202 {message, action}: queued; the worker does it on the network. */
export async function moderateMessage({ messageId, action }: ModerateInput): Promise<MessageItem> {
  const answer = await api<MessageActionAccepted>(`/messages/${encodeURIComponent(messageId)}/actions`, {
    method: 'POST',
    body: { action } satisfies MessageActionRequest,
  });
  return answer.message;
}

/**
 * The answer's message (lastAction queued) replaces the cached one; live events bring done/failed.
 * The worker can be faster than the answer: a cached copy that already shows this action (or a
 * newer one) finished is kept.
 */
export function useModerateMessage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: moderateMessage,
    onSuccess: (message, { threadId }) => {
      client.setQueryData<InfiniteData<Page<MessageItem>, string | null>>(messagesQueryOptions(threadId).queryKey, (data) => {
        const cached = data?.pages.flatMap((p) => p.items).find((m) => m.id === message.id);
        return cached && isNewer(cached.lastAction, message.lastAction) ? data : addMessage(data, message);
      });
    },
  });
}

/** Whether `a` is a later state than `b`: a newer action, or the same one no longer queued. */
function isNewer(a: MessageItem['lastAction'], b: MessageItem['lastAction']): boolean {
  if (!a || !b) return !!a && !b;
  if (a.id !== b.id) return BigInt(a.id) > BigInt(b.id);
  return a.state !== 'queued' && b.state === 'queued';
}
