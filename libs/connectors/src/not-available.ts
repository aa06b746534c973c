import type { Network } from '@resonance/contracts';
import { ConnectorError } from './errors';
import type { Connector } from './interfaces';

/** The message every call to a network without a connector yet gets: said plainly, never a silent gap. */
export const notYetAvailableMessage = (network: Network) => `${network} is not yet available in Resonance: its connector has not been built yet`;

/**
 * The connector of a network whose own connector has not landed yet. It is registered like any
 * other (the registry check passes), and every capability answers that the network is not yet
 * available, so a channel of that network fails loudly and visibly instead of silently syncing nothing.
 */
export function notYetAvailableConnector(network: Network): Connector {
  const failure = () => new ConnectorError({ network, code: 'INVALID_REQUEST', message: notYetAvailableMessage(network) });
  const fail = (): never => {
    throw failure();
  };
  // The async capabilities reject (never throw synchronously), as an async function that throws would.
  const reject = () => Promise.reject(failure());
  return {
    network,
    available: false,
    endpoints: [],
    baseSyncIntervalMs: 60_000,
    auth: { authorizationUrl: fail, exchangeCode: reject, refresh: reject, revoke: reject },
    sync: {
      streams: [],
      pages: () => ({
        [Symbol.asyncIterator]: () => ({ next: reject }),
      }),
    },
    reply: { refusal: () => notYetAvailableMessage(network), findExisting: reject, send: reject },
    parse: fail,
    parseError: (response) =>
      new ConnectorError({
        network,
        code: 'UNKNOWN',
        message: `HTTP ${response.status} from ${network} (${notYetAvailableMessage(network)})`,
        status: response.status,
      }),
    readBudget: () => undefined,
  };
}
