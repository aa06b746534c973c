import type { BudgetState } from '../budget';

/** One of X's per-endpoint windows, as its x-rate-limit-* headers last reported it. */
export interface XRateWindow {
  limit: number;
  remaining: number;
  /** Epoch ms at which the window resets (x-rate-limit-reset is in epoch seconds). */
  resetAt: number;
}

/** Posts read this calendar month (UTC) against the configured monthly read budget. */
export interface XMonthlyReads {
  /** YYYY-MM */
  month: string;
  read: number;
  limit: number;
  /** Posts the pace allows by now (shown to admins next to `read`). */
  allowedNow?: number;
}

/**
 * X's budget of one channel: every endpoint window seen (15-minute or 24-hour windows, each with
 * its own limit), and the month's reads. Stored as channel_account.rate_budget.state, so admins
 * see both.
 */
export interface XBudgetState extends BudgetState {
  windows?: Record<string, XRateWindow>;
  monthly?: XMonthlyReads;
}

/** A fresh channel may read one day's share at once (its backfill) before the pace applies. */
const MONTHLY_SLACK_DAYS = 1;

const monthOf = (now: number) => new Date(now).toISOString().slice(0, 7);
function monthBounds(now: number): { start: number; end: number } {
  const d = new Date(now);
  return { start: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1), end: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) };
}

/** Reads allowed by `now` when the budget is spread evenly over the month (plus a day's slack). */
export function monthlyAllowance(limit: number, now: number): number {
  const { start, end } = monthBounds(now);
  const length = end - start;
  const slack = (limit * MONTHLY_SLACK_DAYS * 86_400_000) / length;
  return Math.min(limit, Math.floor(slack + (limit * (now - start)) / length));
}

/** When the pace allows `read` posts again: the time at which the allowance reaches it. */
function paceResumesAt(limit: number, read: number, now: number): number {
  const { start, end } = monthBounds(now);
  if (read >= limit) return end;
  const length = end - start;
  const slack = (limit * MONTHLY_SLACK_DAYS * 86_400_000) / length;
  return Math.ceil(start + ((read - slack) / limit) * length);
}

/**
 * Derives usedPercent and pausedUntil from the windows and the month: the fullest live window
 * counts; a spent window pauses calls until its reset; reads ahead of the monthly pace pause
 * calls until the pace catches up (the scheduler's runs then skip until then).
 */
export function settleXBudget(state: XBudgetState, now: number): XBudgetState {
  const windows: Record<string, XRateWindow> = {};
  let used = 0;
  let pausedUntil = 0;
  // When the fullest budget counts down to nothing: its window's reset, or the month's end.
  let resetsAt = 0;
  for (const [key, w] of Object.entries(state.windows ?? {})) {
    if (w.resetAt <= now) continue;
    windows[key] = w;
    const windowUsed = w.limit > 0 ? ((w.limit - w.remaining) / w.limit) * 100 : 0;
    if (windowUsed > used || !resetsAt) resetsAt = w.resetAt;
    used = Math.max(used, windowUsed);
    if (w.remaining <= 0) pausedUntil = Math.max(pausedUntil, w.resetAt);
  }
  let monthly = state.monthly;
  if (monthly) {
    if (monthly.month !== monthOf(now)) monthly = { ...monthly, month: monthOf(now), read: 0 };
    const allowedNow = monthlyAllowance(monthly.limit, now);
    monthly = { ...monthly, allowedNow };
    // Reads close to the pace lengthen the interval (intervalFactor) before they pause anything.
    const monthUsed = Math.min(100, (60 * monthly.read) / Math.max(1, allowedNow));
    if (monthUsed >= used) resetsAt = monthBounds(now).end;
    used = Math.max(used, monthUsed);
    if (monthly.read >= allowedNow) pausedUntil = Math.max(pausedUntil, paceResumesAt(monthly.limit, monthly.read, now));
  }
  const next: XBudgetState = { usedPercent: Math.round(used * 10) / 10, readAt: now, windows };
  if (monthly) next.monthly = monthly;
  if (resetsAt > now) next.resetsAt = resetsAt;
  if (pausedUntil > now) next.pausedUntil = pausedUntil;
  return next;
}

/** X's x-rate-limit-limit / -remaining / -reset headers of one endpoint → the channel's budget. */
export function readXBudget(headers: Headers, previous: BudgetState | undefined, now: number, endpoint = 'default'): XBudgetState | undefined {
  const limit = Number(headers.get('x-rate-limit-limit'));
  const remaining = Number(headers.get('x-rate-limit-remaining'));
  const reset = Number(headers.get('x-rate-limit-reset'));
  if (!headers.has('x-rate-limit-limit') || !Number.isFinite(limit) || !Number.isFinite(remaining) || !Number.isFinite(reset)) {
    return previous;
  }
  const prev = (previous ?? { usedPercent: 0, readAt: now }) as XBudgetState;
  return settleXBudget({ ...prev, windows: { ...prev.windows, [endpoint]: { limit, remaining, resetAt: reset * 1000 } } }, now);
}

/** Counts posts read against the month (X counts every post a read returns). */
export function countXReads(previous: BudgetState | undefined, posts: number, limit: number, now: number): XBudgetState {
  const prev = (previous ?? { usedPercent: 0, readAt: now }) as XBudgetState;
  const month = monthOf(now);
  const current = prev.monthly?.month === month ? prev.monthly : { month, read: 0, limit };
  return settleXBudget({ ...prev, monthly: { ...current, limit, read: current.read + posts } }, now);
}
