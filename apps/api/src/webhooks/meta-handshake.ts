import { timingSafeEqual } from 'node:crypto';
import { ForbiddenException } from '@nestjs/common';
import type { HttpResponse } from '../common/http';

/** Compares the verify token in constant time. */
const sameText = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Meta's webhook subscription handshake (Facebook and Instagram alike): GET with
 * `hub.mode=subscribe` and the verify token, answered with `hub.challenge` as plain text; 403 otherwise.
 */
export function answerMetaHandshake(query: Record<string, unknown>, verifyToken: string | undefined, res: HttpResponse): void {
  const given = query['hub.verify_token'];
  if (query['hub.mode'] !== 'subscribe' || !verifyToken || typeof given !== 'string' || !sameText(given, verifyToken)) {
    throw new ForbiddenException('webhook verification failed: wrong mode or verify token');
  }
  res.statusCode = 200;
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  const challenge = query['hub.challenge'];
  // Meta sends one string; a repeated or nested parameter is not a handshake to echo.
  res.end(typeof challenge === 'string' ? challenge : '');
}
