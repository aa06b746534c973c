import type { ChannelRow } from './channels.repository';
import { errorCodeOf, syncHealth } from './sync-health';

const NOW = Date.parse('2026-12-07T12:00:00Z');
const row = (over: Partial<ChannelRow>): ChannelRow => ({
  id: 'c1',
  network: 'youtube',
  externalId: 'UC1',
  displayName: 'Shop',
  handle: null,
  status: 'connected',
  lastSyncedAt: new Date(NOW - 40_000),
  lastError: null,
  lastErrorAt: null,
  credentialsExpireAt: null,
  followers: null,
  createdAt: new Date(NOW - 86_400_000),
  budgetUsed: null,
  intervalMs: 60_000,
  lastRunAt: new Date(NOW - 30_000),
  failures: 0,
  pausedUntil: null,
  budgetResetsAt: null,
  ...over,
});
const health = (over: Partial<ChannelRow>) => syncHealth(row(over), { baseIntervalMs: 60_000, now: NOW });

describe('a channel card’s sync health', () => {
  it('the next sync is the last run plus the interval; the lag the time since the last success', () => {
    expect(health({})).toMatchObject({ pacing: 'normal', nextSyncAt: new Date(NOW + 30_000).toISOString(), lagMs: 40_000, failures: 0 });
    expect(health({ lastRunAt: null }).nextSyncAt).toBe(new Date(NOW).toISOString());
    expect(health({ intervalMs: null }).intervalMs).toBe(60_000);
  });

  it('says why: paced by the budget, paused until the budget returns, backing off after failures, stopped', () => {
    expect(health({ intervalMs: 240_000 }).pacing).toBe('paced');
    const paused = health({ pausedUntil: new Date(NOW + 600_000), failures: 1 });
    expect(paused).toMatchObject({ pacing: 'paused', nextSyncAt: new Date(NOW + 600_000).toISOString(), pausedUntil: new Date(NOW + 600_000).toISOString() });
    // A pause that has ended is no pause.
    expect(health({ pausedUntil: new Date(NOW - 1), failures: 2, intervalMs: 120_000 })).toMatchObject({ pacing: 'backing_off', pausedUntil: null });
    expect(health({ status: 'paused' })).toMatchObject({ pacing: 'stopped', nextSyncAt: null });
  });

  it('the error code comes from the text the sync runner writes, never from free text', () => {
    expect(errorCodeOf('TRANSIENT: GET /x connect ECONNREFUSED')).toBe('TRANSIENT');
    expect(errorCodeOf('youtube is not yet available in Resonance: its connector has not been built yet')).toBeNull();
    expect(errorCodeOf(null)).toBeNull();
  });
});
