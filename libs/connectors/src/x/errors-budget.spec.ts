import type { ErrorCode } from '@resonance/contracts';
import { createHmac } from 'node:crypto';
import { waitBeforeNextCallMs } from '../budget';
import { countXReads, monthlyAllowance, readXBudget } from './budget';
import { parseXError } from './errors';
import { verifyXSignature, xCrcResponseToken } from './webhook';

const problem = (status: number, title: string, type = 'about:blank', detail = title) => ({ title, detail, type, status });

describe('X error bodies → one error code', () => {
  const cases: Array<[string, number, unknown, ErrorCode]> = [
    ['429 v1-style code 88', 429, { errors: [{ code: 88, message: 'Rate limit exceeded' }] }, 'RATE_LIMITED'],
    ['429 problem+json', 429, problem(429, 'Too Many Requests'), 'RATE_LIMITED'],
    [
      '429 monthly usage cap',
      429,
      {
        title: 'UsageCapExceeded',
        detail: 'Usage cap exceeded: Monthly product cap',
        type: 'https://api.twitter.com/2/problems/usage-capped',
        period: 'Monthly',
        scope: 'Product',
      },
      'QUOTA_EXCEEDED',
    ],
    ['401 problem+json', 401, problem(401, 'Unauthorized'), 'AUTH_EXPIRED'],
    ['401 v1 code 89 invalid or expired token', 401, { errors: [{ code: 89, message: 'Invalid or expired token.' }] }, 'AUTH_EXPIRED'],
    ['refresh with a used refresh token', 400, { error: 'invalid_request', error_description: 'Value passed for the token was invalid.' }, 'AUTH_REVOKED'],
    ['invalid_grant', 400, { error: 'invalid_grant', error_description: 'authorization code expired' }, 'AUTH_REVOKED'],
    ['403 forbidden', 403, problem(403, 'Forbidden', 'about:blank', 'You are not permitted to perform this action.'), 'PERMISSION_DENIED'],
    [
      '403 client-forbidden',
      403,
      { ...problem(403, 'Client Forbidden', 'https://api.twitter.com/2/problems/client-forbidden'), reason: 'client-not-enrolled' },
      'PERMISSION_DENIED',
    ],
    ['403 DM not allowed (code 349)', 403, { errors: [{ code: 349, message: 'You cannot send messages to this user.' }] }, 'PERMISSION_DENIED'],
    ['404 v1 code 34', 404, { errors: [{ message: 'Sorry, that page does not exist', code: 34 }] }, 'NOT_FOUND'],
    ['resource-not-found', 200, { errors: [{ title: 'Not Found Error', type: 'https://api.twitter.com/2/problems/resource-not-found' }] }, 'NOT_FOUND'],
    [
      '400 invalid-request',
      400,
      {
        errors: [{ parameters: { max_results: ['500'] }, message: 'The `max_results` query parameter value [500] is not between 5 and 100' }],
        title: 'Invalid Request',
        detail: 'One or more parameters to your request was invalid.',
        type: 'https://api.twitter.com/2/problems/invalid-request',
      },
      'INVALID_REQUEST',
    ],
    ['403 duplicate content (187)', 403, { errors: [{ code: 187, message: 'Status is a duplicate.' }] }, 'INVALID_REQUEST'],
    ['500 internal error (131)', 500, { errors: [{ message: 'Internal error', code: 131 }] }, 'TRANSIENT'],
    ['503 problem+json', 503, problem(503, 'Service Unavailable'), 'TRANSIENT'],
    ['bare 502 from a proxy', 502, '<html>Bad Gateway</html>', 'TRANSIENT'],
    ['unexplained 418', 418, null, 'UNKNOWN'],
  ];
  it.each(cases)('%s', (_name, status, body, code) => {
    expect(parseXError({ status, body }).code).toBe(code);
  });

  it('both 429 shapes wait until x-rate-limit-reset', () => {
    const now = Date.UTC(2026, 10, 22, 12, 0, 0);
    const headers = new Headers({ 'x-rate-limit-limit': '75', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(now / 1000 + 600) });
    for (const body of [{ errors: [{ code: 88, message: 'Rate limit exceeded' }] }, problem(429, 'Too Many Requests')]) {
      expect(parseXError({ status: 429, body, headers }, now).retryAfterMs).toBe(600_000);
    }
    // Without the header: one 15-minute window.
    expect(parseXError({ status: 429, body: problem(429, 'Too Many Requests') }, now).retryAfterMs).toBe(15 * 60_000);
  });

  it('a monthly cap waits until the first of next month', () => {
    const now = Date.UTC(2026, 10, 22, 12, 0, 0);
    expect(parseXError({ status: 429, body: { title: 'UsageCapExceeded', type: 'https://api.twitter.com/2/problems/usage-capped' } }, now).retryAfterMs).toBe(
      Date.UTC(2026, 11, 1) - now,
    );
  });
});

describe('X budget', () => {
  const now = Date.UTC(2026, 10, 22, 12, 0, 0);
  const window = (limit: number, remaining: number, resetInS = 900) =>
    new Headers({ 'x-rate-limit-limit': String(limit), 'x-rate-limit-remaining': String(remaining), 'x-rate-limit-reset': String(now / 1000 + resetInS) });

  it('slows down before the limit and pauses until the reset when a window is spent', () => {
    const fresh = readXBudget(window(180, 170), undefined, now, 'mentions')!;
    expect(waitBeforeNextCallMs(fresh, now)).toBe(0);
    const close = readXBudget(window(180, 20), fresh, now, 'mentions')!;
    expect(close.usedPercent).toBeGreaterThan(75);
    expect(waitBeforeNextCallMs(close, now)).toBeGreaterThan(0);
    const spent = readXBudget(window(180, 0, 300), close, now, 'mentions')!;
    expect(spent.pausedUntil).toBe(now + 300_000);
    expect(waitBeforeNextCallMs(spent, now)).toBe(300_000);
  });

  it('keeps each endpoint’s window apart, and forgets windows that reset', () => {
    const a = readXBudget(window(180, 0, 60), undefined, now, 'mentions')!;
    const b = readXBudget(window(450, 449), a, now, 'search')!;
    expect(Object.keys(b.windows!)).toEqual(['mentions', 'search']);
    expect(b.pausedUntil).toBe(now + 60_000);
    const later = readXBudget(window(450, 448, 900), b, now + 61_000, 'search')!;
    expect(Object.keys(later.windows!)).toEqual(['search']);
    expect(later.pausedUntil).toBeUndefined();
  });

  it('headers without x-rate-limit-* leave the budget as it was', () => {
    const a = readXBudget(window(180, 90), undefined, now, 'mentions');
    expect(readXBudget(new Headers(), a, now + 1)).toBe(a);
  });

  it('spreads the monthly read budget over the month: reads ahead of the pace pause until it catches up', () => {
    const limit = 30_000; // 1,000 a day in November
    const allowed = monthlyAllowance(limit, now);
    // 21.5 days have passed, plus one day of slack.
    expect(allowed).toBe(22_500);
    const within = countXReads(undefined, 10_000, limit, now);
    expect(within.pausedUntil).toBeUndefined();
    expect(within.monthly).toMatchObject({ month: '2026-11', read: 10_000, limit, allowedNow: 22_500 });
    const ahead = countXReads(within, 13_000, limit, now);
    expect(ahead.pausedUntil).toBeGreaterThan(now);
    // 23,000 read: the pace reaches it half a day later.
    expect(ahead.pausedUntil).toBe(now + 12 * 3600_000);
    const spent = countXReads(ahead, 10_000, limit, now);
    expect(spent.pausedUntil).toBe(Date.UTC(2026, 11, 1));
    // A new month starts from zero.
    expect(countXReads(spent, 5, limit, Date.UTC(2026, 11, 1, 0, 1)).monthly).toMatchObject({ month: '2026-12', read: 5 });
  });
});

describe('Account Activity webhook security', () => {
  it('answers the CRC check with sha256=base64(HMAC(consumer secret, crc_token))', () => {
    // X's tokens are opaque base64; shorter or body-like ones are refused (webhook.spec.ts).
    const expected = createHmac('sha256', 'secret').update('YWJjZGVmZ2g=').digest('base64');
    expect(xCrcResponseToken('YWJjZGVmZ2g=', 'secret')).toBe(`sha256=${expected}`);
  });
  it('verifies x-twitter-webhooks-signature against the exact body bytes', () => {
    const body = Buffer.from('{"for_user_id":"1"}');
    const header = `sha256=${createHmac('sha256', 'secret').update(body).digest('base64')}`;
    expect(verifyXSignature(body, header, 'secret')).toBe(true);
    expect(verifyXSignature(Buffer.from('{"for_user_id":"2"}'), header, 'secret')).toBe(false);
    expect(verifyXSignature(body, header, 'other')).toBe(false);
    expect(verifyXSignature(body, undefined, 'secret')).toBe(false);
  });
});
