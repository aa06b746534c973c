import { loadConfig, type Config } from '@resonance/config';
import { isNetwork, NETWORKS, type UnifiedRecord } from '@resonance/contracts';
import type { ParseContext } from './interfaces';
import { createConnectorRegistry, type ConnectorRegistry } from './registry';

/** A payload the parse seam cannot read: unknown network or endpoint, or a network not yet supported. */
export class ParseInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParseInputError';
  }
}

export interface ParsePayloadInput extends ParseContext {
  network: string;
  endpoint: string;
  body: unknown;
  /** HTTP status the body came with; 400 or more means it is an error body. */
  status?: number;
}

let defaultRegistry: ConnectorRegistry | undefined;
// Parsing needs no secrets or URLs: a config from an empty environment (all defaults) is enough,
// and keeps this function pure with respect to the process environment.
const registry = (config?: Config) =>
  config ? createConnectorRegistry(config) : (defaultRegistry ??= createConnectorRegistry(loadConfig({ NODE_ENV: 'test' })));

/**
 * One raw response body (or webhook delivery) as the network sends it → unified records, with the
 * same connector code the workers use (DESIGN.md §4, the `parse` command).
 */
export function parsePayload(input: ParsePayloadInput, config?: Config): UnifiedRecord[] {
  const { network, endpoint, body, status } = input;
  if (!isNetwork(network)) throw new ParseInputError(`unknown network "${network}" (one of: ${NETWORKS.join(', ')})`);
  const connector = registry(config).get(network);
  if (!connector.available) throw new ParseInputError(`${network} is not yet supported by parse (its connector has not been built yet)`);
  if (!connector.endpoints.includes(endpoint)) {
    throw new ParseInputError(`unknown ${network} endpoint "${endpoint}" (one of: ${connector.endpoints.join(', ')})`);
  }
  if (status !== undefined && status >= 400) return [connector.parseError({ status, body }).toRecord()];
  return connector.parse(endpoint, body, { accountId: input.accountId, objectId: input.objectId });
}
