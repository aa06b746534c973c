import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NoteItem, UpdateNoteRequest } from '@resonance/contracts';
import { api } from '../../shared/api/http';
import { notesQueryOptions } from '../inbox/list-notes';

/** PATCH /api/notes/:id — its author changes the text (mentions as `<@id>`). */
export const updateNote = ({ id, text }: { id: string; text: string }) =>
  api<NoteItem>(`/notes/${encodeURIComponent(id)}`, { method: 'PATCH', body: { text } satisfies UpdateNoteRequest });

/** DELETE /api/notes/:id — its author, or an admin. */
export const deleteNote = ({ id }: { id: string; threadId: string }) => api<undefined>(`/notes/${encodeURIComponent(id)}`, { method: 'DELETE' });

export function useUpdateNote() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: updateNote,
    onSuccess: (note) => client.setQueryData(notesQueryOptions(note.threadId).queryKey, (old: NoteItem[] | undefined) => replaceNote(old, note)),
  });
}

export function useDeleteNote() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: deleteNote,
    onSuccess: (_none, { id, threadId }) => client.setQueryData(notesQueryOptions(threadId).queryKey, (old: NoteItem[] | undefined) => removeNote(old, id)),
  });
}

/** The list with this note's new version in its place (live `note.updated` too). */
export const replaceNote = (old: NoteItem[] | undefined, note: NoteItem): NoteItem[] | undefined => old?.map((n) => (n.id === note.id ? note : n));

/** The list without this note (live `note.deleted` too). */
export const removeNote = (old: NoteItem[] | undefined, id: string): NoteItem[] | undefined => old?.filter((n) => n.id !== id);
