import type { Config } from '@resonance/config';
import { createConnectorRegistry } from '@resonance/connectors';
import type { RunningSim } from '@resonance/sim';
import { createTestDatabase, testConfig, type TestDatabase } from '@resonance/testing';
import { ChannelAccess } from '../src/channels/channel-access';
import { IngestStore } from '../src/ingest/ingest-store';
import { SyncRunner } from '../src/sync/sync-runner';
import { compareLinkedIn, connectDemoLinkedIn, demoLinkedIn, linkedinTruth } from './linkedin-support';
import { simJson, storedMessages, testSim } from './pipeline-support';

describe('LinkedIn sync against the sim', () => {
  let db: TestDatabase;
  let sim: RunningSim;
  let config: Config;
  let runner: SyncRunner;

  beforeAll(async () => {
    db = await createTestDatabase();
    sim = await testSim();
    config = testConfig({ SIM_URL: sim.url, DEMO_MODE: 'true', SYNC_LEASE_MS: '5000', RATE_LIMIT_MAX_DELAY_MS: '0' });
    const registry = createConnectorRegistry(config);
    runner = new SyncRunner(db.dataSource, new IngestStore(db.dataSource), new ChannelAccess(db.dataSource, config.ENCRYPTION_KEY, registry), registry, config);
  });
  afterAll(async () => {
    await sim?.close();
    await db?.drop();
  });

  it('backfills, then picks up what is new: every comment and reply once, in its thread, with author and exact time', async () => {
    const channel = await connectDemoLinkedIn(db.dataSource, config);
    await simJson(sim, '/_sim/generate', { method: 'POST', body: { count: 400, network: 'linkedin' } });
    const first = await runner.run(channel.id);
    expect(first.error).toBeUndefined();
    expect(compareLinkedIn(await linkedinTruth(sim), await storedMessages(db.dataSource, channel.id))).toEqual([]);

    await simJson(sim, '/_sim/generate', { method: 'POST', body: { count: 200, network: 'linkedin' } });
    const second = await runner.run(channel.id);
    expect(second.error).toBeUndefined();
    expect(second.messagesInserted).toBeGreaterThan(0);
    const again = await runner.run(channel.id);
    expect(again.messagesInserted).toBe(0);
    const truth = await linkedinTruth(sim);
    const stored = await storedMessages(db.dataSource, channel.id);
    expect(compareLinkedIn(truth, stored)).toEqual([]);
    expect(stored.length).toBe(truth.filter((t) => t.kind === 'comment').length);
    // Members who hide their profile were generated, and stored without an author.
    expect(truth.some((t) => t.kind === 'comment' && t.author === null)).toBe(true);
    const [posts] = await db.dataSource.query(`SELECT count(*)::int AS n FROM post WHERE channel_account_id = $1`, [channel.id]);
    expect(posts.n).toBe(truth.filter((t) => t.kind === 'post').length);
  });
});

describe('LinkedIn sync through faults', () => {
  let db: TestDatabase;
  let sim: RunningSim;
  let config: Config;
  let runner: SyncRunner;
  const runnerFor = (c: Config) => {
    const registry = createConnectorRegistry(c);
    return new SyncRunner(db.dataSource, new IngestStore(db.dataSource), new ChannelAccess(db.dataSource, c.ENCRYPTION_KEY, registry), registry, c);
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    sim = await testSim();
    config = testConfig({ SIM_URL: sim.url, DEMO_MODE: 'true', SYNC_LEASE_MS: '5000', RATE_LIMIT_MAX_DELAY_MS: '0' });
    runner = runnerFor(config);
  });
  afterAll(async () => {
    await sim?.close();
    await db?.drop();
  });

  it('keeps every page it stored through 429 storms (LinkedIn’s real body) and 5xx, and catches up after', async () => {
    const channel = await connectDemoLinkedIn(db.dataSource, config);
    await simJson(sim, '/_sim/generate', { method: 'POST', body: { count: 400, network: 'linkedin' } });
    await simJson(sim, '/_sim/faults', { method: 'POST', body: { network: 'linkedin', kind: 'rate_limit', probability: 0.15 } });
    await simJson(sim, '/_sim/faults', { method: 'POST', body: { network: 'linkedin', kind: 'server_error', probability: 0.15 } });
    const outcomes: string[] = [];
    for (let i = 0; i < 25; i++) {
      const r = await runner.run(channel.id);
      outcomes.push(r.error ? r.error.split(':')[0] : (r.skipped ?? 'ok'));
      if (r.skipped === 'paused') await new Promise((res) => setTimeout(res, 20));
    }
    await simJson(sim, '/_sim/faults', { method: 'DELETE', body: { network: 'linkedin' } });
    expect(outcomes).toContain('RATE_LIMITED');
    expect(outcomes).toContain('TRANSIENT');
    // A 429 meant "spent for today": the stored budget paused the channel until midnight UTC (capped by RATE_LIMIT_MAX_DELAY_MS in the runner).
    for (let i = 0; i < 3; i++) await runner.run(channel.id);
    const truth = await linkedinTruth(sim);
    expect(compareLinkedIn(truth, await storedMessages(db.dataSource, channel.id))).toEqual([]);
    const [row] = await db.dataSource.query(`SELECT status, last_error FROM channel_account WHERE id = $1`, [channel.id]);
    expect(row).toEqual({ status: 'connected', last_error: null });
  });

  it('an expired token is refreshed with the refresh token and the run goes on; without one, repeated expiry ends in needs_reauth', async () => {
    const channel = await connectDemoLinkedIn(db.dataSource, config);
    await simJson(sim, '/_sim/faults', { method: 'POST', body: { network: 'linkedin', kind: 'token_expired', count: 1 } });
    const first = await runner.run(channel.id);
    expect(first.error).toMatch(/^AUTH_EXPIRED: The token used in the request has expired/);
    const second = await runner.run(channel.id);
    expect(second.error).toBeUndefined();
    const tokens = (await simJson<{ tokens: Array<{ token: string }> }>(sim, '/_sim/linkedin/tokens')).tokens;
    expect(tokens.length).toBeGreaterThan(1);
    const [row] = await db.dataSource.query(`SELECT status, consecutive_auth_failures, credentials_expire_at FROM channel_account WHERE id = $1`, [channel.id]);
    expect(row.status).toBe('connected');
    expect(row.consecutive_auth_failures).toBe(0);
    // The refreshed token is a 60-day token.
    expect(Math.round((new Date(row.credentials_expire_at).getTime() - Date.now()) / 86_400_000)).toBe(60);

    const noRefresh = await connectDemoLinkedIn(db.dataSource, config, { accessToken: demoLinkedIn.credentials.accessToken });
    await simJson(sim, '/_sim/faults', { method: 'POST', body: { network: 'linkedin', kind: 'token_expired' } });
    try {
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await runner.run(noRefresh.id));
      expect(results.slice(0, 3).map((r) => r.error?.split(':')[0])).toEqual(['AUTH_EXPIRED', 'AUTH_EXPIRED', 'AUTH_EXPIRED']);
      expect(results[3].skipped).toBe('not_connected');
      const [r] = await db.dataSource.query(`SELECT status, last_error FROM channel_account WHERE id = $1`, [noRefresh.id]);
      expect(r.status).toBe('needs_reauth');
      expect(r.last_error).not.toContain(demoLinkedIn.credentials.accessToken);
    } finally {
      await simJson(sim, '/_sim/faults', { method: 'DELETE', body: { network: 'linkedin' } });
    }
  });

  it('without a refresh token, reminds admins to reconnect a week before the 60-day sign-in ends, while syncing goes on', async () => {
    const expiresAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const channel = await connectDemoLinkedIn(db.dataSource, config, { accessToken: demoLinkedIn.credentials.accessToken, expiresAt });
    const r = await runner.run(channel.id);
    expect(r.error).toBeUndefined();
    const [row] = await db.dataSource.query(`SELECT status, last_error, last_synced_at FROM channel_account WHERE id = $1`, [channel.id]);
    expect(row.status).toBe('connected');
    expect(row.last_synced_at).not.toBeNull();
    expect(row.last_error).toBe(
      `the LinkedIn sign-in ends on ${expiresAt.slice(0, 10)} and LinkedIn gives this app no refresh token: reconnect the channel before then`,
    );
    // With a refresh token (or far from the end), no reminder.
    const refreshable = await connectDemoLinkedIn(db.dataSource, config, { ...demoLinkedIn.credentials, expiresAt });
    await runner.run(refreshable.id);
    expect((await db.dataSource.query(`SELECT last_error FROM channel_account WHERE id = $1`, [refreshable.id]))[0].last_error).toBeNull();
  });

  it('a retired Linkedin-Version (426) is shown to admins and not retried: the channel stops with the reason', async () => {
    const retired = testConfig({ SIM_URL: sim.url, DEMO_MODE: 'true', SYNC_LEASE_MS: '5000', LINKEDIN_VERSION: '202301' });
    const channel = await connectDemoLinkedIn(db.dataSource, retired);
    const retiredRunner = runnerFor(retired);
    const usage = async () => (await simJson<{ usage: { appCalls: number } }>(sim, '/_sim/linkedin/limits')).usage.appCalls;
    const before = await usage();
    const first = await retiredRunner.run(channel.id);
    expect(first.error).toMatch(/^INVALID_REQUEST: LinkedIn retired the API version in use \(Requested version 202301 is not active\); set LINKEDIN_VERSION/);
    const second = await retiredRunner.run(channel.id);
    expect(second.skipped).toBe('not_connected');
    // One call reached LinkedIn (426 is answered before counting), none after.
    expect(await usage()).toBe(before);
    const [row] = await db.dataSource.query(`SELECT status, last_error FROM channel_account WHERE id = $1`, [channel.id]);
    expect(row.status).toBe('error');
    expect(row.last_error).toMatch(/LINKEDIN_VERSION/);
  });
});
