import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../shared/api/http';
import type { NoteItem } from './types';

/** GET /api/threads/:id/notes — internal notes, never sent. Accepts a page or a plain list. */
export async function listNotes(threadId: string, signal?: AbortSignal): Promise<NoteItem[]> {
  const body = await api<Page<NoteItem> | NoteItem[]>(`/threads/${encodeURIComponent(threadId)}/notes`, { signal });
  return Array.isArray(body) ? body : body.items;
}

export const notesQueryOptions = (threadId: string) =>
  queryOptions({ queryKey: ['threads', 'notes', threadId], queryFn: ({ signal }) => listNotes(threadId, signal) });

export const useNotes = (threadId: string | undefined) => useQuery({ ...notesQueryOptions(threadId ?? ''), enabled: !!threadId });
