import { useMutation } from '@tanstack/react-query';
import type { PresenceRequest, PresenceState } from '@resonance/contracts';
import { api } from '../../shared/api/http';

export type { PresenceState };

/** POST /api/threads/:id/presence — renewed every ~10 s while a thread is open. */
export const setPresence = ({ threadId, state }: { threadId: string; state: PresenceState }) =>
  api<undefined>(`/threads/${encodeURIComponent(threadId)}/presence`, { method: 'POST', body: { state } satisfies PresenceRequest });

export const useSetPresence = () => useMutation({ mutationFn: setPresence, retry: false });
