import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SyncNowResponse } from '@resonance/contracts';
import { api } from '../../shared/api/http';
import { channelsQueryOptions } from './list-channels';

/** "Sync now": POST /api/channels/:id/sync (admins); refused with a code while the network's budget is spent. */
export const syncChannelNow = (id: string) => api<SyncNowResponse>(`/channels/${encodeURIComponent(id)}/sync`, { method: 'POST' });

export function useSyncNow() {
  const client = useQueryClient();
  return useMutation({ mutationFn: syncChannelNow, onSettled: () => void client.invalidateQueries({ queryKey: channelsQueryOptions().queryKey }) });
}
