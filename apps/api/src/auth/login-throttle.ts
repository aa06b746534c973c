import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Failed sign-ins counted in PostgreSQL (so every api copy sees the same count) per e-mail address
 * and per client address, in fixed windows. Only failures count; a success clears the address's count.
 */
export const LOGIN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;

@Injectable()
export class LoginThrottle {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Milliseconds until another attempt is allowed, or 0 when allowed now. */
  async retryAfterMs(email: string, ip: string): Promise<number> {
    const rows = (await this.dataSource.query(
      `SELECT key, failures, ceil(extract(epoch FROM (window_started_at + $2 * interval '1 millisecond' - now())) * 1000)::bigint AS left_ms
         FROM login_throttle
        WHERE key = ANY($1::text[]) AND window_started_at > now() - $2 * interval '1 millisecond'`,
      [[`email:${email}`, `ip:${ip}`], LOGIN_WINDOW_MS],
    )) as Array<{ key: string; failures: number; left_ms: string }>;
    let wait = 0;
    for (const r of rows) {
      const limit = r.key.startsWith('email:') ? MAX_FAILURES_PER_EMAIL : MAX_FAILURES_PER_IP;
      if (r.failures >= limit) wait = Math.max(wait, Number(r.left_ms));
    }
    return wait;
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO login_throttle (key, failures, window_started_at)
       SELECT k, 1, now() FROM unnest($1::text[]) AS k
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN login_throttle.window_started_at > now() - $2 * interval '1 millisecond'
                         THEN login_throttle.failures + 1 ELSE 1 END,
         window_started_at = CASE WHEN login_throttle.window_started_at > now() - $2 * interval '1 millisecond'
                                  THEN login_throttle.window_started_at ELSE now() END`,
      [[`email:${email}`, `ip:${ip}`], LOGIN_WINDOW_MS],
    );
  }

  async recordSuccess(email: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_throttle WHERE key = $1`, [`email:${email}`]);
  }
}
