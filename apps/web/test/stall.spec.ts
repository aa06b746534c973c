import { API_DOWN_AFTER_MS, API_SLOW_AFTER_MS, apiSignal, LIVE_LOST_AFTER_MS, LIVE_STALLED_AFTER_MS, liveSignal } from '../src/shared/time/stall';

describe('the API and LIVE badges read silence', () => {
  it('API: green while answers come, amber after a missed one, red after two or when unhealthy', () => {
    expect(apiSignal(true, 1_000)).toBe('ok');
    expect(apiSignal(true, API_SLOW_AFTER_MS + 1)).toBe('slow');
    expect(apiSignal(true, API_DOWN_AFTER_MS + 1)).toBe('down');
    expect(apiSignal(false, 0)).toBe('down');
  });

  it('LIVE: amber after a missed heartbeat, red after two', () => {
    expect(liveSignal(15_000)).toBe('ok');
    expect(liveSignal(LIVE_STALLED_AFTER_MS + 1)).toBe('slow');
    expect(liveSignal(LIVE_LOST_AFTER_MS + 1)).toBe('down');
  });
});
