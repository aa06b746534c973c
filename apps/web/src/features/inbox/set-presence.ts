import { useMutation } from '@tanstack/react-query';
import { api } from '../../shared/api/http';

export type PresenceState = 'viewing' | 'typing' | 'left';

/** POST /api/threads/:id/presence — renewed every ~10 s while a thread is open. */
export const setPresence = ({ threadId, state }: { threadId: string; state: PresenceState }) =>
  api<void>(`/threads/${encodeURIComponent(threadId)}/presence`, { method: 'POST', body: { state } });

export const useSetPresence = () => useMutation({ mutationFn: setPresence, retry: false });
