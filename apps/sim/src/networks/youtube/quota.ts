import { nextPacificMidnight, pacificDay } from '@resonance/contracts';

/**
 * The YouTube Data API quota of one Google Cloud project (OAuth client): units per day, reset at
 * midnight Pacific time. Costs as documented: list 1, insert/update/delete 50, search 100.
 */
export const COST = { list: 1, insert: 50, search: 100, moderate: 50 } as const;
export const DEFAULT_DAILY_UNITS = 10_000;

export class QuotaMeter {
  dailyUnits = DEFAULT_DAILY_UNITS;
  private readonly used = new Map<string, { day: string; units: number }>();

  usedToday(clientId: string, now: number): number {
    const u = this.used.get(clientId);
    return u?.day === pacificDay(now) ? u.units : 0;
  }

  /** Charges `cost` units if the day has them; false when the quota is spent (nothing charged). */
  charge(clientId: string, cost: number, now: number): boolean {
    const units = this.usedToday(clientId, now);
    if (units + cost > this.dailyUnits) return false;
    this.used.set(clientId, { day: pacificDay(now), units: units + cost });
    return true;
  }

  set(clientId: string, units: number, now: number): void {
    this.used.set(clientId, { day: pacificDay(now), units });
  }

  resetsAt(now: number): number {
    return nextPacificMidnight(now);
  }
}
