import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateNoteRequest, NoteItem } from '@resonance/contracts';
import { api } from '../../shared/api/http';
import { notesQueryOptions } from './list-notes';

export const addNote = ({ threadId, text }: { threadId: string; text: string }) =>
  api<NoteItem>(`/threads/${encodeURIComponent(threadId)}/notes`, { method: 'POST', body: { text } satisfies CreateNoteRequest });

export function useAddNote() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: addNote,
    onSuccess: (note, { threadId }) =>
      client.setQueryData(notesQueryOptions(threadId).queryKey, (old: NoteItem[] | undefined) =>
        old?.some((n) => n.id === note.id) ? old : [...(old ?? []), note],
      ),
  });
}
