import { NETWORKS, type Network } from '@resonance/contracts';
import type { Config } from '@resonance/config';
import { createFacebookConnector } from './facebook/connector';
import { createInstagramConnector } from './instagram/connector';
import { createLinkedInConnector } from './linkedin/connector';
import type { Connector } from './interfaces';
import { createXingConnector } from './xing/connector';
import { createXConnector } from './x/connector';
import { createYoutubeConnector } from './youtube/connector';

/** Raised at startup when a network has no connector (not even a "not yet available" one). */
export class ConnectorRegistryError extends Error {
  constructor(readonly missing: Network[]) {
    super(`no connector registered for: ${missing.join(', ')} (every network needs one, see libs/connectors/src/registry.ts)`);
    this.name = 'ConnectorRegistryError';
  }
}

/** One connector per network; construction fails when any network lacks one. */
export class ConnectorRegistry {
  private readonly byNetwork: ReadonlyMap<Network, Connector>;

  constructor(connectors: Connector[]) {
    const map = new Map<Network, Connector>();
    for (const c of connectors) {
      if (map.has(c.network)) throw new Error(`two connectors registered for ${c.network}`);
      map.set(c.network, c);
    }
    const missing = NETWORKS.filter((n) => !map.has(n));
    if (missing.length) throw new ConnectorRegistryError(missing);
    this.byNetwork = map;
  }

  get(network: Network): Connector {
    const connector = this.byNetwork.get(network);
    if (!connector) throw new ConnectorRegistryError([network]);
    return connector;
  }

  all(): Connector[] {
    return NETWORKS.map((n) => this.get(n));
  }
}

/** The connectors of this build. A network gets its real connector in its own issue. */
export function createConnectors(config: Config): Connector[] {
  return [
    createFacebookConnector(config),
    createInstagramConnector(config),
    createXConnector(config),
    createLinkedInConnector(config),
    createYoutubeConnector(config),
    createXingConnector(config),
  ];
}

export const createConnectorRegistry = (config: Config): ConnectorRegistry => new ConnectorRegistry(createConnectors(config));
