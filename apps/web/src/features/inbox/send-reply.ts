import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { MessageItem, ReplyAccepted, ReplyRequest } from '@resonance/contracts';
import { api, type Page } from '../../shared/api/http';
import { messagesQueryOptions } from './list-messages';

export interface ReplyInput {
  threadId: string;
  text: string;
  /** The newest message the agent saw; a newer one by the customer or a colleague makes the API answer 409. */
  lastSeenMessageId?: string | null;
  /** Send although newer messages arrived (after the agent read them). */
  confirmNewer?: boolean;
  /** The comment answered (a comment thread); default: the newest customer comment. */
  parentExternalId?: string;
}

/** POST /api/threads/:id/replies → 202 {message} with the queued outbound message. */
export async function sendReply({ threadId, text, lastSeenMessageId, confirmNewer, parentExternalId }: ReplyInput): Promise<MessageItem> {
  const body: ReplyRequest = { text };
  if (parentExternalId) body.parentExternalId = parentExternalId;
  if (lastSeenMessageId) body.lastSeenMessageId = lastSeenMessageId;
  if (confirmNewer) body.confirmNewer = true;
  const answer = await api<ReplyAccepted>(`/threads/${encodeURIComponent(threadId)}/replies`, { method: 'POST', body });
  return answer.message;
}

export function useSendReply() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: sendReply,
    onSuccess: (message, { threadId }) => {
      client.setQueryData<InfiniteData<Page<MessageItem>, string | null>>(messagesQueryOptions(threadId).queryKey, (data) => addMessage(data, message));
      void client.invalidateQueries({ queryKey: ['threads'] });
    },
  });
}

/** Puts a message into the cached pages once (live events may bring it too), replacing an older copy. */
export function addMessage(data: InfiniteData<Page<MessageItem>, string | null> | undefined, message: MessageItem) {
  if (!data) return data;
  let found = false;
  const pages = data.pages.map((page) => ({
    ...page,
    items: page.items.map((m) => {
      if (m.id !== message.id) return m;
      found = true;
      return message;
    }),
  }));
  if (!found && pages.length) {
    const last = pages[pages.length - 1];
    // Only append to the tail when the tail is loaded; otherwise paging will bring it.
    if (last.nextCursor === null) pages[pages.length - 1] = { ...last, items: [...last.items, message] };
  }
  return { ...data, pages };
}
