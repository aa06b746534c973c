import type { BudgetState } from '../budget';

/** XING sends no budget headers we know of: the connector counts its own calls per channel and minute. */
export const XING_WINDOW_MS = 60_000;

export interface XingBudgetState extends BudgetState {
  windowStart: number;
  calls: number;
}

/**
 * One more call in the channel's current minute → budget. Usage above 75 % spaces calls out (the
 * shared waitBeforeNextCallMs); a spent minute pauses calls until the window ends, so XING's 403
 * RATE_LIMIT_EXCEEDED is not hit in the first place.
 */
export function countXingCall(callsPerMinute: number) {
  return (_headers: Headers, previous: BudgetState | undefined, now: number): XingBudgetState => {
    const prev = previous as Partial<XingBudgetState> | undefined;
    const lastStart = prev?.windowStart;
    const fresh = typeof lastStart !== 'number' || now - lastStart >= XING_WINDOW_MS;
    const windowStart = fresh ? now : lastStart;
    const calls = (fresh ? 0 : (prev?.calls ?? 0)) + 1;
    const usedPercent = (calls / callsPerMinute) * 100;
    return {
      usedPercent,
      readAt: now,
      windowStart,
      calls,
      resetsAt: windowStart + XING_WINDOW_MS,
      windowMs: XING_WINDOW_MS,
      ...(calls >= callsPerMinute ? { pausedUntil: windowStart + XING_WINDOW_MS } : {}),
    };
  };
}
