import type { SimContext } from './network-module';

/**
 * API requests each network of a sim answered (control requests not counted), so a benchmark can
 * say how many network calls a sync run made (`GET /_sim/requests`). Kept beside the context
 * rather than in it: only the server counts and only the control API reads.
 */
const counts = new WeakMap<SimContext, Map<string, number>>();

export function countRequest(ctx: SimContext, network: string): void {
  let byNetwork = counts.get(ctx);
  if (!byNetwork) counts.set(ctx, (byNetwork = new Map<string, number>()));
  byNetwork.set(network, (byNetwork.get(network) ?? 0) + 1);
}

export function requestCounts(ctx: SimContext): Record<string, number> {
  return Object.fromEntries(counts.get(ctx) ?? []);
}
