import type { Network } from '@resonance/contracts';
import type { Rng, ZipfSampler } from '@resonance/sim';
import type { BenchOptions } from './options';
import type { TextPool } from './text-pool';
import type { BenchWorld } from './world';

/** What the thread writer needs to know about the world it writes into. */
export interface BulkPlan {
  world: BenchWorld;
  options: BenchOptions;
  now: number;
  rng: Rng;
  pool: TextPool;
  pickNetwork(): Network;
  hasDirect: Record<Network, boolean>;
  /** Post ids of a channel in time order, and their external ids. */
  posts: Record<Network, { ids: number[]; times: number[] }>;
  contactBase: Record<Network, number>;
  contactsPerChannel: number;
  zipf: ZipfSampler;
}
