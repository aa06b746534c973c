import type { Config } from '@resonance/config';
import { nextPacificMidnight } from '@resonance/contracts';
import { createConnectorRegistry, YoutubeBudget, type YoutubeBudgetState } from '@resonance/connectors';
import type { Workspace } from '@resonance/db';
import type { RunningSim } from '@resonance/sim';
import { createTestDatabase, makeUser, testConfig, type TestDatabase } from '@resonance/testing';
import { ChannelAccess } from '../src/channels/channel-access';
import { IngestStore } from '../src/ingest/ingest-store';
import { OutboundSender } from '../src/outbound/outbound-sender';
import { SyncRunner } from '../src/sync/sync-runner';
import { compareWithTruth, connectDemoPage, simJson, storedMessages, testSim } from './pipeline-support';
import { clearYoutubeFaults, connectDemoChannel, quota, youtubeFault, youtubeTestEnv, youtubeTruth } from './youtube-support';

/**
 * YouTube's daily unit quota, planned before it is hit: reads are paced over the Pacific day and
 * leave a reserve for replies; a quotaExceeded answer pauses the channel until midnight Pacific and
 * says so to admins; a throttled YouTube channel never holds up another network's sync.
 */
describe('YouTube quota plan', () => {
  let db: TestDatabase;
  let sim: RunningSim;
  let config: Config;
  let runner: SyncRunner;
  let sender: OutboundSender;
  const DAILY = 300;
  const RESERVE = 150;

  beforeAll(async () => {
    db = await createTestDatabase();
    sim = await testSim();
    config = testConfig({
      ...youtubeTestEnv(sim),
      SYNC_LEASE_MS: '5000',
      // The plan's own waits are kept (up to 15 minutes), as in production.
      RATE_LIMIT_MAX_DELAY_MS: '900000',
      YOUTUBE_DAILY_QUOTA_UNITS: String(DAILY),
      YOUTUBE_REPLY_RESERVE_UNITS: String(RESERVE),
      YOUTUBE_RECONCILE_EVERY_MS: '0',
    });
    const registry = createConnectorRegistry(config);
    const access = new ChannelAccess(db.dataSource, config.ENCRYPTION_KEY, registry);
    runner = new SyncRunner(db.dataSource, new IngestStore(db.dataSource), access, registry, config);
    sender = new OutboundSender(db.dataSource, access, registry, config);
    await simJson(sim, '/_sim/generate', { method: 'POST', body: { count: 300, network: 'youtube' } });
  });
  afterAll(async () => {
    await sim?.close();
    await db?.drop();
  });
  beforeEach(() => quota(sim, { dailyUnits: DAILY, used: 0 }));

  const budgetOf = async (id: string): Promise<{ state: YoutubeBudgetState; last_error: string | null; interval: number }> => {
    const [row] = await db.dataSource.query(`SELECT rate_budget, last_error, (sync_state->>'intervalMs')::int AS interval FROM channel_account WHERE id = $1`, [
      id,
    ]);
    return { state: row.rate_budget.state, last_error: row.last_error, interval: row.interval };
  };
  const queueReply = async (channel: { id: string; workspaceId: string }, text: string): Promise<string> => {
    const userId = (await makeUser(db.dataSource, { id: channel.workspaceId } as Workspace)).id;
    const [thread] = await db.dataSource.query(`SELECT id::text FROM thread WHERE channel_account_id = $1 ORDER BY last_message_at DESC LIMIT 1`, [channel.id]);
    const [row] = await db.dataSource.query(
      `INSERT INTO message (workspace_id, channel_account_id, thread_id, direction, is_from_account, author_user_id, text, created_at, delivery)
       VALUES ($1, $2, $3, 'outbound', true, $4, $5, now(), 'queued') RETURNING id::text`,
      [channel.workspaceId, channel.id, thread.id, userId, text],
    );
    return row.id;
  };

  it('slows down before the limit: reads stop at the share of the day the plan allows, never reaching quotaExceeded; a reply still goes out from the reserve', async () => {
    const channel = await connectDemoChannel(db.dataSource, config);
    const results = [];
    for (let i = 0; i < 200; i++) {
      const r = await runner.run(channel.id);
      results.push(r);
      if (r.error || r.skipped) break;
      await simJson(sim, '/_sim/generate', { method: 'POST', body: { count: 5, network: 'youtube' } });
    }
    const last = results[results.length - 1];
    expect(last.error).toMatch(/^RATE_LIMITED: YouTube quota plan: \d+ of 300 units used today \(150 kept for replies\)/);
    const { state, last_error, interval } = await budgetOf(channel.id);
    // The count the connector kept is what Google charged, and it stayed within the reads' share.
    const used = (await quota(sim)).used;
    expect(state.units).toBe(used);
    expect(used).toBeLessThanOrEqual(DAILY - RESERVE);
    expect(state.pausedUntil).toBeGreaterThan(Date.now());
    expect(last_error).toMatch(/reading again at/);
    expect(interval).toBeGreaterThan(config.SYNC_INTERVAL_MS);
    // Paused: the next run does not call YouTube at all.
    expect((await runner.run(channel.id)).skipped).toBe('paused');
    expect((await quota(sim)).used).toBe(used);
    // Everything read so far is stored exactly once (the stop lost nothing).
    const truth = await youtubeTruth(sim);
    const stored = await storedMessages(db.dataSource, channel.id);
    expect(
      compareWithTruth(
        truth.filter((t) => stored.some((m) => m.external_id === t.externalId)),
        stored,
      ),
    ).toEqual([]);

    // Replies keep their units: findExisting (1) + comments.insert (50) from the reserve.
    const sent = await sender.send(await queueReply(channel, `Antwort aus der Reserve ${Date.now()}`));
    expect(sent).toMatchObject({ status: 'sent' });
    expect((await quota(sim)).used).toBe(used + 51);
    expect((await budgetOf(channel.id)).state.units).toBe(used + 51);
  });

  it('quotaExceeded pauses the channel until midnight Pacific and says so; nothing is called meanwhile; after the reset it reads again from zero', async () => {
    const channel = await connectDemoChannel(db.dataSource, config);
    expect((await runner.run(channel.id)).error).toBeUndefined();
    // Another client of the same Google project spent the rest of the day's quota.
    await quota(sim, { used: DAILY });
    await simJson(sim, '/_sim/generate', { method: 'POST', body: { count: 20, network: 'youtube' } });
    const r = await runner.run(channel.id);
    expect(r.error).toMatch(/^QUOTA_EXCEEDED: YouTube's daily quota is spent; calls resume after the reset at midnight Pacific time/);
    const reset = nextPacificMidnight(Date.now());
    const { state, last_error } = await budgetOf(channel.id);
    expect(Math.abs(state.pausedUntil! - reset)).toBeLessThan(5_000);
    expect(state.units).toBe(DAILY);
    expect(last_error).toContain(new Date(reset).toISOString());
    const [status] = await db.dataSource.query(`SELECT status FROM channel_account WHERE id = $1`, [channel.id]);
    expect(status.status).toBe('connected');
    // Meanwhile: sync runs are skipped, and a reply is held back without a call.
    const before = (await quota(sim)).used;
    expect((await runner.run(channel.id)).skipped).toBe('paused');
    const held = await sender.send(await queueReply(channel, `Nach dem Reset ${Date.now()}`));
    expect(held).toMatchObject({ status: 'failed', outcome: { action: 'delay' } });
    expect((await quota(sim)).used).toBe(before);

    // Midnight Pacific passes (for the sim's quota and the stored plan alike): reads resume from zero.
    await quota(sim, { used: 0 });
    await db.dataSource.query(
      `UPDATE channel_account SET rate_budget = jsonb_set(jsonb_set(rate_budget, '{state,pausedUntil}', to_jsonb($2::bigint)), '{state,day}', '"2000-01-01"') WHERE id = $1`,
      [channel.id, Date.now() - 1],
    );
    const after = await runner.run(channel.id);
    expect(after.error).toBeUndefined();
    expect(after.messagesInserted).toBeGreaterThan(0);
    const fresh = await budgetOf(channel.id);
    expect(fresh.state.units).toBe((await quota(sim)).used);
    expect(fresh.state.pausedUntil).toBeUndefined();
    expect(fresh.last_error).toBeNull();
  });

  it('a throttled YouTube never delays another network: its runs return at once while a Facebook channel syncs', async () => {
    const youtube = await connectDemoChannel(db.dataSource, config);
    const facebook = await connectDemoPage(db.dataSource, config);
    await simJson(sim, '/_sim/generate', { method: 'POST', body: { count: 200, network: 'facebook' } });
    await youtubeFault(sim, { kind: 'rate_limit' });
    try {
      const timed = async (id: string) => {
        const t0 = Date.now();
        const r = await runner.run(id);
        return { r, ms: Date.now() - t0 };
      };
      // Ten YouTube runs (a storm, then the plan's pause) alongside one Facebook sync.
      const [fb, ...yt] = await Promise.all([timed(facebook.id), ...Array.from({ length: 10 }, () => timed(youtube.id))]);
      expect(fb.r.error).toBeUndefined();
      expect(fb.r.messagesInserted).toBeGreaterThan(0);
      for (const y of yt) {
        expect(['paused', 'busy', undefined]).toContain(y.r.skipped);
        // No run sleeps on YouTube's limits: each ends well within a second.
        expect(y.ms).toBeLessThan(1_000);
      }
      expect(yt.some((y) => y.r.error?.startsWith('RATE_LIMITED'))).toBe(true);
      const truth = (await simJson<{ items: Parameters<typeof compareWithTruth>[0] }>(sim, '/_sim/truth?network=facebook&limit=100000')).items;
      expect(compareWithTruth(truth, await storedMessages(db.dataSource, facebook.id))).toEqual([]);
    } finally {
      await clearYoutubeFaults(sim);
    }
  });

  it('gets through a long walk on a tight plan: each run goes on where the last one stopped, nothing read twice', async () => {
    const wide = testConfig({
      ...youtubeTestEnv(sim),
      SYNC_LEASE_MS: '5000',
      RATE_LIMIT_MAX_DELAY_MS: '0',
      YOUTUBE_DAILY_QUOTA_UNITS: '100000',
      YOUTUBE_RECONCILE_EVERY_MS: '0',
    });
    const registry = createConnectorRegistry(wide);
    const tight = new SyncRunner(
      db.dataSource,
      new IngestStore(db.dataSource),
      new ChannelAccess(db.dataSource, wide.ENCRYPTION_KEY, registry),
      registry,
      wide,
    );
    await quota(sim, { dailyUnits: 1_000_000 });
    await simJson(sim, '/_sim/generate', { method: 'POST', body: { count: 8000, network: 'youtube' } });
    const usedBefore = (await quota(sim)).used;
    const channel = await connectDemoChannel(db.dataSource, wide);
    const plan = new YoutubeBudget({}, { dailyUnits: 100_000, replyReserveUnits: wide.YOUTUBE_REPLY_RESERVE_UNITS });
    const outcomes: string[] = [];
    let walks = 0;
    for (let i = 0; i < 60; i++) {
      // Each run may spend 12 units more than the plan's share of the day so far.
      const units = plan.readAllowance() - 12;
      await db.dataSource.query(`UPDATE channel_account SET rate_budget = $2::jsonb WHERE id = $1`, [
        channel.id,
        JSON.stringify({
          state: { ...(await budgetOf(channel.id)).state, day: plan.state().day, units, usedPercent: 0, readAt: Date.now(), pausedUntil: undefined },
        }),
      ]);
      const r = await tight.run(channel.id);
      outcomes.push(r.error ? r.error.split(':')[0] : (r.skipped ?? 'ok'));
      const [row] = await db.dataSource.query(`SELECT sync_state->'streams'->'comments' AS c FROM channel_account WHERE id = $1`, [channel.id]);
      if (row.c?.walk) walks += 1;
      if (row.c?.newest && !r.error) break;
    }
    // The walk needed several runs and finished; without going on where it stopped, 12 units a run would never get through.
    expect(outcomes.filter((o) => o === 'RATE_LIMITED').length).toBeGreaterThan(2);
    expect(walks).toBeGreaterThan(2);
    expect(outcomes[outcomes.length - 1]).toBe('ok');
    // About 12 units a run (the plan's share grows ~1 unit a second at 100,000 units a day while a run lasts).
    expect((await quota(sim)).used - usedBefore).toBeLessThanOrEqual(16 * outcomes.length);
    const truth = await youtubeTruth(sim);
    const stored = await storedMessages(db.dataSource, channel.id);
    expect(compareWithTruth(truth, stored)).toEqual([]);
  }, 120_000);
});
