import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { cleanChildProcessEnv, type Config } from '@resonance/config';
import { createConnectorRegistry } from '@resonance/connectors';
import type { RunningSim } from '@resonance/sim';
import { createTestDatabase, testConfig, type TestDatabase } from '@resonance/testing';
import { ChannelAccess } from '../src/channels/channel-access';
import { IngestStore } from '../src/ingest/ingest-store';
import { SyncRunner } from '../src/sync/sync-runner';
import { compareWithTruth, simJson, storedMessages, testSim } from './pipeline-support';
import { clearYoutubeFaults, connectDemoChannel, youtubeFault, youtubeTestEnv, youtubeTruth } from './youtube-support';

async function waitFor<T>(probe: () => Promise<T | undefined>, ms: number, what: string): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A real worker process syncing the YouTube channel is killed with SIGKILL in the middle of its
 * first walk through the comment threads (some pages stored, the walk's watermark not yet saved).
 * Another worker takes the channel over once the lease runs out, with rate-limit storms and 5xx on:
 * every comment ends up in the database exactly once.
 */
describe('YouTube sync survives a worker killed mid-page', () => {
  let db: TestDatabase;
  let sim: RunningSim;
  let config: Config;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    sim = await testSim();
    config = testConfig({ ...youtubeTestEnv(sim), SYNC_LEASE_MS: '3000', RATE_LIMIT_MAX_DELAY_MS: '0' });
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await sim?.close();
    await db?.drop();
  });

  it('stores every comment exactly once after the kill, the takeover and the faults', async () => {
    await simJson(sim, '/_sim/generate', { method: 'POST', body: { count: 1200, network: 'youtube' } });
    const channel = await connectDemoChannel(db.dataSource, config);
    await youtubeFault(sim, { kind: 'slow', options: { delayMs: 400 } });
    child = spawn(process.execPath, [join(__dirname, 'child', 'run-worker.cjs')], {
      env: cleanChildProcessEnv({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATABASE_URL: db.url,
        REDIS_URL: config.REDIS_URL ?? '',
        QUEUE_PREFIX: config.QUEUE_PREFIX,
        SIM_URL: sim.url,
        DEMO_MODE: 'true',
        SYNC_LEASE_MS: '3000',
        RATE_LIMIT_MAX_DELAY_MS: '0',
      }),
      stdio: 'ignore',
    });
    // Mid-run: the child holds the lease and has stored (and committed) comment pages, but its
    // first walk has not finished (no watermark yet).
    const midRun = `SELECT sync_state->'lease' IS NOT NULL AND sync_state->'streams'->'comments' ? 'threads'
                           AND NOT (sync_state->'streams'->'comments' ? 'newest') AS mid FROM channel_account WHERE id = $1`;
    await waitFor(async () => ((await db.dataSource.query(midRun, [channel.id]))[0].mid ? true : undefined), 60_000, 'the child worker to be mid-walk');
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    const before = await storedMessages(db.dataSource, channel.id);
    expect(before.length).toBeGreaterThan(0);
    expect(before.length).toBeLessThan((await youtubeTruth(sim)).filter((t) => t.kind === 'comment').length);

    await clearYoutubeFaults(sim);
    await youtubeFault(sim, { kind: 'rate_limit', probability: 0.15 });
    await youtubeFault(sim, { kind: 'server_error', probability: 0.15 });
    const registry = createConnectorRegistry(config);
    const runner = new SyncRunner(
      db.dataSource,
      new IngestStore(db.dataSource),
      new ChannelAccess(db.dataSource, config.ENCRYPTION_KEY, registry),
      registry,
      config,
    );
    const outcomes: string[] = [];
    try {
      for (let i = 0; i < 40; i++) {
        if (i % 10 === 0) await simJson(sim, '/_sim/generate', { method: 'POST', body: { count: 50, network: 'youtube' } });
        const r = await runner.run(channel.id);
        outcomes.push(r.error ? r.error.split(':')[0] : (r.skipped ?? 'ok'));
        // The dead worker's lease runs out before the channel can be taken over.
        if (r.skipped === 'busy') await new Promise((res) => setTimeout(res, 500));
      }
    } finally {
      await clearYoutubeFaults(sim);
    }
    expect(outcomes).toContain('busy');
    expect(outcomes).toContain('RATE_LIMITED');
    expect(outcomes).toContain('TRANSIENT');
    for (let i = 0; i < 3; i++) expect((await runner.run(channel.id)).error).toBeUndefined();
    const truth = await youtubeTruth(sim);
    const stored = await storedMessages(db.dataSource, channel.id);
    expect(compareWithTruth(truth, stored)).toEqual([]);
    expect(stored.length).toBe(truth.filter((t) => t.kind !== 'post').length);
  }, 120_000);
});
