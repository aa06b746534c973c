import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { api, type Page } from '../../shared/api/http';
import { messagesQueryOptions } from './list-messages';
import type { MessageItem } from './types';

export interface ReplyInput {
  threadId: string;
  text: string;
}

/** POST /api/threads/:id/replies → 202 with the queued outbound message. */
export const sendReply = ({ threadId, ...body }: ReplyInput) =>
  api<MessageItem>(`/threads/${encodeURIComponent(threadId)}/replies`, { method: 'POST', body });

export function useSendReply() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: sendReply,
    onSuccess: (message, { threadId }) => {
      client.setQueryData<InfiniteData<Page<MessageItem>, string | null>>(messagesQueryOptions(threadId).queryKey, (data) => addMessage(data, message));
      void client.invalidateQueries({ queryKey: ['threads', 'list'] });
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
    const last = pages[pages.length - 1]!;
    // Only append to the tail when the tail is loaded; otherwise paging will bring it.
    if (last.nextCursor === null) pages[pages.length - 1] = { ...last, items: [...last.items, message] };
  }
  return { ...data, pages };
}
