import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type {
  LiveEvent,
  LiveRefetchPolicy,
  LiveRefetchScope,
  MessageItem,
  NoteItem,
  PresenceEntry,
  StreamEvent,
  ThreadDetail,
  ThreadItem,
} from '@resonance/contracts';
import type { Page } from '../../shared/api/http';
import { writeFresh } from '../../shared/api/write-fresh';
import { removeNote, replaceNote } from '../notes/note-mutations';
import { applyNotificationEvent } from '../notifications/notifications';
import { threadQueryOptions } from './get-thread';
import { notesQueryOptions } from './list-notes';
import { messagesQueryOptions } from './list-messages';
import { addMessage } from './send-reply';

export const PRESENCE_KEY = ['presence'] as const;

function replaceThreadInLists(client: QueryClient, thread: ThreadItem): boolean {
  let seen = false;
  client.setQueriesData<InfiniteData<Page<ThreadItem>, string | null>>({ queryKey: ['threads', 'list'] }, (data) => {
    if (!data) return data;
    return {
      ...data,
      pages: data.pages.map((page) => ({
        ...page,
        items: page.items.map((t) => {
          if (t.id !== thread.id) return t;
          seen = true;
          return thread;
        }),
      })),
    };
  });
  return seen;
}

function applyPresence(client: QueryClient, entry: Extract<LiveEvent, { type: 'presence' }>) {
  client.setQueryData<PresenceEntry[]>(PRESENCE_KEY, (old = []) => {
    const rest = old.filter((p) => !(p.threadId === entry.threadId && p.user.id === entry.user.id) && new Date(p.expiresAt).getTime() > Date.now());
    if (entry.state === 'left') return rest;
    return [...rest, { threadId: entry.threadId, user: entry.user, state: entry.state, expiresAt: entry.expiresAt }];
  });
}

/**
 * What a live refetch invalidates: a message or thread event came with its item, so only the lists
 * (filters and order decide what belongs on them); an `inbox.changed` names nothing, so everything
 * thread-related on screen (lists, the open thread, its messages, notes).
 */
export function refetchLive(client: QueryClient, scope: LiveRefetchScope): Promise<void> {
  return client.invalidateQueries({ queryKey: scope === 'all' ? ['threads'] : ['threads', 'list'] });
}

/**
 * Writes one stream event into the query cache; what it cannot write in place (a list's
 * membership, anything an `inbox.changed` covers) goes to `refetch`, which spaces the refetches
 * out while changes stream. True for `ready` (the stream is live).
 */
export function applyLiveEvent(client: QueryClient, event: StreamEvent, refetch: Pick<LiveRefetchPolicy, 'changed'>): boolean {
  switch (event.type) {
    case 'ready':
      client.setQueryData<PresenceEntry[]>(PRESENCE_KEY, event.presence ?? []);
      return true;
    case 'message.created':
    case 'message.updated':
      writeFresh<InfiniteData<Page<MessageItem>, string | null>>(client, messagesQueryOptions(event.threadId).queryKey, (data) =>
        addMessage(data, event.message),
      );
      refetch.changed('lists');
      break;
    case 'thread.updated':
      writeFresh<ThreadDetail>(client, threadQueryOptions(event.threadId).queryKey, (old) => (old ? { ...old, ...event.thread } : old));
      // Filters may now include or exclude it: a changed item in place, anything else refetched.
      replaceThreadInLists(client, event.thread);
      refetch.changed('lists');
      break;
    case 'note.created':
      writeFresh<NoteItem[]>(client, notesQueryOptions(event.threadId).queryKey, (old) =>
        old && !old.some((n) => n.id === event.note.id) ? [...old, event.note] : old,
      );
      break;
    case 'note.updated':
      writeFresh<NoteItem[]>(client, notesQueryOptions(event.threadId).queryKey, (old) => replaceNote(old, event.note));
      break;
    case 'note.deleted':
      writeFresh<NoteItem[]>(client, notesQueryOptions(event.threadId).queryKey, (old) => removeNote(old, event.noteId));
      break;
    case 'notification.created':
      applyNotificationEvent(client, event.notification);
      break;
    case 'presence':
      applyPresence(client, event);
      break;
    case 'inbox.changed':
      refetch.changed('all');
      break;
    default:
      break;
  }
  return false;
}
