import type { Network } from '@resonance/contracts';
import type { GeneratedItem } from '../generator';
import type { SimClock } from './clock';
import type { FaultOptions, FaultState } from './faults';
import type { SimRequest, SimResponse } from './http';
import type { WebhookDispatcher } from './webhooks';
import type { TruthItem, World } from './world';

/** Settings of one sim instance (from Config, or from a test). */
export interface SimSettings {
  seed: number;
  trafficPerMinute: number;
  webhookUrl: string | null;
  /** Deliveries a module makes go to `${webhookUrl}/${network}`. */
  webhookRetryDelaysMs: number[];
}

/** What every network module gets from the core. */
export interface SimContext {
  settings: SimSettings;
  world: World;
  faults: FaultState;
  clock: SimClock;
  webhooks: WebhookDispatcher;
}

/**
 * One simulated network, mounted under /{network}. The core handles hangs and delays; the module
 * answers everything else, including its own error bodies for rate-limit and server faults.
 */
export interface NetworkModule {
  readonly network: Network;
  /** Answers a request below /{network}; must never throw for a bad request. */
  handle(req: SimRequest): Promise<SimResponse> | SimResponse;
  /** The network's own body for an injected fault, or undefined to let the request through. */
  faultResponse?(kind: 'rate_limit' | 'server_error', options: FaultOptions, req: SimRequest): SimResponse;
  /** The network's own 500 body, for the rare bug in a handler. */
  internalError(): SimResponse;
  /** Puts generated items on the network (and sends their webhooks); returns their ground truth. */
  ingest?(items: GeneratedItem[]): TruthItem[];
  /** false: the network has no private messages the product reads (generated messages are dropped). */
  readonly privateMessages?: boolean;
  /** The numbers the network's ids are made of, so a restarted world never reuses one. */
  readonly ids?: IdCounters;
}

/** A store's id counters (insertion order, serials of items created through the API). */
export interface IdCounters {
  readonly idHighWater: number;
  resumeAbove(floor: number): void;
}

/** Optional network-specific control routes, mounted at /_sim/{network}/... */
export interface NetworkControl {
  control?(req: SimRequest, subpath: string): Promise<SimResponse | undefined> | SimResponse | undefined;
}
