import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { MessageItem, PrivateReplyAccepted, PrivateReplyRequest } from '@resonance/contracts';
import { api, type Page } from '../../shared/api/http';
import { messagesQueryOptions } from './list-messages';
import { addMessage } from './send-reply';

export interface PrivateReplyInput {
  /** The comment answered privately (its message id). */
  commentId: string;
  /** The comment thread (its cached messages take the comment's new state). */
  threadId: string;
  text: string;
}

/** POST /api/messages/:id/private-reply → 202 {comment, reply}: queued; the worker sends it once. */
export const sendPrivateReply = ({ commentId, text }: PrivateReplyInput) =>
  api<PrivateReplyAccepted>(`/messages/${encodeURIComponent(commentId)}/private-reply`, { method: 'POST', body: { text } satisfies PrivateReplyRequest });

/**
 * The comment (now with its privateReply, without private_reply in its actions) replaces the
 * cached one; the reply lives in the direct thread with the comment's author, whose messages and the
 * lists load it when opened.
 */
export function useSendPrivateReply() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: sendPrivateReply,
    onSuccess: ({ comment, reply }, { threadId }) => {
      client.setQueryData<InfiniteData<Page<MessageItem>, string | null>>(messagesQueryOptions(threadId).queryKey, (data) => addMessage(data, comment));
      void client.invalidateQueries({ queryKey: messagesQueryOptions(reply.threadId).queryKey });
      void client.invalidateQueries({ queryKey: ['threads', 'list'] });
    },
  });
}
