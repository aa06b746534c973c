import { useMutation } from '@tanstack/react-query';
import type { Network, StartConnectRequest, StartConnectResponse } from '@resonance/contracts';
import { api } from '../../shared/api/http';

/**
 * Starts a network's OAuth flow: the API answers with the network's authorization URL (the sim's
 * in demo mode) and the browser goes there; the network sends it back to the API's callback,
 * which returns to /channels.
 */
export const startConnect = ({ network, channelId }: { network: Network; channelId?: string }) =>
  api<StartConnectResponse>(`/channels/connect/${network}`, { method: 'POST', body: (channelId ? { channelId } : {}) satisfies StartConnectRequest });

export function useStartConnect() {
  return useMutation({
    mutationFn: startConnect,
    onSuccess: (answer) => window.location.assign(answer.authorizationUrl),
  });
}
