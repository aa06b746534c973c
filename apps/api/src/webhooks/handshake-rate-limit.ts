import { HttpException, HttpStatus, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { clientIp, type HttpRequest, type HttpResponse } from '../common/http';

/** Handshakes one client may start per network and window: X checks hourly, LinkedIn and Facebook once per subscription. */
export const HANDSHAKE_LIMIT = 10;
export const HANDSHAKE_WINDOW_MS = 60_000;
/** Clients remembered at most; beyond it the oldest windows are forgotten, so the map cannot grow without bound. */
const MAX_CLIENTS = 10_000;

interface Window {
  startedAt: number;
  hits: number;
}

/**
 * Fixed-window counter per (network, client address) for the webhook handshakes (X's CRC,
 * LinkedIn's challenge, Facebook's subscription check). They are unauthenticated and answer with
 * an HMAC under the app secret or compare a verify token, so an unthrottled caller has an oracle to
 * probe at will. The networks call them rarely, so a small limit costs them nothing. Held in memory
 * (not in PostgreSQL like the write limit): a handshake must not depend on the database, and with
 * several api copies each copy's limit still bounds the probing.
 */
@Injectable()
export class HandshakeRateLimit implements CanActivate {
  private readonly windows = new Map<string, Window>();

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const req = http.getRequest<HttpRequest>();
    // Per receiver: X's hourly CRC is not starved by someone probing the Facebook handshake.
    const receiver = context.getClass().name;
    const waitSeconds = this.take(`${receiver}:${clientIp(req)}`, Date.now());
    if (waitSeconds === undefined) return true;
    http.getResponse<HttpResponse>().setHeader('Retry-After', String(waitSeconds));
    throw new HttpException(
      { statusCode: 429, error: 'Too Many Requests', message: `too many webhook handshakes: at most ${HANDSHAKE_LIMIT} per minute from one address` },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }

  /** Counts one handshake by `key`; the seconds to wait when it is over the limit, otherwise undefined. */
  private take(key: string, now: number): number | undefined {
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= HANDSHAKE_WINDOW_MS) {
      this.windows.delete(key);
      if (this.windows.size >= MAX_CLIENTS) this.forgetOldest(now);
      window = { startedAt: now, hits: 0 };
      this.windows.set(key, window);
    }
    window.hits += 1;
    return window.hits <= HANDSHAKE_LIMIT ? undefined : Math.max(1, Math.ceil((window.startedAt + HANDSHAKE_WINDOW_MS - now) / 1000));
  }

  /**
   * Drops windows from the front of the map, where the oldest are (a window is re-inserted when it
   * starts, and a Map iterates in insertion order): every expired one, and more while it is full.
   */
  private forgetOldest(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.startedAt < HANDSHAKE_WINDOW_MS && this.windows.size < MAX_CLIENTS) break;
      this.windows.delete(key);
    }
  }
}
