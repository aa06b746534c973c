import { Inject, Injectable } from '@nestjs/common';
import { AttemptThrottle, TooManyAttemptsException, type ThrottleRule } from './attempt-throttle';

export const LOGIN_WINDOW_MS = 15 * 60_000;
/** Sign-in attempts per client address and window, over all accounts (credential stuffing). */
export const MAX_ATTEMPTS_PER_IP = 30;
/**
 * Failed sign-ins per account and window over ALL client addresses: the ceiling for a distributed
 * guesser. Far above what one client may try, so a single attacker cannot lock the owner out.
 */
export const MAX_FAILURES_PER_ACCOUNT = 100;
/** Per (account, client address): this many free tries, then a delay that doubles per further try. */
export const FREE_FAILURES_PER_CLIENT = 5;
export const FIRST_DELAY_MS = 60_000;
export const MAX_DELAY_MS = 30 * 60_000;
/** A backoff counter without attempts for this long starts over. */
export const BACKOFF_MEMORY_MS = 24 * 60 * 60_000;

const backoff = (key: string): ThrottleRule => ({
  key,
  kind: 'backoff',
  free: FREE_FAILURES_PER_CLIENT,
  baseMs: FIRST_DELAY_MS,
  maxDelayMs: MAX_DELAY_MS,
  memoryMs: BACKOFF_MEMORY_MS,
});

const loginKeys = (email: string, ip: string) => ({ account: `email:${email}`, client: `ip:${ip}`, pair: `pair:${ip}|${email}` });

/** The sign-in and password-change policies over AttemptThrottle's counters. */
@Injectable()
export class LoginThrottle {
  constructor(@Inject(AttemptThrottle) private readonly attempts: AttemptThrottle) {}

  /** Reserves a sign-in attempt before the password is checked; 429 when a rule refuses. */
  async reserveLogin(email: string, ip: string): Promise<void> {
    const k = loginKeys(email, ip);
    const waitMs = await this.attempts.reserve([
      { key: k.account, kind: 'window', max: MAX_FAILURES_PER_ACCOUNT, windowMs: LOGIN_WINDOW_MS },
      { key: k.client, kind: 'window', max: MAX_ATTEMPTS_PER_IP, windowMs: LOGIN_WINDOW_MS },
      backoff(k.pair),
    ]);
    if (waitMs > 0) throw new TooManyAttemptsException('too many failed sign-ins; try again later', Math.ceil(waitMs / 1000));
  }

  /** A right password: the attempt was no guess, so it is given back and this client's backoff ends. */
  async loginSucceeded(email: string, ip: string): Promise<void> {
    const k = loginKeys(email, ip);
    await this.attempts.release([k.account, k.client]);
    await this.attempts.clear([k.pair]);
  }

  /** Reserves a check of the current password in a password change (per user, wherever they are). */
  async reservePasswordCheck(userId: string): Promise<void> {
    const waitMs = await this.attempts.reserve([backoff(`password:${userId}`)]);
    if (waitMs > 0) throw new TooManyAttemptsException('too many wrong current passwords; try again later', Math.ceil(waitMs / 1000));
  }

  async passwordCheckSucceeded(userId: string): Promise<void> {
    await this.attempts.clear([`password:${userId}`]);
  }
}
