import { existsSync } from 'node:fs';
import IORedis from 'ioredis';
import { testServices } from '@resonance/config';
import { NETWORKS } from '@resonance/contracts';
import { parseBenchOptions } from '../src/bench/options';
import { productEntry } from '../src/bench/processes';
import { runBenchmark } from '../src/bench/run';
import { budgets, renderTable } from '../src/bench/table';

/**
 * A smoke run of `resonance bench` at a tiny scale: the harness works end to end and answers in
 * the documented shape with positive numbers. It never checks the budgets: that is the benchmark's
 * job, at scale (`npm run bench -- --quick`), not the test suite's.
 */
describe('resonance bench (smoke run at a tiny scale)', () => {
  it('measures every number of DESIGN.md §6 and reports them in the documented JSON shape', async () => {
    // api and worker run as child processes from their built output (npm test builds first).
    for (const name of ['api', 'worker'] as const) expect(existsSync(productEntry(name))).toBe(true);
    // With the twenty rules of `--rules 20`: they are evaluated in the measured ingest.
    const options = parseBenchOptions(['--scale', '0.0005', '--json', '--rules', '20']);
    const lines: string[] = [];
    const redis = new IORedis(testServices().redisUrl);
    const result = await runBenchmark(options, (line) => lines.push(line));
    // The run's queue keys go with its database. Only its own prefix: other runs (the fleet and
    // agents smokes beside it in npm test, a bench on the same machine) have theirs.
    const leftKeys = await redis.keys(`${result.scale.queuePrefix}:*`);
    redis.disconnect();
    expect(result.scale.queuePrefix).toMatch(/^bench_[0-9a-f]{8}$/);
    expect(leftKeys).toEqual([]);

    expect(Object.keys(result).sort()).toEqual(['freshness', 'inboxList', 'ingest', 'memory', 'reports', 'scale', 'threadOpen']);
    const positive = {
      ingest: ['perSecond', 'rawUpsertPerSecond', 'ratioToRawUpsert'],
      inboxList: ['p50Ms', 'p95Ms', 'p99Ms'],
      threadOpen: ['p95Ms'],
      reports: ['p95Ms', 'fullScanP95Ms', 'speedupOverFullScan'],
      freshness: ['pollP95Ms', 'webhookP95Ms'],
      memory: ['workerPeakMb', 'apiPeakMb'],
    } as const;
    for (const [group, keys] of Object.entries(positive)) {
      for (const key of keys) {
        const value = (result as unknown as Record<string, Record<string, unknown>>)[group][key];
        expect({ [`${group}.${key}`]: typeof value === 'number' && value > 0 }).toEqual({ [`${group}.${key}`]: true });
      }
    }
    expect(result.scale).toMatchObject({ threads: options.threads, days: 90, networks: NETWORKS.length, kept: false });
    expect(result.scale.messages).toBeGreaterThanOrEqual(options.threads);
    expect(result.freshness.missed).toBe(0);
    // The rules were active while the pipeline ran and acted on the measured comments.
    expect(result.ingest.rules.active).toBe(20);
    expect(result.ingest.rules.matched).toBeGreaterThan(0);
    expect(result.ingest.rules.actionsTotal).toBe(Object.values(result.ingest.rules.actions).reduce((a, b) => a + b, 0));
    expect(result.ingest.rules.actionsTotal + result.ingest.rules.suggested).toBeGreaterThan(0);
    // Every network's freshness under the adaptive pacing, each with the pacing it is judged against.
    expect(Object.keys(result.freshness.byNetwork).sort()).toEqual(['facebook', 'instagram', 'linkedin', 'x', 'xing', 'youtube']);
    for (const [network, f] of Object.entries(result.freshness.byNetwork))
      expect({ network, seen: f.samples > 0 && f.p95Ms > 0 && f.pacingMs > 0, missed: f.missed }).toEqual({ network, seen: true, missed: 0 });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    // The table names every budget of §6 with its result.
    expect(budgets(result)).toHaveLength(11 + NETWORKS.length);
    expect(renderTable(result)).toMatch(/inbox list p95[\s\S]*reports speed-up[\s\S]*api peak RSS/);
  }, 240_000);

  it('refuses unknown options and out-of-range scales', () => {
    expect(() => parseBenchOptions(['--fast'])).toThrow(/unknown option/);
    expect(() => parseBenchOptions(['--scale', '2'])).toThrow(/--scale/);
    expect(() => parseBenchOptions(['--rules', '101'])).toThrow(/--rules must be a whole number from 0 to 100/);
    expect(() => parseBenchOptions(['--rules'])).toThrow(/--rules/);
    expect(parseBenchOptions(['--quick', '--rules', '20'])).toMatchObject({ rules: 20 });
    expect(parseBenchOptions(['--quick'])).toMatchObject({ rules: 0, instagramShare: 0 });
    expect(parseBenchOptions(['--quick', '--instagram-share', '0.4'])).toMatchObject({ instagramShare: 0.4 });
    expect(() => parseBenchOptions(['--instagram-share', '1'])).toThrow(/--instagram-share must be a number from 0 to 0.9/);
    expect(parseBenchOptions(['--quick'])).toMatchObject({ quick: true, threads: 100_000, messages: 500_000 });
  });
});
