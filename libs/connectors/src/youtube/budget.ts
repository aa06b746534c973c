import { nextPacificMidnight, pacificDay, pacificDayStart } from '@resonance/contracts';
import type { BudgetState } from '../budget';
import { ConnectorError } from '../errors';
import type { BudgetHolder } from '../http';

/**
 * YouTube's quota: units per day (10,000 by default), reset at midnight Pacific time. Google sends
 * no usage headers, so the connector counts the units it spends itself, in the channel's stored
 * budget, and plans with them before calling:
 * - reads are paced over the day: by a given time they may have used only that share of the day's
 *   read units (plus a head start), so a busy channel slows down instead of running dry at noon;
 * - replies (comments.insert, 50 units) may use the reserve that reads never touch, so an answer
 *   can always go out;
 * - a quotaExceeded answer (the count was off, or another client shares the project) marks the
 *   day spent and pauses the channel until the reset.
 */
export const UNIT_COST = {
  list: 1,
  insert: 50,
  // Since Google's quota change of 2026-06-01, search.list counts against a bucket of its own (100
  // calls a day), not the units; the connector does not call it.
  search: 0,
} as const;

/**
 * A refused read waits until this many units fit the plan, not just one: a run that resumes can
 * get through a page and the replies it needs instead of spending one unit per run on the same page.
 */
export const RESUME_UNITS = 20;

/** Share of the day's read units usable at once at the start of the day (so a new day starts with a catch-up). */
export const HEAD_START_SHARE = 0.05;
const DAY_MS = 86_400_000;

export interface YoutubeBudgetSettings {
  dailyUnits: number;
  /** Units reads never spend: kept for replies. */
  replyReserveUnits: number;
}

/** The stored budget: the generic fields plus the day's unit count. */
export interface YoutubeBudgetState extends BudgetState {
  /** Pacific day (YYYY-MM-DD) the count belongs to. */
  day: string;
  /** Units spent that day. */
  units: number;
  /** The daily quota the count is measured against. */
  limit: number;
  /** Google answered quotaExceeded this day: nothing more until the reset, replies included. */
  spent?: boolean;
}

export class YoutubeBudget {
  constructor(
    private readonly holder: BudgetHolder,
    private readonly settings: YoutubeBudgetSettings,
    private readonly now: () => number = Date.now,
  ) {}

  /** Today's state: a new Pacific day starts from zero (and ends a quota pause). */
  state(): YoutubeBudgetState {
    const now = this.now();
    const day = pacificDay(now);
    const s = this.holder.state as Partial<YoutubeBudgetState> | undefined;
    if (s?.day === day && typeof s.units === 'number') {
      return { ...(s as YoutubeBudgetState), limit: this.settings.dailyUnits };
    }
    return { day, units: 0, limit: this.settings.dailyUnits, usedPercent: 0, readAt: now };
  }

  private get readUnits(): number {
    return Math.max(1, this.settings.dailyUnits - this.settings.replyReserveUnits);
  }

  /** Read units the day allows by now: its elapsed share plus the head start, at most all of them. */
  readAllowance(now = this.now()): number {
    const elapsed = (now - pacificDayStart(now)) / DAY_MS;
    return Math.min(this.readUnits, Math.floor(this.readUnits * Math.min(1, elapsed + HEAD_START_SHARE)));
  }

  /** Ms until a read of `cost` units fits the plan (0: now; Infinity never happens — the next day always fits). */
  readWaitMs(cost: number = UNIT_COST.list): number {
    const now = this.now();
    const s = this.state();
    if (s.pausedUntil && s.pausedUntil > now) return s.pausedUntil - now;
    if (s.units + cost <= this.readAllowance(now)) return 0;
    const needShare = (s.units + cost) / this.readUnits - HEAD_START_SHARE;
    if (needShare > 1) return Math.max(1_000, nextPacificMidnight(now) - now);
    const at = pacificDayStart(now) + Math.ceil(needShare * DAY_MS);
    return Math.max(1_000, Math.min(at, nextPacificMidnight(now)) - now);
  }

  /** Replies may spend the whole day's quota, reserve included; a pause of the reads' plan does not stop them. */
  canWrite(cost: number = UNIT_COST.insert): boolean {
    const s = this.state();
    return !s.spent && s.units + cost <= this.settings.dailyUnits;
  }

  /** Refuses a read the plan cannot afford now: RATE_LIMITED with the wait, said plainly. */
  assertRead(cost: number = UNIT_COST.list): void {
    if (this.readWaitMs(cost) <= 0) return;
    const wait = Math.max(1_000, this.readWaitMs(Math.max(cost, RESUME_UNITS)));
    throw new ConnectorError({
      network: 'youtube',
      code: 'RATE_LIMITED',
      message: `YouTube quota plan: ${this.state().units} of ${this.settings.dailyUnits} units used today (${this.settings.replyReserveUnits} kept for replies); reading again at ${new Date(this.now() + wait).toISOString()}`,
      retryAfterMs: wait,
    });
  }

  assertWrite(cost: number = UNIT_COST.insert): void {
    if (this.canWrite(cost)) return;
    const s = this.state();
    const reset = nextPacificMidnight(this.now());
    throw new ConnectorError({
      network: 'youtube',
      code: 'QUOTA_EXCEEDED',
      message: `YouTube's daily quota cannot pay for a reply (${s.units} of ${s.limit} units used today); it resets at midnight Pacific time (${new Date(reset).toISOString()})`,
      retryAfterMs: Math.max(1_000, reset - this.now()),
    });
  }

  /** Counts units spent (a call that reached Google costs its units, even when it failed). */
  charge(cost: number): void {
    const s = this.state();
    this.store({ ...s, units: s.units + cost });
  }

  /** Google said the quota is spent: the day is over for this channel until the reset. */
  exhausted(): void {
    const now = this.now();
    const s = this.state();
    this.store({ ...s, units: Math.max(s.units, s.limit), spent: true, pausedUntil: nextPacificMidnight(now) });
  }

  private store(s: YoutubeBudgetState): void {
    const now = this.now();
    // usedPercent: how much of what the plan allows by now is spent; the sync interval stretches as it nears 100.
    const usedPercent = Math.round((1000 * s.units) / Math.max(1, this.readAllowance(now))) / 10;
    const next: YoutubeBudgetState = { ...s, usedPercent, readAt: now, resetsAt: nextPacificMidnight(now) };
    if (!next.pausedUntil || next.pausedUntil <= now) delete next.pausedUntil;
    this.holder.state = next;
  }
}
