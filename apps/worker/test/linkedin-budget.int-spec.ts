import type { Config } from '@resonance/config';
import { createConnectorRegistry, nextUtcMidnight } from '@resonance/connectors';
import type { RunningSim } from '@resonance/sim';
import { createTestDatabase, testConfig, type TestDatabase } from '@resonance/testing';
import { ChannelAccess } from '../src/channels/channel-access';
import { IngestStore } from '../src/ingest/ingest-store';
import { SyncRunner } from '../src/sync/sync-runner';
import { connectDemoLinkedIn } from './linkedin-support';
import { simJson, testSim } from './pipeline-support';

/**
 * LinkedIn's daily limits announce themselves only by a 429 (no usage headers), so the connector
 * counts its calls per channel and UTC day: it spaces calls out from 75 % of LINKEDIN_DAILY_CALL_BUDGET,
 * stops at 95 % until midnight UTC, and a 429 pauses the channel until midnight UTC too. Only Date
 * is faked here (the sim's clock and the runner's pauses read it); timers and I/O are real.
 */
describe('LinkedIn daily budget', () => {
  let db: TestDatabase;
  let sim: RunningSim;
  let config: Config;
  let runner: SyncRunner;
  const noon = Date.parse('2026-11-22T12:00:00Z');
  const budget = async (id: string) =>
    (await db.dataSource.query(`SELECT rate_budget FROM channel_account WHERE id = $1`, [id]))[0].rate_budget.state as {
      usedPercent: number;
      pausedUntil?: number;
    };
  const simCalls = async () => (await simJson<{ usage: { appCalls: number } }>(sim, '/_sim/linkedin/limits')).usage.appCalls;

  beforeAll(async () => {
    jest.useFakeTimers({
      now: noon,
      doNotFake: [
        'nextTick',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
        'queueMicrotask',
        'hrtime',
        'performance',
      ],
    });
    db = await createTestDatabase();
    sim = await testSim();
    // A day's pause is not cut short by the runner's cap here: the budget decides.
    config = testConfig({
      SIM_URL: sim.url,
      DEMO_MODE: 'true',
      SYNC_LEASE_MS: '5000',
      RATE_LIMIT_MAX_DELAY_MS: String(86_400_000),
      LINKEDIN_DAILY_CALL_BUDGET: '40',
    });
    const registry = createConnectorRegistry(config);
    runner = new SyncRunner(db.dataSource, new IngestStore(db.dataSource), new ChannelAccess(db.dataSource, config.ENCRYPTION_KEY, registry), registry, config);
    await simJson(sim, '/_sim/generate', { method: 'POST', body: { count: 400, network: 'linkedin' } });
  });
  afterAll(async () => {
    jest.useRealTimers();
    await sim?.close();
    await db?.drop();
  });

  it('slows down from 75 % of the day’s calls and stops at 95 %, before LinkedIn answers 429', async () => {
    // LinkedIn's own limit is just above the connector's budget: any overrun would show as a 429.
    await simJson(sim, '/_sim/linkedin/limits', { method: 'POST', body: { appCallsPerDay: (await simCalls()) + 42 } });
    const channel = await connectDemoLinkedIn(db.dataSource, config);
    const before = await simCalls();
    const errors: string[] = [];
    const pauses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const r = await runner.run(channel.id);
      if (r.error) errors.push(r.error);
      const state = await budget(channel.id);
      if (!state?.pausedUntil || state.pausedUntil <= Date.now()) continue;
      const wait = state.pausedUntil - Date.now();
      if (wait > 60_000) break;
      pauses.push(wait);
      // The pause passes (on the faked clock).
      jest.setSystemTime(state.pausedUntil + 1);
    }
    // Spaced out: several short pauses, growing, each a RATE_LIMITED "budget nearly spent" before the stop.
    expect(pauses.length).toBeGreaterThanOrEqual(3);
    expect(pauses[pauses.length - 1]).toBeGreaterThan(pauses[0]);
    expect(errors.every((e) => e.startsWith('RATE_LIMITED: budget nearly spent'))).toBe(true);
    // Stopped at 95 % of 40 calls, paused until midnight UTC; LinkedIn never had to say 429.
    const state = await budget(channel.id);
    expect(state.pausedUntil).toBe(nextUtcMidnight(Date.now()));
    const used = (await simCalls()) - before;
    expect(used).toBeGreaterThanOrEqual(38);
    expect(used).toBeLessThanOrEqual(40);
    console.log(
      `linkedin budget: pauses before the stop ${pauses.map((p) => Math.round(p)).join(', ')} ms; ${used} calls of a budget of 40; LinkedIn's limit 42; errors ${errors.length}`,
    );
    const next = await runner.run(channel.id);
    expect(next.skipped).toBe('paused');
    expect((await simCalls()) - before).toBe(used);
  });

  it('waits out the reset: nothing is called until midnight UTC, then the sync goes on', async () => {
    const [channel] = await db.dataSource.query(`SELECT id FROM channel_account WHERE network = 'linkedin' ORDER BY created_at DESC LIMIT 1`);
    const midnight = (await budget(channel.id)).pausedUntil!;
    jest.setSystemTime(midnight - 60_000);
    expect((await runner.run(channel.id)).skipped).toBe('paused');
    jest.setSystemTime(midnight + 1_000);
    const stored = async () => Number((await db.dataSource.query(`SELECT count(*) FROM message WHERE channel_account_id = $1`, [channel.id]))[0].count);
    const before = await stored();
    const r = await runner.run(channel.id);
    expect(r.skipped).toBeUndefined();
    expect(r.pages).toBeGreaterThan(0);
    expect(await stored()).toBeGreaterThan(before);
    // A new UTC day, a new count (the sim's limits reset at the same midnight).
    expect((await budget(channel.id)).usedPercent).toBeLessThan(100);
  });

  it('a 429 from LinkedIn (serviceErrorCode 101) pauses the channel until midnight UTC, with no call before', async () => {
    jest.setSystemTime(Date.parse('2026-11-24T09:30:00Z'));
    const channel = await connectDemoLinkedIn(db.dataSource, config);
    await simJson(sim, '/_sim/faults', { method: 'POST', body: { network: 'linkedin', kind: 'rate_limit', count: 1 } });
    const r = await runner.run(channel.id);
    expect(r.error).toBe('RATE_LIMITED: Resource level throttle limit for calls to this resource is reached.');
    expect((await budget(channel.id)).pausedUntil).toBe(Date.parse('2026-11-25T00:00:00Z'));
    const before = await simCalls();
    jest.setSystemTime(Date.parse('2026-11-24T23:59:00Z'));
    expect((await runner.run(channel.id)).skipped).toBe('paused');
    expect(await simCalls()).toBe(before);
  });
});
