import { useEffect, useRef, useState } from 'react';
import { useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { LIVE_EVENT_TYPES, type LiveEvent, type MessageItem, type NoteItem, type PresenceEntry, type StreamEvent, type ThreadItem } from '@resonance/contracts';
import type { Page } from '../../shared/api/http';
import { removeNote, replaceNote } from '../notes/note-mutations';
import { applyNotificationEvent } from '../notifications/notifications';
import { threadQueryOptions } from './get-thread';
import { notesQueryOptions } from './list-notes';
import { messagesQueryOptions } from './list-messages';
import { addMessage } from './send-reply';
import { liveSignal } from '../../shared/time/stall';

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

/** `stalled`: open, but silent past a missed heartbeat (amber); `lost`: closed or silent past two (red). */
export type LiveState = 'connecting' | 'live' | 'stalled' | 'lost';

/**
 * Keeps the inbox live: subscribes to GET /api/events (server-sent events) and writes what arrives
 * into the query cache, so lists, conversations and delivery states update without reload. The
 * browser's EventSource reconnects by itself after an error; after a gap everything on screen is
 * refetched. A frozen api closes nothing, so the stream's silence is watched too (the api pings
 * every 15 s): a missed ping shows as stalled, a second one as lost, and the stream is reopened.
 */
export function useLiveEvents(): LiveState {
  const client = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  const listRefetch = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let lastSignal = Date.now();
    let open = false;
    const refreshLists = () => {
      if (listRefetch.current) return;
      listRefetch.current = setTimeout(() => {
        listRefetch.current = null;
        void client.invalidateQueries({ queryKey: ['threads', 'list'] });
      }, 300);
    };
    let hadError = false;
    let source: EventSource;
    const onEvent = (raw: MessageEvent<string>) => {
      lastSignal = Date.now();
      if (open) setState('live');
      let event: StreamEvent;
      try {
        event = JSON.parse(raw.data) as StreamEvent;
      } catch {
        return;
      }
      switch (event.type) {
        case 'ready':
          client.setQueryData<PresenceEntry[]>(PRESENCE_KEY, event.presence ?? []);
          setState('live');
          break;
        case 'message.created':
        case 'message.updated':
          client.setQueryData<InfiniteData<Page<MessageItem>, string | null>>(messagesQueryOptions(event.threadId).queryKey, (data) =>
            addMessage(data, event.message),
          );
          refreshLists();
          break;
        case 'thread.updated':
          client.setQueryData(threadQueryOptions(event.threadId).queryKey, (old) => (old ? { ...old, ...event.thread } : old));
          // Filters may now include or exclude it: a changed item in place, anything else refetched.
          replaceThreadInLists(client, event.thread);
          refreshLists();
          break;
        case 'note.created':
          client.setQueryData<NoteItem[]>(notesQueryOptions(event.threadId).queryKey, (old) =>
            old && !old.some((n) => n.id === event.note.id) ? [...old, event.note] : old,
          );
          break;
        case 'note.updated':
          client.setQueryData<NoteItem[]>(notesQueryOptions(event.threadId).queryKey, (old) => replaceNote(old, event.note));
          break;
        case 'note.deleted':
          client.setQueryData<NoteItem[]>(notesQueryOptions(event.threadId).queryKey, (old) => removeNote(old, event.noteId));
          break;
        case 'notification.created':
          applyNotificationEvent(client, event.notification);
          break;
        case 'presence':
          applyPresence(client, event);
          break;
        case 'inbox.changed':
          void client.invalidateQueries({ queryKey: ['threads'] });
          break;
        default:
          break;
      }
    };
    const connect = () => {
      source = new EventSource('/api/events', { withCredentials: true });
      source.onopen = () => {
        open = true;
        lastSignal = Date.now();
        setState('live');
        if (hadError) void client.invalidateQueries({ queryKey: ['threads'] });
        hadError = false;
      };
      source.onerror = () => {
        open = false;
        hadError = true;
        setState('lost');
      };
      for (const type of LIVE_EVENT_TYPES) source.addEventListener(type, onEvent as EventListener);
      source.onmessage = onEvent;
    };
    connect();
    const watch = setInterval(() => {
      if (!open) return;
      const signal = liveSignal(Date.now() - lastSignal);
      if (signal === 'slow') setState('stalled');
      if (signal === 'down') {
        // Silent past two pings: the connection is dead without knowing it. Open a new one.
        open = false;
        hadError = true;
        setState('lost');
        source.close();
        lastSignal = Date.now();
        connect();
      }
    }, 2_000);
    return () => {
      clearInterval(watch);
      source.close();
      if (listRefetch.current) clearTimeout(listRefetch.current);
    };
  }, [client]);

  return state;
}
