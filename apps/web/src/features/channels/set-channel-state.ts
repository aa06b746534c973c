import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChannelView, UpdateChannelRequest } from '@resonance/contracts';
import { api } from '../../shared/api/http';
import { channelsQueryOptions } from './list-channels';

/** Pause or resume syncing a channel: PATCH /api/channels/:id {status: 'paused' | 'connected'} (admins). */
export const setChannelState = ({ id, action }: { id: string; action: 'pause' | 'resume' }) =>
  api<ChannelView>(`/channels/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: { status: action === 'pause' ? 'paused' : 'connected' } satisfies UpdateChannelRequest,
  });

export function useSetChannelState() {
  const client = useQueryClient();
  return useMutation({ mutationFn: setChannelState, onSettled: () => void client.invalidateQueries({ queryKey: channelsQueryOptions().queryKey }) });
}
