import type { ServerResponse } from 'node:http';
import type { DataSource } from 'typeorm';
import { SESSION_COOKIE } from '../auth/auth.types';
import { readCookie } from '../auth/cookies';
import { clientIp, type HttpRequest } from '../common/http';
import { SecurityRepository } from './security.repository';

export const WRITE_WINDOW_MS = 60_000;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * The one exemption, compared exactly. Express routes paths case-insensitively (NestJS creates the
 * router before the setting could change), so a write may arrive as `/API/threads/…` or any other
 * spelling: every write counts unless it is spelled exactly like a network's webhook, and another
 * spelling of a webhook merely counts too. Fail closed: no spelling gets a write past the count.
 */
const WEBHOOK_PREFIX = '/api/webhooks/';

/**
 * Counts one write in PostgreSQL (every api copy counts the same writes) and answers the count in
 * the window. The counter belongs to the signed-in user when the cookie names a live session, and
 * otherwise to the client address: a cookie the client makes up is no new counter.
 */
export class WriteRateLimit {
  private readonly rows: SecurityRepository;

  constructor(
    dataSource: DataSource,
    /** The session table's id of a cookie token (its HMAC), or null for a token of the wrong shape. */
    private readonly sessionIdOf: (token: string) => string | null,
  ) {
    this.rows = new SecurityRepository(dataSource);
  }

  async count(input: { sessionToken: string | undefined; ip: string }): Promise<{ hits: number; secondsLeft: number }> {
    const sessionId = input.sessionToken ? this.sessionIdOf(input.sessionToken) : null;
    const row = await this.rows.countWrite(sessionId, `ip:${input.ip}`, WRITE_WINDOW_MS);
    return { hits: row.hits, secondsLeft: row.seconds_left };
  }
}

/**
 * Writes are not free (jobs queued, rows locked, replies sent to networks), so each user — or
 * client address without a valid session — gets a fixed number per minute. Every write counts,
 * whatever its path, except network webhooks: a network delivers in bursts from a few addresses
 * and a refused delivery is retried, not dropped.
 */
export function writeRateLimitMiddleware(limiter: WriteRateLimit, limitPerMinute: number) {
  return (req: HttpRequest, res: ServerResponse, next: (error?: unknown) => void): void => {
    if (!WRITE_METHODS.has(req.method) || (req.url ?? '').startsWith(WEBHOOK_PREFIX)) {
      next();
      return;
    }
    limiter
      .count({ sessionToken: readCookie(req.headers.cookie, SESSION_COOKIE), ip: clientIp(req) })
      .then(({ hits, secondsLeft }) => {
        if (hits <= limitPerMinute) {
          next();
          return;
        }
        res.statusCode = 429;
        res.setHeader('Retry-After', String(Math.max(1, secondsLeft)));
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end(JSON.stringify({ statusCode: 429, message: `too many writes: at most ${limitPerMinute} per minute`, error: 'Too Many Requests' }));
      })
      .catch(next);
  };
}
