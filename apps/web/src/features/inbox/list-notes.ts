import { queryOptions, useQuery } from '@tanstack/react-query';
import type { NoteItem } from '@resonance/contracts';
import { api } from '../../shared/api/http';

/** GET /api/threads/:id/notes — internal notes, never sent, oldest first. */
export const listNotes = (threadId: string, signal?: AbortSignal) => api<NoteItem[]>(`/threads/${encodeURIComponent(threadId)}/notes`, { signal });

export const notesQueryOptions = (threadId: string) =>
  queryOptions({ queryKey: ['threads', 'notes', threadId], queryFn: ({ signal }) => listNotes(threadId, signal) });

export const useNotes = (threadId: string | undefined) => useQuery({ ...notesQueryOptions(threadId ?? ''), enabled: !!threadId });
