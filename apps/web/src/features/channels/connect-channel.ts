import { useMutation } from '@tanstack/react-query';
import type { Network } from '@resonance/contracts';
import { api } from '../../shared/api/http';

/**
 * Starts a network's OAuth flow: the API answers with the network's authorization URL (the sim's
 * in demo mode) and the browser goes there; the network sends it back to the API's callback,
 * which returns to /channels.
 */
export const startConnect = ({ network, channelId }: { network: Network; channelId?: string }) =>
  api<{ authorizationUrl?: string; url?: string }>(`/channels/connect/${network}`, { method: 'POST', body: channelId ? { channelId } : {} });

export function useStartConnect() {
  return useMutation({
    mutationFn: startConnect,
    onSuccess: (answer) => {
      const target = answer.authorizationUrl ?? answer.url;
      if (target) window.location.assign(target);
    },
  });
}
