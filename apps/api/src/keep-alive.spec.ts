import { LIVE_REFETCH_INTERVAL_MS } from '@resonance/contracts';
import { API_KEEP_ALIVE_TIMEOUT_MS } from './keep-alive';

describe('keep-alive timeout of the api', () => {
  it("outlasts several of a dashboard's live refetch intervals, so refetches reuse their connections", () => {
    // At Node's default (5 s) every refetch reconnected, and 200 dashboards at once overflowed the listen queue.
    expect(API_KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThanOrEqual(LIVE_REFETCH_INTERVAL_MS * 10);
  });
});
