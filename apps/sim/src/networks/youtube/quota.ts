import { nextPacificMidnight, pacificDay } from '@resonance/contracts';

/**
 * The YouTube Data API quota of one Google Cloud project (OAuth client), reset at midnight Pacific
 * time. Since YouTube's quota change of 2026-06-01 (determine_quota_cost) a project has three
 * buckets: `search.list` and `videos.insert` each have their own, 100 calls a day at 1 per call,
 * and every other method shares 10,000 units a day at the documented costs: list 1,
 * insert/update/delete/rate/reportAbuse/thumbnails.set 50; captions list 50, insert 400, update
 * 450, download 200, delete 50.
 */
export const COST = { list: 1, insert: 50, moderate: 50, call: 1, captionList: 50, captionInsert: 400, captionUpdate: 450, captionDownload: 200 } as const;
export const DEFAULT_DAILY_UNITS = 10_000;

export type QuotaBucket = 'units' | 'search' | 'upload';
export const BUCKETS: QuotaBucket[] = ['units', 'search', 'upload'];
const DEFAULT_LIMITS: Record<QuotaBucket, number> = { units: DEFAULT_DAILY_UNITS, search: 100, upload: 100 };

export class QuotaMeter {
  private readonly limits: Record<QuotaBucket, number> = { ...DEFAULT_LIMITS };
  private readonly used = new Map<string, { day: string; units: number }>();

  /** The shared bucket's daily units (the control API and older callers set it by this name). */
  get dailyUnits(): number {
    return this.limits.units;
  }

  set dailyUnits(units: number) {
    this.limits.units = units;
  }

  limit(bucket: QuotaBucket): number {
    return this.limits[bucket];
  }

  setLimit(bucket: QuotaBucket, daily: number): void {
    this.limits[bucket] = daily;
  }

  usedToday(clientId: string, now: number, bucket: QuotaBucket = 'units'): number {
    const u = this.used.get(`${bucket}:${clientId}`);
    return u?.day === pacificDay(now) ? u.units : 0;
  }

  /** Charges `cost` to the bucket if the day has it; false when the bucket is spent (nothing charged). */
  charge(clientId: string, cost: number, now: number, bucket: QuotaBucket = 'units'): boolean {
    const units = this.usedToday(clientId, now, bucket);
    if (units + cost > this.limits[bucket]) return false;
    this.used.set(`${bucket}:${clientId}`, { day: pacificDay(now), units: units + cost });
    return true;
  }

  set(clientId: string, units: number, now: number, bucket: QuotaBucket = 'units'): void {
    this.used.set(`${bucket}:${clientId}`, { day: pacificDay(now), units });
  }

  resetsAt(now: number): number {
    return nextPacificMidnight(now);
  }
}
