import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { MessageItem, ReplyAccepted, ReplyRequest } from '@resonance/contracts';
import { api, type Page } from '../../shared/api/http';
import { threadQueryOptions } from './get-thread';
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
      // A new reply: if its live event came first (the worker already sent it), that copy is newer.
      client.setQueryData<InfiniteData<Page<MessageItem>, string | null>>(messagesQueryOptions(threadId).queryKey, (data) =>
        addAnswer(data, message, undefined),
      );
      // The lists and the thread (status, wait); not its messages: they follow the live events, and a
      // refetch started now could answer after the reply's "sent" event and turn it back to "queued".
      void client.invalidateQueries({ queryKey: ['threads', 'list'] });
      void client.invalidateQueries({ queryKey: threadQueryOptions(threadId).queryKey });
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

/** The cached copy of a message, if its page is loaded. */
export function findMessage(data: InfiniteData<Page<MessageItem>, string | null> | undefined, messageId: string): MessageItem | undefined {
  for (const page of data?.pages ?? []) {
    const found = page.items.find((m) => m.id === messageId);
    if (found) return found;
  }
  return undefined;
}

/**
 * Puts an HTTP answer (the message as it was when the request was accepted) into the cache only if no
 * live event replaced the cached copy since the request started (`before`: that copy then, or
 * undefined for a new message). The worker can deliver a reply and its `message.updated` event can
 * arrive before the answer to the request that queued it; replacing then turned "sent" back into
 * "queued" for good.
 */
export function addAnswer(data: InfiniteData<Page<MessageItem>, string | null> | undefined, message: MessageItem, before: MessageItem | undefined) {
  const cached = findMessage(data, message.id);
  return cached && cached !== before ? data : addMessage(data, message);
}
