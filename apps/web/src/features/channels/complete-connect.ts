import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/http';
import { channelsQueryOptions, type ChannelView } from './list-channels';

/** POST /api/channels/connect/pending/:id — connects (or reconnects) the picked accounts; their first sync starts. */
export const completeConnect = ({ id, externalIds }: { id: string; externalIds: string[] }) =>
  api<{ channels: ChannelView[] }>(`/channels/connect/pending/${encodeURIComponent(id)}`, { method: 'POST', body: { externalIds } });

export function useCompleteConnect() {
  const client = useQueryClient();
  return useMutation({ mutationFn: completeConnect, onSettled: () => void client.invalidateQueries({ queryKey: channelsQueryOptions().queryKey }) });
}
