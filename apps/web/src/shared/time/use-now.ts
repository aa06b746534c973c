import { useSyncExternalStore } from 'react';

/** How often relative times, waiting badges and SLA due times move on: often enough to read true, rarely enough to be cheap. */
export const CLOCK_TICK_MS = 15_000;

/**
 * One clock for the whole page: a single timer while anything shows a relative time, every
 * subscriber re-rendered once per tick with the same value (not a timer per row, and no re-render
 * when nothing changed). The timer runs only while there are subscribers; the time is read again
 * when the first one subscribes, so a tab coming back shows the current time at once.
 */
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function tick(): void {
  now = Date.now();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(tick, CLOCK_TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (!listeners.size && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const snapshot = () => now;

/**
 * The current time in ms, renewed every CLOCK_TICK_MS by the shared clock. Rendering must not read
 * the clock itself (React may render a component more than once, and each read would differ).
 */
export function useNow(): number {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
