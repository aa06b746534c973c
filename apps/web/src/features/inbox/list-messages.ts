import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { MessageItem } from '@resonance/contracts';
import { api, type Page } from '../../shared/api/http';

export const MESSAGE_PAGE_SIZE = 100;

/** One keyset page of a thread's messages (GET /api/threads/:id/messages), oldest first. */
export const listMessages = (threadId: string, cursor: string | null, signal?: AbortSignal) =>
  api<Page<MessageItem>>(`/threads/${encodeURIComponent(threadId)}/messages`, { signal, query: { limit: MESSAGE_PAGE_SIZE, cursor } });

export const messagesQueryOptions = (threadId: string) =>
  infiniteQueryOptions({
    queryKey: ['threads', 'messages', threadId],
    queryFn: ({ pageParam, signal }) => listMessages(threadId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export const useMessages = (threadId: string | undefined) => useInfiniteQuery({ ...messagesQueryOptions(threadId ?? ''), enabled: !!threadId });
