import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { DataSource } from 'typeorm';
import { SESSION_COOKIE } from '../auth/auth.types';
import { readCookie } from '../auth/cookies';
import { clientIp, type HttpRequest } from '../common/http';

export const WRITE_WINDOW_MS = 60_000;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Writes are not free (jobs queued, rows locked, replies sent to networks), so each session — or
 * client address when there is no session — gets a fixed number per minute. The counter lives in
 * PostgreSQL so every api copy counts the same writes. Network webhooks are not counted: a network
 * delivers in bursts from a few addresses and a refused delivery is retried, not dropped.
 */
export function writeRateLimitMiddleware(dataSource: DataSource, limitPerMinute: number) {
  return (req: HttpRequest, res: ServerResponse, next: (error?: unknown) => void): void => {
    const url = req.url ?? '';
    if (!WRITE_METHODS.has(req.method) || !url.startsWith('/api/') || url.startsWith('/api/webhooks/')) return next();
    const session = readCookie(req.headers.cookie, SESSION_COOKIE);
    // Keyed by a hash: the table never holds a usable session token.
    const key = session ? `session:${createHash('sha256').update(session).digest('hex')}` : `ip:${clientIp(req)}`;
    dataSource
      .query(
        `INSERT INTO api_rate_limit (key, hits, window_started_at) VALUES ($1, 1, now())
         ON CONFLICT (key) DO UPDATE SET
           hits = CASE WHEN api_rate_limit.window_started_at > now() - $2 * interval '1 millisecond' THEN api_rate_limit.hits + 1 ELSE 1 END,
           window_started_at = CASE WHEN api_rate_limit.window_started_at > now() - $2 * interval '1 millisecond' THEN api_rate_limit.window_started_at ELSE now() END
         RETURNING hits, ceil(extract(epoch FROM (window_started_at + $2 * interval '1 millisecond' - now())))::int AS left_s`,
        [key, WRITE_WINDOW_MS],
      )
      .then((rows: Array<{ hits: number; left_s: number }>) => {
        const { hits, left_s } = rows[0];
        if (hits <= limitPerMinute) return next();
        res.statusCode = 429;
        res.setHeader('Retry-After', String(Math.max(1, left_s)));
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end(JSON.stringify({ statusCode: 429, message: `too many writes: at most ${limitPerMinute} per minute`, error: 'Too Many Requests' }));
      })
      .catch(next);
  };
}
