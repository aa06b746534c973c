import { existsSync } from 'node:fs';
import IORedis from 'ioredis';
import { testServices } from '@resonance/config';
import { runAgentsBenchmark } from '../src/bench/agents/run-agents';
import { runFleetBenchmark } from '../src/bench/fleet/run-fleet';
import { productEntry } from '../src/bench/processes';
import { parseBenchCommand } from '../src/bench/scenario-options';
import { BENCH_NETWORKS } from '../src/bench/world';

/**
 * Smoke runs of the scale-out scenarios at a tiny size: the harness works end to end (real worker,
 * api, sim, PostgreSQL and Redis) and answers in the documented shape. The targets are the
 * benchmark's to judge at scale (docs/benchmarks.md), not this test's.
 */
describe('resonance bench --fleet / --agents (smoke runs)', () => {
  const redis = new IORedis(testServices().redisUrl);
  const benchPrefixes = async () => new Set((await redis.keys('bench_*:*')).map((k) => k.split(':')[0]));
  afterAll(() => redis.disconnect());

  beforeAll(() => {
    // The scenarios start api and worker from their built output (npm test builds first).
    for (const name of ['api', 'worker'] as const) expect(existsSync(productEntry(name))).toBe(true);
  });

  it('--fleet: every channel runs on its schedule in the window, with CPU, connections and Redis memory', async () => {
    const command = parseBenchCommand(['--fleet', '--channels', '10', '--sync-interval', '1000', '--window', '4']);
    if (command.scenario !== 'fleet') throw new Error('expected the fleet scenario');
    const before = await benchPrefixes();
    const result = await runFleetBenchmark(command.options, () => undefined);
    expect([...(await benchPrefixes())].filter((p) => !before.has(p))).toEqual([]);
    expect(result.growth).toBeNull();
    const [size] = result.sizes;
    // One channel per network in each workspace: at least 10 channels.
    const workspaces = Math.ceil(10 / BENCH_NETWORKS.length);
    expect(size).toMatchObject({ channels: workspaces * BENCH_NETWORKS.length, workspaces });
    // Four seconds at a one-second interval: every channel ran on its schedule at least twice.
    expect(size.lateness.channelsSeen).toBe(size.channels);
    expect(size.lateness.minRunsPerChannel).toBeGreaterThanOrEqual(2);
    expect(size.lateness.failedRuns).toBe(0);
    expect(size.workerCpuCores).toBeGreaterThan(0);
    expect(size.dbConnectionsMax).toBeGreaterThan(0);
    expect(size.redisBytes).toBeGreaterThan(0);
    // Every run calls its network at least once (the sim counts the calls), and costs the machine and the database CPU.
    expect(size.simCallsPerRun).toBeGreaterThanOrEqual(1);
    expect(size.machineCpuMsPerRun).toBeGreaterThan(0);
    expect(size.dbServerCpuMsPerRun).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  }, 240_000);

  it('--agents: agents list, open and answer threads while comments arrive, and their streams see the commits', async () => {
    const command = parseBenchCommand(['--agents', '3', '--comments-per-second', '40', '--duration', '6']);
    if (command.scenario !== 'agents') throw new Error('expected the agents scenario');
    const before = await benchPrefixes();
    const result = await runAgentsBenchmark(command.options, () => undefined);
    expect([...(await benchPrefixes())].filter((p) => !before.has(p))).toEqual([]);
    expect(result).toMatchObject({ scenario: 'agents', agents: 3, agentErrors: 0, agentErrorKinds: {} });
    expect(result.inboxList.samples).toBeGreaterThan(0);
    expect(result.commentsPerSecondStored).toBeGreaterThan(0);
    // The watched stream got events of the ingest's commits, each matched to its commit.
    expect(result.liveEvent.samples).toBeGreaterThan(0);
    expect(result.liveEvent.unmatched).toBe(0);
    expect(result.api.peakRssMb).toBeGreaterThan(0);
    expect(result.generatorCpuCores).toBeGreaterThan(0);
    // The sim runs in a process of its own and generated the comments there.
    expect(result.simCpuCores).toBeGreaterThan(0);
    // The api's own view of the same requests (its /metrics) and its pool, beside the agents' timings.
    expect(result.breakdown.serverSide['/api/threads'].samples).toBeGreaterThan(0);
    expect(result.breakdown.pool.samples).toBeGreaterThan(0);
    expect(result.breakdown.apiCpuMsPerRequest).toBeGreaterThan(0);
  }, 180_000);
});
