/**
 * LinkedIn's throttles: calls per application and per member per day, reset at midnight UTC,
 * announced by nothing but a 429 once spent (no usage headers). The sim counts by the sim clock.
 */
export interface DailyLimits {
  appCallsPerDay: number;
  memberCallsPerDay: number;
}

export class DailyCounter {
  limits: DailyLimits = { appCallsPerDay: 100_000, memberCallsPerDay: 20_000 };
  private day = '';
  private app = 0;
  private readonly members = new Map<string, number>();

  /** Counts one call; true when it is over the app's or the member's limit for the day. */
  count(memberUrn: string, now: number): boolean {
    const day = new Date(now).toISOString().slice(0, 10);
    if (day !== this.day) {
      this.day = day;
      this.app = 0;
      this.members.clear();
    }
    this.app += 1;
    const member = (this.members.get(memberUrn) ?? 0) + 1;
    this.members.set(memberUrn, member);
    return this.app > this.limits.appCallsPerDay || member > this.limits.memberCallsPerDay;
  }

  usage(): { day: string; appCalls: number; members: Record<string, number> } {
    return { day: this.day, appCalls: this.app, members: Object.fromEntries(this.members) };
  }
}
