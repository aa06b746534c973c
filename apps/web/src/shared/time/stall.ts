/**
 * How the dashboard's API and LIVE badges read silence (issue 28: both stayed green while the api
 * was frozen for 20 s). The health check runs every HEALTH_POLL_MS and the event stream pings every
 * 15 s (apps/api/src/events/events.controller.ts HEARTBEAT_MS): a missed answer or ping turns the
 * badge amber, a second one red.
 */
export const HEALTH_POLL_MS = 5_000;
export const API_SLOW_AFTER_MS = 12_000;
export const API_DOWN_AFTER_MS = 25_000;
export const LIVE_STALLED_AFTER_MS = 20_000;
export const LIVE_LOST_AFTER_MS = 35_000;

export type Signal = 'ok' | 'slow' | 'down';

/** The API badge: `healthy` is what the last answer said; `ageMs` how long ago that answer came. */
export function apiSignal(healthy: boolean, ageMs: number): Signal {
  if (!healthy || ageMs > API_DOWN_AFTER_MS) return 'down';
  return ageMs > API_SLOW_AFTER_MS ? 'slow' : 'ok';
}

/** The LIVE badge: how long the open stream has been silent (no event, no ping). */
export function liveSignal(silentMs: number): Signal {
  if (silentMs > LIVE_LOST_AFTER_MS) return 'down';
  return silentMs > LIVE_STALLED_AFTER_MS ? 'slow' : 'ok';
}
