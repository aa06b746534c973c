import type { Config } from '@resonance/config';
import { createConnectorRegistry } from '@resonance/connectors';
import { CredentialsCipher, type ChannelAccount } from '@resonance/db';
import { DEMO_ACCOUNTS, DEMO_XING_CONSUMER, type RunningSim } from '@resonance/sim';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { ChannelAccess } from '../src/channels/channel-access';
import { IngestStore } from '../src/ingest/ingest-store';
import { SyncRunner } from '../src/sync/sync-runner';
import { connectDemoPage, simJson, testSim } from './pipeline-support';

const demoXing = DEMO_ACCOUNTS.find((a) => a.network === 'xing')!;

/** XING's budget in the worker: stop before XING's 403, wait the minute out, and never hold up other networks. */
describe('XING budget in the sync worker', () => {
  let db: TestDatabase;
  let sim: RunningSim;
  let config: Config;
  let runner: SyncRunner;

  beforeAll(async () => {
    db = await createTestDatabase();
    sim = await testSim();
    // Rate-limit pauses last as long as the network says (no RATE_LIMIT_MAX_DELAY_MS cut).
    config = testConfig({
      SIM_URL: sim.url,
      XING_CONSUMER_KEY: DEMO_XING_CONSUMER.consumerKey,
      XING_CONSUMER_SECRET: DEMO_XING_CONSUMER.consumerSecret,
      XING_CALLS_PER_MINUTE: '6',
    });
    const registry = createConnectorRegistry(config);
    runner = new SyncRunner(db.dataSource, new IngestStore(db.dataSource), new ChannelAccess(db.dataSource, config.ENCRYPTION_KEY, registry), registry, config);
    await simJson(sim, '/_sim/generate', { method: 'POST', body: { count: 300, network: 'xing' } });
    await simJson(sim, '/_sim/generate', { method: 'POST', body: { count: 100, network: 'facebook' } });
  });
  afterAll(async () => {
    await sim?.close();
    await db?.drop();
  });

  const connectXing = async (): Promise<ChannelAccount> =>
    makeChannel(db.dataSource, await makeWorkspace(db.dataSource), {
      network: 'xing',
      externalId: demoXing.externalId,
      displayName: demoXing.displayName,
      credentialsEncrypted: new CredentialsCipher(config.ENCRYPTION_KEY).encrypt(demoXing.credentials),
    });

  it('stops at its own per-minute budget before XING answers 403, pauses the channel for the rest of the minute, and resumes after it', async () => {
    // XING allows 8 calls a minute here; the connector allows itself 6.
    await simJson(sim, '/_sim/xing/limits', { method: 'POST', body: { callsPerMinute: 8 } });
    const channel = await connectXing();
    const started = Date.now();
    const first = await runner.run(channel.id);
    expect(first.error).toMatch(/^RATE_LIMITED: budget nearly spent/);
    expect(first.error).not.toMatch(/RATE_LIMIT_EXCEEDED/);
    // It slowed down before the limit: spaced calls took time.
    expect(Date.now() - started).toBeGreaterThan(250);
    const [row] = await db.dataSource.query(`SELECT rate_budget FROM channel_account WHERE id = $1`, [channel.id]);
    const pausedUntil = row.rate_budget?.pausedUntil ?? row.rate_budget?.state?.pausedUntil;
    expect(pausedUntil).toBeGreaterThan(Date.now() + 30_000);
    expect((await runner.run(channel.id)).skipped).toBe('paused');
    // The stored pages stay stored.
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM post WHERE channel_account_id = $1`, [channel.id]);
    expect(n).toBeGreaterThan(0);
    // The minute passes (for the stored budget and for XING's counter): the channel runs again and
    // moves on from its saved cursors, again stopping at its own budget, never at XING's 403.
    await db.dataSource.query(
      `UPDATE channel_account SET rate_budget = jsonb_set(rate_budget, '{state}', (rate_budget->'state') || jsonb_build_object('pausedUntil', $2::bigint, 'windowStart', $3::bigint)) WHERE id = $1`,
      [channel.id, Date.now() - 1, Date.now() - 61_000],
    );
    await simJson(sim, '/_sim/clock', { method: 'POST', body: { advanceMs: 61_000 } });
    const before = await db.dataSource.query(`SELECT count(*)::int AS n FROM message WHERE channel_account_id = $1`, [channel.id]);
    const second = await runner.run(channel.id);
    expect(second.pages).toBeGreaterThan(0);
    expect(second.error ?? '').not.toMatch(/RATE_LIMIT_EXCEEDED/);
    const after = await db.dataSource.query(`SELECT count(*)::int AS n FROM message WHERE channel_account_id = $1`, [channel.id]);
    expect(after[0].n).toBeGreaterThan(before[0].n);
  });

  it('a throttled XING channel never delays a Facebook channel synced at the same time', async () => {
    await simJson(sim, '/_sim/xing/limits', { method: 'POST', body: { callsPerMinute: 1_000_000 } });
    await simJson(sim, '/_sim/faults', { method: 'POST', body: { network: 'xing', kind: 'rate_limit' } });
    try {
      const xing = await connectXing();
      const facebook = await connectDemoPage(db.dataSource, config);
      const t0 = Date.now();
      const [x, fb] = await Promise.all([runner.run(xing.id), runner.run(facebook.id)]);
      expect(x.error).toMatch(/^RATE_LIMITED: RATE_LIMIT_EXCEEDED/);
      expect(fb.error).toBeUndefined();
      expect(fb.messagesInserted).toBeGreaterThan(0);
      // The storm pauses XING without a sleep in a worker slot: its next run returns at once.
      const t1 = Date.now();
      expect((await runner.run(xing.id)).skipped).toBe('paused');
      expect(Date.now() - t1).toBeLessThan(1_000);
      // Facebook keeps syncing while XING waits.
      await simJson(sim, '/_sim/generate', { method: 'POST', body: { count: 20, network: 'facebook' } });
      const again = await runner.run(facebook.id);
      expect(again.error).toBeUndefined();
      expect(again.messagesInserted).toBeGreaterThan(0);
      expect(Date.now() - t0).toBeLessThan(20_000);
    } finally {
      await simJson(sim, '/_sim/faults', { method: 'DELETE', body: { network: 'xing' } });
    }
  });
});
