import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LoginThrottleRepository } from './login-throttle.repository';

/**
 * One counter in login_throttle and the rule that bounds it.
 * - window: at most `max` attempts per fixed window of `windowMs` (per client address, per account).
 * - backoff: `free` attempts, then each further attempt waits `baseMs` doubled per attempt beyond
 *   `free` (up to `maxDelayMs`), counted from the previous attempt; forgotten after `memoryMs`
 *   without attempts. OWASP's progressive delay: a guesser slows down, nobody is locked out for good.
 */
export type ThrottleRule =
  | { key: string; kind: 'window'; max: number; windowMs: number }
  | { key: string; kind: 'backoff'; free: number; baseMs: number; maxDelayMs: number; memoryMs: number };

/** A counter as stored: attempts so far, and when its window started (window) or the last attempt was (backoff). */
export interface ThrottleState {
  failures: number;
  startedAt: number;
}

export type ThrottleDecision = { allowed: true; next: ThrottleState } | { allowed: false; waitMs: number };

/** Pure: what one more attempt does to a counter at time `now` (ms). */
export function decide(rule: ThrottleRule, state: ThrottleState, now: number): ThrottleDecision {
  if (rule.kind === 'window') {
    const current = state.startedAt + rule.windowMs <= now ? { failures: 0, startedAt: now } : state;
    if (current.failures >= rule.max) return { allowed: false, waitMs: current.startedAt + rule.windowMs - now };
    return { allowed: true, next: { failures: current.failures + 1, startedAt: current.startedAt } };
  }
  const current = state.startedAt + rule.memoryMs <= now ? { failures: 0, startedAt: now } : state;
  if (current.failures >= rule.free) {
    const allowedAt = current.startedAt + backoffDelayMs(rule, current.failures);
    if (now < allowedAt) return { allowed: false, waitMs: allowedAt - now };
  }
  return { allowed: true, next: { failures: current.failures + 1, startedAt: now } };
}

/** The wait after the `failures`-th attempt of a backoff counter (0 while attempts are free). */
export function backoffDelayMs(rule: Extract<ThrottleRule, { kind: 'backoff' }>, failures: number): number {
  if (failures < rule.free) return 0;
  // 2 ** 30 already exceeds any sane cap; the bound keeps the number finite.
  return Math.min(rule.maxDelayMs, rule.baseMs * 2 ** Math.min(30, failures - rule.free));
}

/** 429 with the seconds to wait; the controller copies retryAfterSeconds into Retry-After. */
export class TooManyAttemptsException extends HttpException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super({ statusCode: 429, error: 'Too Many Requests', message, retryAfterSeconds }, HttpStatus.TOO_MANY_REQUESTS);
  }
}

/** Thrown inside the reservation transaction to roll it back. */
class Refused extends Error {
  constructor(readonly waitMs: number) {
    super('attempt refused');
  }
}

/**
 * Attempt counters in PostgreSQL (every api copy sees the same counts). An attempt is reserved
 * BEFORE the expensive check it guards (a password hash): the counters are locked, judged and
 * bumped in one transaction, so parallel attempts queue on the row locks and at most the allowed
 * number is ever evaluated. A refused attempt changes no counter.
 */
@Injectable()
export class AttemptThrottle {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(LoginThrottleRepository) private readonly counters: LoginThrottleRepository,
  ) {}

  /** Counts one attempt against every rule, or none when any rule refuses: the wait in ms (0 = reserved). */
  async reserve(rules: ThrottleRule[]): Promise<number> {
    const byKey = new Map(rules.map((r) => [r.key, r]));
    const keys = [...byKey.keys()].sort();
    try {
      await this.dataSource.transaction(async (manager) => {
        // Locks all counters, in key order: no deadlock between attempts sharing keys.
        const rows = await this.counters.lock(keys, manager);
        const next: Array<{ key: string } & ThrottleState> = [];
        let refused = false;
        let waitMs = 0;
        for (const row of rows) {
          const rule = byKey.get(row.key);
          if (!rule) continue;
          const decision = decide(rule, { failures: row.failures, startedAt: row.started_at.getTime() }, row.now.getTime());
          if (decision.allowed) next.push({ key: row.key, ...decision.next });
          else {
            refused = true;
            waitMs = Math.max(waitMs, decision.waitMs);
          }
        }
        // Rolling back undoes the counters this attempt created: a refused attempt leaves no trace.
        if (refused) throw new Refused(Math.max(1, waitMs));
        await this.counters.set(next, manager);
      });
      return 0;
    } catch (error) {
      if (error instanceof Refused) return error.waitMs;
      throw error;
    }
  }

  /** Gives back one reserved attempt of window counters (the attempt succeeded; it was no guess). */
  async release(keys: string[]): Promise<void> {
    await this.counters.release(keys);
  }

  /** Forgets counters entirely (a backoff counter after a success). */
  async clear(keys: string[]): Promise<void> {
    await this.counters.delete(keys);
  }
}
