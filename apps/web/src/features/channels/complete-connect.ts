import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CompleteConnectRequest, CompleteConnectResponse } from '@resonance/contracts';
import { api } from '../../shared/api/http';
import { channelsQueryOptions } from './list-channels';

/** POST /api/channels/connect/pending/:id — connects (or reconnects) the picked accounts; their first sync starts. */
export const completeConnect = ({ id, externalIds }: CompleteConnectRequest & { id: string }) =>
  api<CompleteConnectResponse>(`/channels/connect/pending/${encodeURIComponent(id)}`, {
    method: 'POST',
    body: { externalIds } satisfies CompleteConnectRequest,
  });

export function useCompleteConnect() {
  const client = useQueryClient();
  return useMutation({ mutationFn: completeConnect, onSettled: () => void client.invalidateQueries({ queryKey: channelsQueryOptions().queryKey }) });
}
