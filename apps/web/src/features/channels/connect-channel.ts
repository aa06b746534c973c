import { useMutation } from '@tanstack/react-query';
import type { ConnectSetup, Network, StartConnectRequest, StartConnectResponse } from '@resonance/contracts';
import { api } from '../../shared/api/http';

/**
 * Starts a network's OAuth flow: the API answers with the network's authorization URL (the sim's
 * in demo mode) and the browser goes there; the network sends it back to the API's callback,
 * which returns to /channels. `setup` picks one of the network's ways to sign in (Instagram's two).
 */
export const startConnect = ({ network, channelId, setup }: { network: Network; channelId?: string; setup?: ConnectSetup }) =>
  api<StartConnectResponse>(`/channels/connect/${network}`, {
    method: 'POST',
    body: { ...(channelId ? { channelId } : {}), ...(setup ? { setup } : {}) } satisfies StartConnectRequest,
  });

export function useStartConnect() {
  return useMutation({
    mutationFn: startConnect,
    onSuccess: (answer) => window.location.assign(answer.authorizationUrl),
  });
}
