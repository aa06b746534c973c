import { STOP_AT_PERCENT, type BudgetState } from '../budget';

/**
 * LinkedIn's limits are per day (reset at midnight UTC) and announced by nothing but a 429: no
 * usage headers. So the connector counts its own calls per channel and UTC day; the shared budget
 * (budget.ts) slows calls down from 75 % of the daily allowance and stops at 95 %, and a 429 pauses
 * the channel until the next reset.
 */
export interface LinkedInBudgetState extends BudgetState {
  /** The UTC day the count belongs to (YYYY-MM-DD). */
  day: string;
  calls: number;
}

export const utcDay = (now: number): string => new Date(now).toISOString().slice(0, 10);

/** Epoch ms of the next midnight UTC after `now`: when LinkedIn's daily limits reset. */
export function nextUtcMidnight(now: number): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
}

const isLinkedInState = (s: BudgetState | undefined): s is LinkedInBudgetState =>
  !!s && typeof (s as LinkedInBudgetState).day === 'string' && typeof (s as LinkedInBudgetState).calls === 'number';

/** One more call made: counts it against today's allowance (a new UTC day starts from zero). */
export function countLinkedInCall(previous: BudgetState | undefined, now: number, dailyCalls: number): LinkedInBudgetState {
  const day = utcDay(now);
  const sameDay = isLinkedInState(previous) && previous.day === day;
  // A pause the worker stored after a rate limit keeps only the percentage: today's count is read back from it.
  const carried = sameDay
    ? previous.calls
    : previous && !isLinkedInState(previous) && utcDay(previous.readAt) === day
      ? Math.round((previous.usedPercent / 100) * dailyCalls)
      : 0;
  const calls = carried + 1;
  const state: LinkedInBudgetState = { day, calls, usedPercent: (calls / dailyCalls) * 100, readAt: now };
  // A pause set by a 429 today holds until the reset; yesterday's pause is over.
  if (sameDay && previous.pausedUntil && previous.pausedUntil > now) state.pausedUntil = previous.pausedUntil;
  // The day's allowance is as good as spent: stop here rather than run into LinkedIn's 429.
  if (state.usedPercent >= STOP_AT_PERCENT) state.pausedUntil = nextUtcMidnight(now);
  return state;
}

/** The budget after LinkedIn answered 429: spent until midnight UTC. */
export function throttledUntilReset(previous: BudgetState | undefined, now: number): LinkedInBudgetState {
  const calls = isLinkedInState(previous) && previous.day === utcDay(now) ? previous.calls : 1;
  return { day: utcDay(now), calls, usedPercent: 100, pausedUntil: nextUtcMidnight(now), readAt: now };
}
