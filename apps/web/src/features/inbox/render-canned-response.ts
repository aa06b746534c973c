import { useMutation } from '@tanstack/react-query';
import { api } from '../../shared/api/http';

/** POST /api/canned-responses/:id/render {threadId}: the text with its {{variables}} filled for this thread. */
export const renderCannedResponse = ({ id, threadId }: { id: string; threadId: string }) =>
  api<{ text: string }>(`/canned-responses/${encodeURIComponent(id)}/render`, { method: 'POST', body: { threadId } });

export const useRenderCannedResponse = () => useMutation({ mutationFn: renderCannedResponse });
