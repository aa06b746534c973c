import type { DataSource } from 'typeorm';
import type { Config } from '@resonance/config';
import type { Network } from '@resonance/contracts';
import { CredentialsCipher, sqlClient } from '@resonance/db';
import { DEMO_ACCOUNTS, type RunningSim, type TruthItem } from '@resonance/sim';
import { channelIntervals, insertNetworkChannel, resetInterval, storedExternalIds } from './freshness-networks.queries';
import { percentile, sleep } from './stats';
import { BENCH_NETWORKS } from './world';

/** Freshness of one network's polling path, against the pacing its channel had (DESIGN.md §6). */
export interface NetworkFreshness {
  p50Ms: number;
  p95Ms: number;
  samples: number;
  missed: number;
  /** The longest interval the channel's schedule had when a sample appeared: the pacing in effect (activity, budget). */
  pacingMs: number;
  /** pacingMs + 2 s: the budget of §6. */
  budgetMs: number;
  withinBudget: boolean;
}

export type FreshnessByNetwork = Record<Network, NetworkFreshness>;

/**
 * One connected channel per network on the sim's demo accounts (the bench's live Facebook page and
 * Instagram account of the ingest measurement for those two), the others created just before the
 * measurement so the ingest and webhook measurements run without them.
 */
export async function createNetworkChannels(
  ds: DataSource,
  config: Config,
  workspaceId: string,
  live: { facebook: string } & Partial<Record<Network, string>>,
): Promise<Record<Network, string>> {
  const cipher = new CredentialsCipher(config.ENCRYPTION_KEY);
  const ids: Partial<Record<Network, string>> = { ...live };
  // Without this the live channels kept the webhook path's one-minute interval (the scheduler keeps an interval it finds stored).
  for (const id of Object.values(live)) await resetInterval.run({ id }, sqlClient(ds));
  for (const network of BENCH_NETWORKS) {
    if (ids[network]) continue;
    const demo = DEMO_ACCOUNTS.find((a) => a.network === network);
    if (!demo) throw new Error(`bench: the sim has no demo ${network} account`);
    const [row] = await insertNetworkChannel.run(
      {
        workspaceId,
        network,
        externalId: demo.externalId,
        displayName: demo.displayName,
        handle: demo.handle,
        credentialsEncrypted: cipher.encrypt(demo.credentials),
      },
      sqlClient(ds),
    );
    ids[network] = row.id;
  }
  return ids as Record<Network, string>;
}

/**
 * A new inbound top-level comment or direct message on the network (posts, replies and the
 * account's own answers are generated on the way). Not a reply: under a comment a rule hid (YouTube:
 * rejected) the network shows no replies, as the sim does, so such a reply never arrives (`--rules`).
 */
function newInboundItem(sim: RunningSim, network: Network): TruthItem {
  for (let i = 0; i < 50; i++) {
    const item = sim.traffic
      .generate(1, network)
      .find((t) => t.kind !== 'post' && !t.fromAccount && (t.kind === 'message' || t.threadExternalId === null || t.threadExternalId === t.externalId));
    if (item) return item;
  }
  throw new Error(`bench: the sim made no inbound item on ${network} in 50 tries`);
}

/**
 * Freshness per network (issue 28): in each round one new inbound item appears on every network at
 * once (after a random offset within the usual interval, so samples do not lock to the schedule),
 * and the clock of each runs until the inbox holds it (its message stored, read every 20 ms). The
 * worker polls with the product's adaptive pacing (webhooks off), so a network whose interval ran
 * away shows here. Each network is judged against the interval its channel had when the item
 * appeared, plus 2 s.
 */
export async function measureFreshnessByNetwork(input: {
  sim: RunningSim;
  ds: DataSource;
  channels: Record<Network, string>;
  rounds: number;
  spreadMs: number;
  timeoutMs: number;
}): Promise<FreshnessByNetwork> {
  const db = sqlClient(input.ds);
  const durations = new Map<Network, number[]>(BENCH_NETWORKS.map((n) => [n, []]));
  const missed = new Map<Network, number>(BENCH_NETWORKS.map((n) => [n, 0]));
  const pacing = new Map<Network, number>(BENCH_NETWORKS.map((n) => [n, 0]));
  const ids = BENCH_NETWORKS.map((n) => input.channels[n]);
  for (let round = 0; round < input.rounds; round++) {
    await sleep(Math.floor(Math.random() * input.spreadMs));
    const intervals = new Map((await channelIntervals.run({ ids }, db)).map((r) => [r.id, r.intervalMs ?? 0]));
    const pending = new Map<Network, TruthItem>();
    for (const network of BENCH_NETWORKS) {
      pacing.set(network, Math.max(pacing.get(network) ?? 0, intervals.get(input.channels[network]) ?? 0));
      pending.set(network, newInboundItem(input.sim, network));
    }
    const start = process.hrtime.bigint();
    const until = Date.now() + input.timeoutMs;
    while (pending.size && Date.now() < until) {
      for (const [network, item] of pending) {
        const stored = await storedExternalIds.run({ channelId: input.channels[network], externalIds: [item.externalId] }, db);
        if (!stored.length) continue;
        durations.get(network)?.push(Number(process.hrtime.bigint() - start) / 1e6);
        pending.delete(network);
      }
      if (pending.size) await sleep(20);
    }
    for (const network of pending.keys()) missed.set(network, (missed.get(network) ?? 0) + 1);
  }
  const result: Partial<FreshnessByNetwork> = {};
  for (const network of BENCH_NETWORKS) {
    const values = durations.get(network) ?? [];
    const pacingMs = pacing.get(network) ?? 0;
    const p95Ms = percentile(values, 95);
    const gone = missed.get(network) ?? 0;
    result[network] = {
      p50Ms: percentile(values, 50),
      p95Ms,
      samples: values.length,
      missed: gone,
      pacingMs,
      budgetMs: pacingMs + 2_000,
      withinBudget: gone === 0 && values.length > 0 && p95Ms <= pacingMs + 2_000,
    };
  }
  return result as FreshnessByNetwork;
}
