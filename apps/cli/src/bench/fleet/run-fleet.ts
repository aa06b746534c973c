import { randomBytes } from 'node:crypto';
import { loadConfig, testServices, type Config } from '@resonance/config';
import { sqlClient } from '@resonance/db';
import { createQueueBackend, prepareQueueBackend, QueueName } from '@resonance/queue';
import { BENCH_APPLICATION, createBenchDatabase, type BenchDatabase } from '../database';
import { freePort, startProductProcess, waitFor, type ProductProcess } from '../processes';
import { removeQueueKeys } from '../queue-keys';
import { productEnv, withTimeout } from '../run';
import { startSimProcess, type SimProcess } from '../sim-process';
import { round, sleep } from '../stats';
import { BENCH_NETWORKS } from '../world';
import { databaseCommits, productConnections, syncedChannels } from './fleet.queries';
import { createFleet } from './fleet-world';
import { SyncLateness, type LatenessNumbers } from './lateness';
import { loadAverage, machineBusyMs, processCpuMs, processRunQueueWaitMs, ProcessSetCpu } from './process-cpu';
import { prefixMemoryBytes } from './redis-memory';
import { redisServerPid } from './redis-process';
import { raiseSimLimits } from './sim-limits';

export interface FleetOptions {
  /** Fleet sizes (channels) to measure one after another; growth is reported from the first to the last. */
  sizes: number[];
  /** SYNC_INTERVAL_MS (and its min and max, so the adaptive pacing does not move it) of the workers. */
  syncIntervalMs: number;
  /** The measurement window after the warm-up; several intervals, so every channel syncs several times. */
  windowMs: number;
  /** Worker processes, and the sync runs each runs at once (WORKER_CONCURRENCY). */
  workers: number;
  concurrency: number;
  /**
   * New items (comments, messages, posts) each channel gets per hour. The sim plays one account per
   * network, so an item reaches every channel of its network: the sim's rate over all networks is
   * this × the networks / 60 a minute (fleetTrafficPerMinute).
   */
  itemsPerChannelHour: number;
}

/**
 * The sim's traffic (items a minute over all networks, round robin) that gives each channel
 * `itemsPerChannelHour`: every channel of a network reads that network's one account.
 */
export function fleetTrafficPerMinute(itemsPerChannelHour: number, networks = BENCH_NETWORKS.length): number {
  return (itemsPerChannelHour * networks) / 60;
}

export interface FleetSizeNumbers {
  channels: number;
  workspaces: number;
  /** When each scheduled sync started against when it was due (target p95 ≤ 2 s). */
  lateness: LatenessNumbers;
  /** CPU of the worker processes (scheduler and sync runs) over the window, in cores (1 = one core busy). */
  workerCpuCores: number;
  workerCpuCoresPer1000Channels: number;
  /**
   * Share of the window the workers' JavaScript was ready to run but waited for a CPU taken by
   * other processes (/proc/<pid>/schedstat; mean over the workers): near 0 on a quiet machine, near
   * 1 when the machine's other load leaves the worker the CPU figure above and no more.
   */
  workerRunQueueWait: number;
  /** CPU of the sim (its own process, as the networks are elsewhere in production) over the window. */
  simCpuCores: number;
  /**
   * Busy CPU of the whole machine (/proc/stat, all cores) per sync run of the window: worker,
   * PostgreSQL, Redis, sim, and whatever else runs on the machine (the load says how much that is).
   */
  machineCpuMsPerRun: number;
  /** CPU of the database server processes behind the product's connections, per run. */
  dbServerCpuMsPerRun: number;
  /** CPU of the Redis server per run (the server is shared: an upper bound of the queue's cost). */
  redisCpuMsPerRun: number | null;
  /** API requests the sim answered per run (every network call of the workers). */
  simCallsPerRun: number;
  /** API requests the sim answered in the window, per network. */
  simCalls: Record<string, number>;
  /** Sync runs started per second in the window (a channel's due rate is channels / interval). */
  runsPerSecond: number;
  /**
   * Transactions committed in the bench database per sync run of the window (pg_stat_database's
   * xact_commit: each statement outside a transaction is one, reads too; a write is a WAL flush).
   */
  dbTransactionsPerRun: number;
  /** Worker CPU per sync run of the window (ms): the cost of a run whatever the machine's load. */
  workerCpuMsPerRun: number;
  /** Connections the product holds on the database (pg_stat_activity), most seen in the window. */
  dbConnectionsMax: number;
  dbConnectionsPer1000Channels: number;
  /** Redis memory of the queue prefix (every key's MEMORY USAGE) at the end of the window. */
  redisBytes: number;
  redisKeys: number;
  redisBytesPerChannel: number;
  workerPeakMb: number;
  warmupMs: number;
  windowMs: number;
  loadAverage: number;
  withinTarget: boolean;
}

export interface FleetResult {
  scenario: 'fleet';
  syncIntervalMs: number;
  windowMs: number;
  workers: number;
  concurrency: number;
  itemsPerChannelHour: number;
  /** The sim's rate over all networks that gives each channel itemsPerChannelHour. */
  trafficPerMinute: number;
  sizes: FleetSizeNumbers[];
  /** Last size over first size: how totals and per-1,000-channel costs grow (null with one size). */
  growth: {
    channels: number;
    workerCpu: number;
    workerCpuPer1000: number;
    dbConnections: number;
    redisBytes: number;
    latenessP95: number;
  } | null;
  totalMs: number;
}

export const LATENESS_TARGET_MS = 2_000;

/** `resonance bench --fleet`: many channels in many workspaces, the real worker and scheduler against the sim. */
export async function runFleetBenchmark(options: FleetOptions, log: (line: string) => void): Promise<FleetResult> {
  const started = Date.now();
  const sizes: FleetSizeNumbers[] = [];
  for (const channels of options.sizes) {
    const numbers = await measureFleetSize(channels, options, log);
    log(
      `fleet ${channels}: lateness p95 ${numbers.lateness.p95Ms} ms (max ${numbers.lateness.maxMs}), ${numbers.lateness.samples} runs (${numbers.runsPerSecond}/s, ` +
        `${numbers.workerCpuMsPerRun} ms worker CPU, ${numbers.machineCpuMsPerRun} ms machine CPU, ${numbers.dbServerCpuMsPerRun} ms database CPU, ` +
        `${numbers.dbTransactionsPerRun} transactions and ${numbers.simCallsPerRun} network calls each), ` +
        `worker CPU ${numbers.workerCpuCores} cores (${numbers.workerCpuCoresPer1000Channels}/1,000; waited for a CPU ${Math.round(numbers.workerRunQueueWait * 100)} % of the window), ` +
        `sim CPU ${numbers.simCpuCores} cores, db connections ${numbers.dbConnectionsMax}, ` +
        `redis ${Math.round(numbers.redisBytes / 1024)} KiB`,
    );
    sizes.push(numbers);
  }
  const first = sizes[0];
  const last = sizes[sizes.length - 1];
  const ratio = (a: number, b: number) => (b > 0 ? round(a / b, 2) : 0);
  return {
    scenario: 'fleet',
    syncIntervalMs: options.syncIntervalMs,
    windowMs: options.windowMs,
    workers: options.workers,
    concurrency: options.concurrency,
    itemsPerChannelHour: options.itemsPerChannelHour,
    trafficPerMinute: round(fleetTrafficPerMinute(options.itemsPerChannelHour), 3),
    sizes,
    growth:
      sizes.length > 1
        ? {
            channels: ratio(last.channels, first.channels),
            workerCpu: ratio(last.workerCpuCores, first.workerCpuCores),
            workerCpuPer1000: ratio(last.workerCpuCoresPer1000Channels, first.workerCpuCoresPer1000Channels),
            dbConnections: ratio(last.dbConnectionsMax, first.dbConnectionsMax),
            redisBytes: ratio(last.redisBytes, first.redisBytes),
            latenessP95: ratio(last.lateness.p95Ms, first.lateness.p95Ms),
          }
        : null,
    totalMs: Date.now() - started,
  };
}

async function measureFleetSize(channels: number, options: FleetOptions, log: (line: string) => void): Promise<FleetSizeNumbers> {
  const config = loadConfig();
  const services = testServices();
  const redisUrl = config.REDIS_URL ?? services.redisUrl;
  const db = await createBenchDatabase(config.DATABASE_URL ?? services.databaseUrl);
  const queuePrefix = `bench_${randomBytes(4).toString('hex')}`;
  const workers: ProductProcess[] = [];
  let sim: SimProcess | undefined;
  const backend = createQueueBackend({ redisUrl, databaseUrl: db.url, prefix: queuePrefix });
  const events = new backend.QueueEvents(QueueName.Sync, { connection: backend.connection as never, prefix: backend.prefix });
  try {
    const ds = db.dataSource;
    const fleet = await createFleet(ds, config, channels);
    log(`fleet: ${fleet.channels} channels in ${fleet.workspaces} workspaces (database ${db.name})`);
    sim = await startSimProcess({
      SIM_HOST: '127.0.0.1',
      SIM_PORT: 0,
      SIM_SEED: 42,
      SIM_TRAFFIC_PER_MINUTE: fleetTrafficPerMinute(options.itemsPerChannelHour),
      SIM_WEBHOOK_URL: 'off',
      SIM_WEBHOOK_RETRY_DELAYS_MS: '200,500',
    });
    await raiseSimLimits(sim, fleet.workspaces);
    await prepareQueueBackend(backend);
    await events.waitUntilReady();
    const lateness = new SyncLateness(events);
    const env = {
      ...(await fleetEnv(config, { databaseUrl: db.url, redisUrl, prefix: queuePrefix, simUrl: sim.url })),
      SYNC_INTERVAL_MS: String(options.syncIntervalMs),
      SYNC_MIN_INTERVAL_MS: String(options.syncIntervalMs),
      SYNC_MAX_INTERVAL_MS: String(options.syncIntervalMs),
      WORKER_CONCURRENCY: String(options.concurrency),
    };
    const warmupStart = Date.now();
    for (let i = 0; i < options.workers; i++) workers.push(startProductProcess('worker', env));
    await withTimeout(Promise.all(workers.map((w) => w.ready)), 120_000, 'the fleet workers to start');
    // Warm-up: every channel's first (backfill) run, then one interval for the schedules to settle.
    const db0 = sqlClient(ds);
    await waitFor(
      async () => ((await syncedChannels.run(undefined, db0))[0].n >= fleet.channels ? true : undefined),
      Math.max(180_000, fleet.channels * 200),
      `all ${fleet.channels} channels to finish their first sync`,
      1_000,
    );
    await sleep(options.syncIntervalMs);
    const warmupMs = Date.now() - warmupStart;
    log(`fleet ${channels}: warm-up done in ${warmupMs} ms; measuring ${options.windowMs} ms`);

    const cpuBefore = workers.map((w) => processCpuMs(w.child.pid) ?? 0);
    const waitBefore = workers.map((w) => processRunQueueWaitMs(w.child.pid) ?? 0);
    const simCpuBefore = processCpuMs(sim.pid) ?? 0;
    const redisPid = await redisServerPid(redisUrl);
    const redisCpuBefore = processCpuMs(redisPid ?? undefined);
    const callsBefore = await simRequests(sim);
    const machineBefore = machineBusyMs();
    const dbServer = new ProcessSetCpu();
    const commitsBefore = Number((await databaseCommits.run(undefined, db0))[0].n);
    const windowStart = Date.now();
    lateness.start();
    let connectionsMax = 0;
    while (Date.now() - windowStart < options.windowMs) {
      const backends = await productConnections.run({ benchApplication: BENCH_APPLICATION }, db0);
      connectionsMax = Math.max(connectionsMax, backends.length);
      dbServer.sample(backends.map((b) => b.pid));
      await sleep(Math.min(1_000, Math.max(0, options.windowMs - (Date.now() - windowStart))));
    }
    lateness.stop();
    dbServer.sample((await productConnections.run({ benchApplication: BENCH_APPLICATION }, db0)).map((b) => b.pid));
    const machineMs = (machineBusyMs() ?? 0) - (machineBefore ?? 0);
    const redisCpuAfter = processCpuMs(redisPid ?? undefined);
    const callsAfter = await simRequests(sim);
    const windowMs = Date.now() - windowStart;
    const cpuMs = workers.reduce((sum, w, i) => sum + ((processCpuMs(w.child.pid) ?? cpuBefore[i]) - cpuBefore[i]), 0);
    const waitMs = workers.reduce((sum, w, i) => sum + ((processRunQueueWaitMs(w.child.pid) ?? waitBefore[i]) - waitBefore[i]), 0);
    const simCpuMs = (processCpuMs(sim.pid) ?? simCpuBefore) - simCpuBefore;
    const commits = Number((await databaseCommits.run(undefined, db0))[0].n) - commitsBefore;
    const redis = await prefixMemoryBytes(redisUrl, queuePrefix);
    const numbers = lateness.numbers();
    const workerCpuCores = round(cpuMs / windowMs, 3);
    const perRun = (ms: number) => (numbers.samples > 0 ? round(ms / numbers.samples, 2) : 0);
    const simCalls = Object.fromEntries(Object.entries(callsAfter).map(([network, n]) => [network, n - (callsBefore[network] ?? 0)]));
    return {
      channels: fleet.channels,
      workspaces: fleet.workspaces,
      lateness: numbers,
      workerCpuCores,
      workerCpuCoresPer1000Channels: round((workerCpuCores * 1000) / fleet.channels, 3),
      workerRunQueueWait: round(waitMs / workers.length / windowMs, 2),
      simCpuCores: round(simCpuMs / windowMs, 3),
      machineCpuMsPerRun: machineBefore === null ? 0 : perRun(machineMs),
      dbServerCpuMsPerRun: perRun(dbServer.usedMs()),
      redisCpuMsPerRun: redisCpuBefore === null || redisCpuAfter === null ? null : perRun(redisCpuAfter - redisCpuBefore),
      simCallsPerRun: perRun(Object.values(simCalls).reduce((a, b) => a + b, 0)),
      simCalls,
      runsPerSecond: round((numbers.samples * 1000) / windowMs, 1),
      dbTransactionsPerRun: numbers.samples > 0 ? round(commits / numbers.samples, 1) : 0,
      workerCpuMsPerRun: numbers.samples > 0 ? round(cpuMs / numbers.samples, 2) : 0,
      dbConnectionsMax: connectionsMax,
      dbConnectionsPer1000Channels: round((connectionsMax * 1000) / fleet.channels, 2),
      redisBytes: redis.bytes,
      redisKeys: redis.keys,
      redisBytesPerChannel: Math.round(redis.bytes / fleet.channels),
      workerPeakMb: Math.max(...workers.map((w) => w.peakMb())),
      warmupMs,
      windowMs,
      loadAverage: loadAverage(),
      withinTarget: numbers.samples > 0 && numbers.p95Ms <= LATENESS_TARGET_MS && numbers.channelsSeen === fleet.channels,
    };
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await events.close().catch(() => undefined);
    await sim?.close();
    await removeQueueKeys(redisUrl, queuePrefix).catch((error: unknown) =>
      process.stderr.write(`bench: could not remove the queue keys ${queuePrefix}:*: ${error instanceof Error ? error.message : String(error)}\n`),
    );
    await closeFleetDatabase(db);
  }
}

/** API requests the sim answered so far, per network. */
async function simRequests(sim: SimProcess): Promise<Record<string, number>> {
  const res = await fetch(`${sim.url}/_sim/requests`);
  if (!res.ok) throw new Error(`bench: the sim answered ${res.status} to GET /_sim/requests`);
  return ((await res.json()) as { requests: Record<string, number> }).requests;
}

async function fleetEnv(config: Config, p: { databaseUrl: string; redisUrl: string; prefix: string; simUrl: string }): Promise<Record<string, string>> {
  // The worker needs no api; the port is only there for the configuration's PUBLIC_URL.
  return productEnv(config, { ...p, port: await freePort() });
}

async function closeFleetDatabase(db: BenchDatabase): Promise<void> {
  await db
    .close({ keep: false })
    .catch((error: unknown) => process.stderr.write(`bench: could not drop ${db.name}: ${error instanceof Error ? error.message : String(error)}\n`));
}
