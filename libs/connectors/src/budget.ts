/**
 * A network's remaining budget as the connector last read it from response headers. Connectors
 * slow down before the limit (DESIGN.md §4): `waitBeforeNextCallMs` is how long the next call
 * should wait, `usedPercent` feeds the adaptive sync interval.
 */
export interface BudgetState {
  /** The highest usage the network reported, 0–100 (or more when over). */
  usedPercent: number;
  /** Epoch ms before which no call should be made (set when the budget is spent). */
  pausedUntil?: number;
  /** When this state was read (epoch ms). */
  readAt: number;
  /**
   * Epoch ms at which `usedPercent` falls back to nothing (the end of the window or day it was
   * counted in), where the network's budget has one: XING's minute, YouTube's Pacific day, X's
   * window or month. Shown to admins; a window that ends before the next run slows nothing down.
   */
  resetsAt?: number;
  /**
   * The length of the window `usedPercent` is counted in, where the connector counts a fixed window
   * itself (XING's minute): the scheduler then paces runs by what each costs (windowPaceMs).
   */
  windowMs?: number;
}

/** Usage from which calls are spaced out, and from which they stop until the budget recovers. */
export const SLOW_DOWN_AT_PERCENT = 75;
export const STOP_AT_PERCENT = 95;

/** The pause before the next call: none under 75 %, growing to 10 s at 95 %, paused above. */
export function waitBeforeNextCallMs(state: BudgetState | undefined, now: number): number {
  if (!state) return 0;
  if (state.pausedUntil && state.pausedUntil > now) return state.pausedUntil - now;
  // The network's announced regain time has passed: the spent budget is back, until headers say otherwise.
  if (state.pausedUntil) return 0;
  // The window the use was counted in has ended (XING's minute): it is whole again. Without this the
  // first call of every run after a busy minute waited up to 10 s for a budget that was back.
  if (state.resetsAt !== undefined && state.resetsAt <= now) return 0;
  if (state.usedPercent < SLOW_DOWN_AT_PERCENT) return 0;
  const over = Math.min(1, (state.usedPercent - SLOW_DOWN_AT_PERCENT) / (STOP_AT_PERCENT - SLOW_DOWN_AT_PERCENT));
  return Math.round(250 + over * 9_750);
}

/**
 * How much longer than usual a sync should wait, from the budget left (1 = normal). `nextRunAt`:
 * when the next run would start at the usual interval; a budget counted in a window that has ended
 * by then (XING's minute) is whole again and slows nothing down — without it a busy minute stretched
 * XING's interval for as long as the stored percentage stayed high.
 */
export function intervalFactor(state: BudgetState | undefined, nextRunAt?: number): number {
  if (!state || state.usedPercent < 50) return 1;
  if (state.resetsAt !== undefined && nextRunAt !== undefined && state.resetsAt <= nextRunAt) return 1;
  // A counted window paces by cost instead (windowPaceMs): its percentage rises and falls each window.
  if (state.windowMs !== undefined) return 1;
  if (state.usedPercent < SLOW_DOWN_AT_PERCENT) return 2;
  if (state.usedPercent < STOP_AT_PERCENT) return 4;
  return 8;
}

/**
 * The shortest interval at which runs costing what this one did keep a counted window's use under
 * SLOW_DOWN_AT_PERCENT, so calls are never spaced out or paused (XING: 4 calls a run at 50 a
 * minute → every 6.4 s). 0 when the budget has no counted window or the run cost nothing.
 * `before`: the state the run started from; its use counts only when the run stayed in its window.
 */
export function windowPaceMs(before: BudgetState | undefined, after: BudgetState | undefined): number {
  if (!after?.windowMs || after.resetsAt === undefined) return 0;
  const sameWindow = before?.resetsAt === after.resetsAt;
  const cost = after.usedPercent - (sameWindow && before ? before.usedPercent : 0);
  return cost > 0 ? Math.ceil((after.windowMs * cost) / SLOW_DOWN_AT_PERCENT) : 0;
}
