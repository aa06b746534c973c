import { useMutation } from '@tanstack/react-query';
import type { RenderCannedResponseRequest, RenderedCannedResponse } from '@resonance/contracts';
import { api } from '../../shared/api/http';

/** POST /api/canned-responses/:id/render {threadId}: the text with its {{variables}} filled for this thread. */
export const renderCannedResponse = ({ id, threadId }: RenderCannedResponseRequest & { id: string }) =>
  api<RenderedCannedResponse>(`/canned-responses/${encodeURIComponent(id)}/render`, {
    method: 'POST',
    body: { threadId } satisfies RenderCannedResponseRequest,
  });

export const useRenderCannedResponse = () => useMutation({ mutationFn: renderCannedResponse });
