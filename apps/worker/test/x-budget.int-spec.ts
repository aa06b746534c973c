import type { Config } from '@resonance/config';
import { createConnectorRegistry } from '@resonance/connectors';
import type { RunningSim } from '@resonance/sim';
import { createTestDatabase, testConfig, type TestDatabase } from '@resonance/testing';
import { ChannelAccess } from '../src/channels/channel-access';
import { IngestStore } from '../src/ingest/ingest-store';
import { SyncRunner } from '../src/sync/sync-runner';
import { compareWithTruth, connectDemoPage, simJson, storedMessages, testSim } from './pipeline-support';
import { connectDemoX, generateX, xTruth } from './x-support';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const limits = (sim: RunningSim, body: Record<string, unknown>) => simJson(sim, '/_sim/x/limits', { method: 'POST', body });
const DM_WINDOW = 'GET /2/dm_events';

/**
 * X's budgets in the worker: the x-rate-limit-* windows are respected before X answers 429 (the
 * connector spaces its calls near the limit and waits for the reset of a spent window), the
 * monthly read budget is spread over the month, and a throttled X channel never holds up another
 * network's channel.
 */
describe('X budgets in the sync worker', () => {
  let db: TestDatabase;
  let sim: RunningSim;

  beforeAll(async () => {
    db = await createTestDatabase();
    sim = await testSim();
    // About 450 DMs: five pages of GET /2/dm_events.
    await generateX(sim, 1500);
    await simJson(sim, '/_sim/generate', { method: 'POST', body: { count: 100, network: 'facebook' } });
  });
  afterAll(async () => {
    await sim?.close();
    await db?.drop();
  });

  const runnerWith = (overrides: Record<string, string> = {}): { runner: SyncRunner; config: Config } => {
    // Rate-limit pauses last as long as X says (no RATE_LIMIT_MAX_DELAY_MS cut).
    const config = testConfig({ SIM_URL: sim.url, X_MONTHLY_READ_BUDGET: '10000000', ...overrides });
    const registry = createConnectorRegistry(config);
    return {
      config,
      runner: new SyncRunner(
        db.dataSource,
        new IngestStore(db.dataSource),
        new ChannelAccess(db.dataSource, config.ENCRYPTION_KEY, registry),
        registry,
        config,
      ),
    };
  };
  const budgetOf = async (channelId: string) =>
    (await db.dataSource.query(`SELECT rate_budget FROM channel_account WHERE id = $1`, [channelId]))[0].rate_budget.state;

  it('slows down near a window’s limit and waits for the reset of a spent window instead of calling into a 429', async () => {
    // Four DM reads per 2-second window; the sync needs five pages.
    await limits(sim, { windowSeconds: 2, limits: { [DM_WINDOW]: 4 } });
    const { runner, config } = runnerWith();
    const channel = await connectDemoX(db.dataSource, config);
    const started = Date.now();
    const result = await runner.run(channel.id);
    // No 429 reached the connector: had it called into the spent window, the run would have failed RATE_LIMITED.
    expect(result.error).toBeUndefined();
    // It waited for the window to reset before the fifth page (and spaced the calls before it).
    expect(Date.now() - started).toBeGreaterThan(1_000);
    expect(compareWithTruth(await xTruth(sim), await storedMessages(db.dataSource, channel.id))).toEqual([]);
    const budget = await budgetOf(channel.id);
    expect(budget.windows[DM_WINDOW]).toMatchObject({ limit: 4 });
  });

  it('a window that resets later than a call may wait ends the run RATE_LIMITED until the reset; the channel waits it out and then goes on', async () => {
    await limits(sim, { windowSeconds: 12, limits: { [DM_WINDOW]: 2 } });
    const { runner, config } = runnerWith();
    const channel = await connectDemoX(db.dataSource, config);
    const first = await runner.run(channel.id);
    expect(first.error).toMatch(/^RATE_LIMITED: budget nearly spent/);
    const budget = await budgetOf(channel.id);
    // Paused until the reset X announced for the spent window (x-rate-limit-reset), not longer.
    expect(Math.abs(budget.pausedUntil - budget.windows[DM_WINDOW].resetAt)).toBeLessThan(100);
    expect(budget.pausedUntil - Date.now()).toBeGreaterThan(5_000);
    expect((await runner.run(channel.id)).skipped).toBe('paused');
    await sleep(budget.pausedUntil - Date.now() + 100);
    // Each run reads one more window's worth until the DMs are in.
    for (let i = 0; i < 4; i++) {
      const r = await runner.run(channel.id);
      if (!r.error) break;
      const b = await budgetOf(channel.id);
      await sleep(Math.max(0, b.pausedUntil - Date.now()) + 100);
    }
    expect(compareWithTruth(await xTruth(sim), await storedMessages(db.dataSource, channel.id))).toEqual([]);
    await limits(sim, { windowSeconds: 900, limits: { [DM_WINDOW]: 300 } });
  }, 90_000);

  it('spreads the monthly read budget over the month: reads ahead of the pace pause the channel until the pace catches up, shown to admins', async () => {
    const { runner, config } = runnerWith({ X_MONTHLY_READ_BUDGET: '300' });
    const channel = await connectDemoX(db.dataSource, config);
    const first = await runner.run(channel.id);
    expect(first.error).toMatch(/^RATE_LIMITED: budget nearly spent/);
    const budget = await budgetOf(channel.id);
    const month = new Date().toISOString().slice(0, 7);
    expect(budget.monthly).toMatchObject({ month, limit: 300, allowedNow: expect.any(Number) });
    expect(budget.monthly.read).toBeGreaterThanOrEqual(budget.monthly.allowedNow);
    // The scheduler's pause is capped by RATE_LIMIT_MAX_DELAY_MS (15 minutes)…
    expect(budget.pausedUntil - Date.now()).toBeGreaterThan(10 * 60_000);
    expect((await runner.run(channel.id)).skipped).toBe('paused');
    // …and once it lapses, the pace still holds: no call is made, the run stops again at once.
    await db.dataSource.query(`UPDATE channel_account SET rate_budget = jsonb_set(rate_budget, '{state,pausedUntil}', to_jsonb($2::bigint)) WHERE id = $1`, [
      channel.id,
      Date.now() - 1,
    ]);
    const read = budget.monthly.read;
    const again = await runner.run(channel.id);
    expect(again.error).toMatch(/^RATE_LIMITED/);
    expect((await budgetOf(channel.id)).monthly.read).toBe(read);
  });

  it('a throttled X channel never delays a Facebook channel synced at the same time', async () => {
    await simJson(sim, '/_sim/faults', { method: 'POST', body: { network: 'x', kind: 'rate_limit', options: { code: 88 } } });
    try {
      const { runner, config } = runnerWith();
      const x = await connectDemoX(db.dataSource, config);
      const facebook = await connectDemoPage(db.dataSource, config);
      const t0 = Date.now();
      const [xr, fb] = await Promise.all([runner.run(x.id), runner.run(facebook.id)]);
      expect(xr.error).toBe('RATE_LIMITED: Rate limit exceeded');
      expect(fb.error).toBeUndefined();
      expect(fb.messagesInserted).toBeGreaterThan(0);
      // The storm pauses X without a sleep in a worker slot: its next run returns at once.
      const t1 = Date.now();
      expect((await runner.run(x.id)).skipped).toBe('paused');
      expect(Date.now() - t1).toBeLessThan(1_000);
      await simJson(sim, '/_sim/generate', { method: 'POST', body: { count: 20, network: 'facebook' } });
      const again = await runner.run(facebook.id);
      expect(again.error).toBeUndefined();
      expect(again.messagesInserted).toBeGreaterThan(0);
      expect(Date.now() - t0).toBeLessThan(20_000);
    } finally {
      await simJson(sim, '/_sim/faults', { method: 'DELETE', body: { network: 'x' } });
    }
  });
});
