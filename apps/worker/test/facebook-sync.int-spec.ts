import type { Config } from '@resonance/config';
import { createConnectorRegistry } from '@resonance/connectors';
import type { RunningSim } from '@resonance/sim';
import { createTestDatabase, testConfig, type TestDatabase } from '@resonance/testing';
import { ChannelAccess } from '../src/channels/channel-access';
import { IngestStore } from '../src/ingest/ingest-store';
import { SyncRunner } from '../src/sync/sync-runner';
import { compareWithTruth, connectDemoPage, simJson, storedMessages, testSim, truthOf } from './pipeline-support';

describe('Facebook sync against the sim', () => {
  let db: TestDatabase;
  let sim: RunningSim;
  let config: Config;
  let runner: SyncRunner;

  beforeAll(async () => {
    db = await createTestDatabase();
    sim = await testSim();
    config = testConfig({ SIM_URL: sim.url, SYNC_LEASE_MS: '5000', RATE_LIMIT_MAX_DELAY_MS: '0' });
    const registry = createConnectorRegistry(config);
    runner = new SyncRunner(db.dataSource, new IngestStore(db.dataSource), new ChannelAccess(db.dataSource, config.ENCRYPTION_KEY, registry), registry, config);
  });
  afterAll(async () => {
    await sim?.close();
    await db?.drop();
  });

  it('backfills, then picks up what is new: every comment and message once, in the right thread', async () => {
    const channel = await connectDemoPage(db.dataSource, config);
    await simJson(sim, '/_sim/generate', { method: 'POST', body: { count: 300, network: 'facebook' } });
    const first = await runner.run(channel.id);
    expect(first.error).toBeUndefined();
    // Every payload the sim sends is one the connector reads.
    expect(first.unexpected).toBeUndefined();
    expect(compareWithTruth(await truthOf(sim), await storedMessages(db.dataSource, channel.id))).toEqual([]);
    // The sync asks for the comments' `attachment` (the mapper reads it): photo comments keep their image.
    const photos: Array<{ channel: string; url: string }> = await db.dataSource.query(
      `SELECT t.channel, a->>'url' AS url FROM message m JOIN thread t ON t.id = m.thread_id, jsonb_array_elements(m.attachments) a WHERE t.channel_account_id = $1`,
      [channel.id],
    );
    expect(photos.filter((p) => p.channel === 'comment').length).toBeGreaterThan(0);
    expect(photos.filter((p) => p.channel === 'direct').length).toBeGreaterThan(0);
    expect(photos.every((p) => p.url.startsWith('https://scontent.xx.fbcdn.net/'))).toBe(true);

    await simJson(sim, '/_sim/generate', { method: 'POST', body: { count: 200, network: 'facebook' } });
    const second = await runner.run(channel.id);
    expect(second.messagesInserted).toBeGreaterThan(0);
    const again = await runner.run(channel.id);
    expect(again.messagesInserted).toBe(0);
    const truth = await truthOf(sim);
    const stored = await storedMessages(db.dataSource, channel.id);
    expect(compareWithTruth(truth, stored)).toEqual([]);
    expect(stored.length).toBe(truth.filter((t) => t.kind !== 'post').length);
  });

  it('reads what visitors write on the page (in its feed) as customer messages, each its own thread', async () => {
    const channel = await connectDemoPage(db.dataSource, config);
    await simJson(sim, '/_sim/generate', { method: 'POST', body: { count: 50, network: 'facebook' } });
    const visitor = await simJson<{ id: string }>(sim, '/_sim/facebook/visitor-post', {
      method: 'POST',
      body: { name: 'Jana Kühn', text: 'Habt ihr sonntags offen?' },
    });
    const run = await runner.run(channel.id);
    expect(run.error).toBeUndefined();
    expect(run.unexpected).toBeUndefined();
    const stored = await storedMessages(db.dataSource, channel.id);
    expect(compareWithTruth(await truthOf(sim), stored)).toEqual([]);
    expect(stored.find((m) => m.external_id === visitor.id)).toMatchObject({ thread_key: visitor.id, is_from_account: false, author_name: 'Jana Kühn' });
  });

  it('keeps every page it stored through 429 storms and 5xx (cursors move only with stored pages), and catches up after', async () => {
    const channel = await connectDemoPage(db.dataSource, config);
    await simJson(sim, '/_sim/generate', { method: 'POST', body: { count: 300, network: 'facebook' } });
    await simJson(sim, '/_sim/faults', { method: 'POST', body: { network: 'facebook', kind: 'rate_limit', probability: 0.15, options: { code: 613 } } });
    await simJson(sim, '/_sim/faults', { method: 'POST', body: { network: 'facebook', kind: 'server_error', probability: 0.15 } });
    const outcomes: string[] = [];
    for (let i = 0; i < 25; i++) {
      const r = await runner.run(channel.id);
      outcomes.push(r.error ? r.error.split(':')[0] : (r.skipped ?? 'ok'));
      if (r.skipped === 'paused') await new Promise((res) => setTimeout(res, 50));
    }
    await simJson(sim, '/_sim/faults', { method: 'DELETE', body: { network: 'facebook' } });
    // The faults did hit, and runs kept going.
    expect(outcomes).toContain('RATE_LIMITED');
    expect(outcomes).toContain('TRANSIENT');
    const [row] = await db.dataSource.query(`SELECT status, last_error FROM channel_account WHERE id = $1`, [channel.id]);
    expect(row.status).toBe('connected');
    for (let i = 0; i < 3; i++) await runner.run(channel.id);
    const truth = await truthOf(sim);
    expect(compareWithTruth(truth, await storedMessages(db.dataSource, channel.id))).toEqual([]);
    const [after] = await db.dataSource.query(`SELECT last_error FROM channel_account WHERE id = $1`, [channel.id]);
    expect(after.last_error).toBeNull();
  });

  it('puts the channel to needs_reauth after repeated expired-token answers, and then stops calling', async () => {
    const channel = await connectDemoPage(db.dataSource, config);
    await simJson(sim, '/_sim/faults', { method: 'POST', body: { network: 'facebook', kind: 'token_expired' } });
    try {
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await runner.run(channel.id));
      expect(results.slice(0, 3).map((r) => r.error?.split(':')[0])).toEqual(['AUTH_EXPIRED', 'AUTH_EXPIRED', 'AUTH_EXPIRED']);
      expect(results[3].skipped).toBe('not_connected');
      const [row] = await db.dataSource.query(`SELECT status, consecutive_auth_failures, last_error FROM channel_account WHERE id = $1`, [channel.id]);
      expect(row).toMatchObject({ status: 'needs_reauth', consecutive_auth_failures: 3 });
      expect(row.last_error).toMatch(/^AUTH_EXPIRED: Error validating access token/);
      // Nothing secret in what admins see.
      expect(row.last_error).not.toContain('EAAResonanceDemo');
    } finally {
      await simJson(sim, '/_sim/faults', { method: 'DELETE', body: { network: 'facebook' } });
    }
  });
});
