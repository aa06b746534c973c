/**
 * Facebook's usage headers: X-App-Usage (per app, per hour) and X-Business-Use-Case-Usage (per
 * page). Each value is a percentage of the budget used in the last hour; at 100 calls fail with
 * code 4 (app) or 32 (page) until the window slides.
 */
export interface UsageLimits {
  /** Calls per rolling hour for the app (all tokens). */
  appCallsPerHour: number;
  /** Calls per rolling hour per page (page tokens). */
  pageCallsPerHour: number;
}

export const DEFAULT_LIMITS: UsageLimits = { appCallsPerHour: 200_000, pageCallsPerHour: 200_000 };

const WINDOW_MS = 3600_000;
const BUCKET_MS = 60_000;

/** Counts calls in one-minute buckets over a rolling hour: constant memory at any call rate. */
class RollingCounter {
  private readonly buckets = new Map<number, number>();

  add(now: number): void {
    const b = Math.floor(now / BUCKET_MS);
    this.buckets.set(b, (this.buckets.get(b) ?? 0) + 1);
  }

  count(now: number): number {
    const oldest = Math.floor((now - WINDOW_MS) / BUCKET_MS);
    let total = 0;
    for (const [b, n] of this.buckets) {
      if (b <= oldest) this.buckets.delete(b);
      else total += n;
    }
    return total;
  }

  /** Minutes until the count falls below `limit`. */
  minutesToRegain(now: number, limit: number): number {
    let excess = this.count(now) - limit + 1;
    if (excess <= 0) return 0;
    const sorted = [...this.buckets.entries()].sort((a, b) => a[0] - b[0]);
    for (const [b, n] of sorted) {
      excess -= n;
      if (excess <= 0) return Math.max(1, Math.ceil(((b + 1) * BUCKET_MS + WINDOW_MS - now) / 60_000));
    }
    return 60;
  }
}

export class UsageMeter {
  private readonly app = new RollingCounter();
  private readonly pages = new Map<string, RollingCounter>();
  limits: UsageLimits = { ...DEFAULT_LIMITS };

  /** `type` in X-Business-Use-Case-Usage: "pages" for a Page, "instagram" for an Instagram account. */
  constructor(private readonly useCaseType: 'pages' | 'instagram' = 'pages') {}

  record(now: number, pageId: string | null): void {
    this.app.add(now);
    if (pageId) this.pageCounter(pageId).add(now);
  }

  appPercent(now: number): number {
    return Math.min(100, Math.floor((this.app.count(now) * 100) / this.limits.appCallsPerHour));
  }

  pagePercent(now: number, pageId: string): number {
    return Math.min(100, Math.floor((this.pageCounter(pageId).count(now) * 100) / this.limits.pageCallsPerHour));
  }

  /** The two headers; `storm` forces them to show an exhausted budget (rate-limit fault). */
  headers(now: number, pageId: string | null, storm?: { regainMinutes: number }): Record<string, string> {
    const appPct = storm ? 100 : this.appPercent(now);
    // CPU and time track calls in the sim: its calls cost the same.
    const headers: Record<string, string> = {
      'x-app-usage': JSON.stringify({ call_count: appPct, total_cputime: Math.floor(appPct / 2), total_time: Math.floor(appPct / 2) }),
    };
    if (pageId) {
      const pct = storm ? 100 : this.pagePercent(now, pageId);
      const regain = storm ? storm.regainMinutes : this.pageCounter(pageId).minutesToRegain(now, this.limits.pageCallsPerHour);
      headers['x-business-use-case-usage'] = JSON.stringify({
        [pageId]: [
          {
            type: this.useCaseType,
            call_count: pct,
            total_cputime: Math.floor(pct / 2),
            total_time: Math.floor(pct / 2),
            estimated_time_to_regain_access: regain,
          },
        ],
      });
    }
    return headers;
  }

  private pageCounter(pageId: string): RollingCounter {
    let c = this.pages.get(pageId);
    if (!c) {
      c = new RollingCounter();
      this.pages.set(pageId, c);
    }
    return c;
  }
}
