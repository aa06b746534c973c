import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorCode } from '@resonance/contracts';
import { waitBeforeNextCallMs } from '../budget';
import { readFacebookBudget } from './budget';
import { parseFacebookError } from './errors';
import { verifyFacebookSignature } from './webhook';
import { createHmac } from 'node:crypto';

const graphError = (code: number, subcode?: number, message = `(#${code}) error`, extra: Record<string, unknown> = {}) => ({
  error: { message, type: 'OAuthException', code, ...(subcode !== undefined ? { error_subcode: subcode } : {}), fbtrace_id: 'AbC', ...extra },
});

describe('Facebook error bodies → one error code', () => {
  const cases: Array<[string, number, unknown, ErrorCode]> = [
    ['#4 application request limit', 400, graphError(4), 'RATE_LIMITED'],
    ['#17 user request limit', 400, graphError(17), 'RATE_LIMITED'],
    ['#32 page request limit', 400, graphError(32), 'RATE_LIMITED'],
    ['#613 custom rate limit', 400, graphError(613), 'RATE_LIMITED'],
    ['#80001 business use case (pages)', 400, graphError(80001), 'RATE_LIMITED'],
    ['#190/463 session expired', 400, graphError(190, 463, 'Error validating access token: Session has expired'), 'AUTH_EXPIRED'],
    ['#190 without subcode (invalid token)', 400, graphError(190), 'AUTH_EXPIRED'],
    ['#190/458 app not authorized', 400, graphError(190, 458), 'AUTH_REVOKED'],
    ['#190/460 password changed', 400, graphError(190, 460), 'AUTH_REVOKED'],
    ['#190/467 invalid (logged out)', 400, graphError(190, 467), 'AUTH_REVOKED'],
    ['#10 permission / outside window', 400, graphError(10, 2018278), 'PERMISSION_DENIED'],
    ['#200 permissions error', 403, graphError(200), 'PERMISSION_DENIED'],
    ['#230 requires pages_messaging', 400, graphError(230), 'PERMISSION_DENIED'],
    ['#100/33 unsupported get', 400, graphError(100, 33, "Unsupported get request. Object with ID '1' does not exist"), 'NOT_FOUND'],
    ['#100 invalid parameter', 400, graphError(100, undefined, '(#100) Param limit must be a non-negative integer'), 'INVALID_REQUEST'],
    ['#1 unknown error', 500, graphError(1), 'TRANSIENT'],
    ['#2 service unavailable', 503, graphError(2, undefined, 'Service temporarily unavailable', { is_transient: true }), 'TRANSIENT'],
    ['bare 502 from a proxy', 502, '<html>Bad Gateway</html>', 'TRANSIENT'],
    ['bare 500 without a body', 500, null, 'TRANSIENT'],
    ['bare 429', 429, null, 'RATE_LIMITED'],
    ['bare 404', 404, null, 'NOT_FOUND'],
    ['unexplained 418', 418, null, 'UNKNOWN'],
  ];
  it.each(cases)('%s', (_name, status, body, code) => {
    expect(parseFacebookError({ status, body }).code).toBe(code);
  });

  it('takes the rate-limit delay from X-Business-Use-Case-Usage when the page announces one', () => {
    const headers = new Headers({
      'x-business-use-case-usage': JSON.stringify({
        '104857600123456': [{ type: 'pages', call_count: 100, total_cputime: 50, total_time: 50, estimated_time_to_regain_access: 10 }],
      }),
    });
    const error = parseFacebookError({ status: 400, body: graphError(32), headers });
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.retryAfterMs).toBeGreaterThan(9 * 60_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(10 * 60_000);
  });
});

describe('Facebook usage headers → budget that slows down before the limit', () => {
  const now = 1_700_000_000_000;
  it('reads the X-App-Usage fixture (all zero) as an empty budget', () => {
    const value = readFileSync(join(__dirname, 'fixtures', 'header-x-app-usage-value.json'), 'utf8').trim();
    const state = readFacebookBudget(new Headers({ 'x-app-usage': value }), undefined, now);
    expect(state).toEqual({ usedPercent: 0, readAt: now });
    expect(waitBeforeNextCallMs(state, now)).toBe(0);
  });

  it('uses the highest of app and page usage, and spaces calls out from 75 %', () => {
    const headers = new Headers({
      'x-app-usage': JSON.stringify({ call_count: 12, total_cputime: 3, total_time: 4 }),
      'x-business-use-case-usage': JSON.stringify({
        p: [{ type: 'pages', call_count: 80, total_cputime: 40, total_time: 40, estimated_time_to_regain_access: 0 }],
      }),
    });
    const state = readFacebookBudget(headers, undefined, now)!;
    expect(state.usedPercent).toBe(80);
    expect(state.pausedUntil).toBeUndefined();
    const wait = waitBeforeNextCallMs(state, now);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThan(10_000);
    expect(waitBeforeNextCallMs({ usedPercent: 50, readAt: now }, now)).toBe(0);
  });

  it('pauses until the announced regain time once the budget is spent', () => {
    const headers = new Headers({
      'x-business-use-case-usage': JSON.stringify({ p: [{ type: 'pages', call_count: 100, estimated_time_to_regain_access: 3 }] }),
    });
    const state = readFacebookBudget(headers, undefined, now)!;
    expect(state.pausedUntil).toBe(now + 3 * 60_000);
    expect(waitBeforeNextCallMs(state, now)).toBe(3 * 60_000);
    // Once the announced regain time has passed, calls resume at once (the next headers tell the rest).
    expect(waitBeforeNextCallMs(state, now + 3 * 60_000 + 1)).toBe(0);
  });

  it('keeps the previous state when a response has no usage headers', () => {
    const previous = { usedPercent: 40, readAt: now - 1000 };
    expect(readFacebookBudget(new Headers(), previous, now)).toBe(previous);
  });
});

describe('X-Hub-Signature-256', () => {
  const secret = 'app-secret';
  const body = Buffer.from('{"object":"page","entry":[{"id":"1","messaging":[{"message":{"text":"caf\\u00e9 \\/ ok"}}]}]}');
  const sign = (b: Buffer, s = secret) => `sha256=${createHmac('sha256', s).update(b).digest('hex')}`;
  it('accepts the HMAC of the exact raw bytes', () => expect(verifyFacebookSignature(body, sign(body), secret)).toBe(true));
  it('rejects a wrong secret, a changed body, a missing or malformed header', () => {
    expect(verifyFacebookSignature(body, sign(body, 'other'), secret)).toBe(false);
    expect(verifyFacebookSignature(Buffer.from(body.toString().replace('ok', 'ko')), sign(body), secret)).toBe(false);
    expect(verifyFacebookSignature(body, undefined, secret)).toBe(false);
    expect(verifyFacebookSignature(body, 'sha1=abc', secret)).toBe(false);
    expect(verifyFacebookSignature(body, 'sha256=zz', secret)).toBe(false);
  });
});
