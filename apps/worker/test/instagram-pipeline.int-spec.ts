import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { cleanChildProcessEnv, type Config } from '@resonance/config';
import type { RunningSim } from '@resonance/sim';
import { createQueueBackend, prepareQueueBackend } from '@resonance/queue';
import { createTestDatabase, testConfig, type TestDatabase } from '@resonance/testing';
import { createApi } from '@resonance/api';
import { startWorker, type WorkerHandle } from '../src';
import { compareWithTruth, simJson, storedMessages, testSim } from './pipeline-support';
import { clearInstagramFaults, connectDemoInstagram, generateInstagram, instagramFault, instagramTaggedMedia, instagramTruth } from './instagram-support';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(probe: () => Promise<T | undefined>, ms: number, what: string): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

/**
 * Instagram end to end: the sim sends signed webhooks (comments, mentions, messaging, echoes; ad
 * comments twice; deliveries duplicated and reordered by faults) to the API; a worker process is
 * killed with SIGKILL mid-sync and another takes over with throttling and 5xx on. Afterwards every
 * comment, reply, mention and Direct message of the ground truth is stored exactly once.
 */
describe('Instagram pipeline against the sim: webhooks, a killed worker, duplicates and reordering', () => {
  let db: TestDatabase;
  let sim: RunningSim;
  let api: INestApplication;
  let config: Config;
  let worker: WorkerHandle | undefined;
  let child: ChildProcess | undefined;
  let channelId: string;
  const base = {
    DEMO_MODE: 'true',
    SYNC_INTERVAL_MS: '1000',
    SYNC_MIN_INTERVAL_MS: '500',
    SYNC_MAX_INTERVAL_MS: '2000',
    SYNC_LEASE_MS: '3000',
    RATE_LIMIT_MAX_DELAY_MS: '1000',
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    const apiConfig = testConfig(base);
    await prepareQueueBackend(createQueueBackend({ redisUrl: apiConfig.REDIS_URL, databaseUrl: db.url, prefix: apiConfig.QUEUE_PREFIX }));
    api = await createApi(apiConfig, db.url);
    await api.listen(0, '127.0.0.1');
    sim = await testSim(`${(await api.getUrl()).replace('[::1]', '127.0.0.1')}/api/webhooks`);
    config = testConfig({ ...base, SIM_URL: sim.url, QUEUE_PREFIX: apiConfig.QUEUE_PREFIX });
    channelId = (await connectDemoInstagram(db.dataSource, config)).id;
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await worker?.close();
    await api?.close();
    await sim?.close();
    await db?.drop();
  }, 60_000);

  const count = async () => Number((await db.dataSource.query(`SELECT count(*) FROM message WHERE channel_account_id = $1`, [channelId]))[0].count);

  it('stores every generated comment, reply, mention and DM exactly once', async () => {
    // 1. A worker process syncs slowly and is killed while it holds the lease with pages stored.
    await instagramFault(sim, { kind: 'slow', options: { delayMs: 500 } });
    await generateInstagram(sim, 300);
    child = spawn(process.execPath, [join(__dirname, 'child', 'run-worker.cjs')], {
      env: cleanChildProcessEnv({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATABASE_URL: db.url,
        REDIS_URL: config.REDIS_URL ?? '',
        QUEUE_PREFIX: config.QUEUE_PREFIX,
        SIM_URL: sim.url,
        ...base,
      }),
      stdio: 'ignore',
    });
    const midRun = `SELECT sync_state->'lease' IS NOT NULL AND sync_state->'streams' ? 'comments'
                           AND NOT (sync_state->'streams' ? 'conversations') AS mid FROM channel_account WHERE id = $1`;
    await waitFor(async () => ((await db.dataSource.query(midRun, [channelId]))[0].mid ? true : undefined), 90_000, 'the child worker to be mid-run');
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    const afterKill = await count();
    console.log(`killed the child worker mid-run after ${afterKill} messages were stored`);

    // 2. Faults on, webhooks duplicated and reordered, ad comments delivered twice; a new worker takes over.
    await clearInstagramFaults(sim);
    await simJson(sim, '/_sim/instagram/webhooks', { method: 'POST', body: { adCommentShare: 0.3 } });
    for (const fault of [
      { kind: 'rate_limit', probability: 0.15, options: { code: 4 } },
      { kind: 'server_error', probability: 0.1, options: { status: 500 } },
      { kind: 'webhook_duplicates' },
      { kind: 'webhook_reorder' },
    ])
      await instagramFault(sim, fault);
    worker = await startWorker(config, db.url);
    for (let i = 0; i < 4; i++) {
      await generateInstagram(sim, 80);
      await sleep(700);
    }
    // 3. Faults off: the schedule reconciles whatever the faults held back.
    await clearInstagramFaults(sim);
    const truth = await instagramTruth(sim);
    const tagged = new Set((await instagramTaggedMedia(sim)).map((t) => t.externalId));
    let problems: string[] = [];
    await waitFor(
      async () => {
        const stored = (await storedMessages(db.dataSource, channelId)).filter((m) => !tagged.has(m.external_id));
        problems = compareWithTruth(truth, stored);
        return problems.length === 0 ? true : undefined;
      },
      120_000,
      'the database to match the ground truth',
    ).catch(() => undefined);
    expect(problems.slice(0, 20)).toEqual([]);
    const expected = truth.filter((t) => t.kind !== 'post').length;
    expect(await count()).toBe(expected + tagged.size);
    const deliveries = (await simJson<{ deliveries: Array<{ duplicateOf?: number }> }>(sim, '/_sim/webhooks?network=instagram')).deliveries;
    const duplicates = deliveries.filter((d) => d.duplicateOf !== undefined).length;
    expect(duplicates).toBeGreaterThan(0);
    console.log(
      `ground truth: ${expected} comments and messages + ${tagged.size} tagged media; webhook deliveries ${deliveries.length}, duplicates ${duplicates}`,
    );
  }, 300_000);
});
