import type { AgentsOptions } from './agents/run-agents';
import type { FleetOptions } from './fleet/run-fleet';
import { BENCH_USAGE, BenchUsageError, parseBenchOptions, type BenchOptions } from './options';

/** What `resonance bench` runs: the budgets of DESIGN.md §6 (default), the fleet or the agents scenario. */
export type BenchCommand =
  | { scenario: 'budgets'; json: boolean; options: BenchOptions }
  | { scenario: 'fleet'; json: boolean; options: FleetOptions }
  | { scenario: 'agents'; json: boolean; options: AgentsOptions };

export const SCENARIO_USAGE = `${BENCH_USAGE}
resonance bench --fleet [--channels <n>] [--sync-interval <ms>] [--window <s>] [--workers <n>] [--concurrency <n>] [--items-per-channel-hour <n>] [--json]
  --fleet          many channels in many workspaces (one per network of the bench) on the sim (own process);
                   without --channels it measures 1,000 then 5,000 channels and reports the growth
  --sync-interval  the workers' SYNC_INTERVAL_MS, pinned (default 60000, the product's default)
  --window         seconds measured after the warm-up (default 180: three runs per channel)
  --workers        worker processes (default 1); --concurrency: their WORKER_CONCURRENCY (default 8)
  --items-per-channel-hour  new items each channel gets an hour (default 6: a light channel; 600 is
                   the heavy traffic of the first two fleet passes)
resonance bench --agents <n> [--comments-per-second <r>] [--duration <s>] [--json]
  --agents         n agents, each signed in with a live event stream, listing, opening and replying
                   while r comments per second (default 2000) arrive through ingest for <s> seconds (default 60)`;

const FLEET_DEFAULTS: FleetOptions = { sizes: [1_000, 5_000], syncIntervalMs: 60_000, windowMs: 180_000, workers: 1, concurrency: 8, itemsPerChannelHour: 6 };
const AGENTS_DEFAULTS = { commentsPerSecond: 2_000, durationMs: 60_000 };

/** Parses `resonance bench …`; throws BenchUsageError with a sentence saying what is wrong. */
export function parseBenchCommand(argv: string[]): BenchCommand {
  const fleet = argv.includes('--fleet');
  const agents = argv.includes('--agents');
  if (fleet && agents) throw new BenchUsageError('--fleet and --agents are separate runs; give one of them');
  if (!fleet && !agents) return { scenario: 'budgets', json: argv.includes('--json'), options: parseBenchOptions(argv) };
  const values = new Map<string, string>();
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (arg === '--fleet') continue;
    else if (VALUE_FLAGS[fleet ? 'fleet' : 'agents'].includes(arg)) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new BenchUsageError(`${arg} needs a number`);
      values.set(arg, value);
      i += 1;
    } else throw new BenchUsageError(`unknown option "${arg}" for ${fleet ? '--fleet' : '--agents'}`);
  }
  if (fleet) {
    const channels = values.has('--channels') ? integer(values, '--channels', 1, 100_000) : null;
    return {
      scenario: 'fleet',
      json,
      options: {
        ...FLEET_DEFAULTS,
        sizes: channels === null ? FLEET_DEFAULTS.sizes : [channels],
        syncIntervalMs: values.has('--sync-interval') ? integer(values, '--sync-interval', 100, 3_600_000) : FLEET_DEFAULTS.syncIntervalMs,
        windowMs: values.has('--window') ? integer(values, '--window', 1, 3_600) * 1000 : FLEET_DEFAULTS.windowMs,
        workers: values.has('--workers') ? integer(values, '--workers', 1, 16) : FLEET_DEFAULTS.workers,
        concurrency: values.has('--concurrency') ? integer(values, '--concurrency', 1, 256) : FLEET_DEFAULTS.concurrency,
        itemsPerChannelHour: values.has('--items-per-channel-hour')
          ? integer(values, '--items-per-channel-hour', 0, 100_000)
          : FLEET_DEFAULTS.itemsPerChannelHour,
      },
    };
  }
  return {
    scenario: 'agents',
    json,
    options: {
      agents: integer(values, '--agents', 1, 5_000),
      commentsPerSecond: values.has('--comments-per-second') ? integer(values, '--comments-per-second', 1, 100_000) : AGENTS_DEFAULTS.commentsPerSecond,
      durationMs: values.has('--duration') ? integer(values, '--duration', 1, 3_600) * 1000 : AGENTS_DEFAULTS.durationMs,
    },
  };
}

const VALUE_FLAGS = {
  fleet: ['--channels', '--sync-interval', '--window', '--workers', '--concurrency', '--items-per-channel-hour'],
  agents: ['--agents', '--comments-per-second', '--duration'],
};

function integer(values: Map<string, string>, flag: string, min: number, max: number): number {
  const raw = values.get(flag);
  const n = Number(raw);
  if (raw === undefined || !Number.isInteger(n) || n < min || n > max) throw new BenchUsageError(`${flag} must be a whole number from ${min} to ${max}`);
  return n;
}
