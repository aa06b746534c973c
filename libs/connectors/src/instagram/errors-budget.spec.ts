import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorCode } from '@resonance/contracts';
import { waitBeforeNextCallMs } from '../budget';
import { decideOutcome } from '../policy';
import { readInstagramBudget } from './budget';
import { parseInstagramError } from './errors';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8'));
const igError = (code: number, subcode?: number, type = 'IGApiException', message = `(#${code}) error`) => ({
  error: { message, type, code, ...(subcode !== undefined ? { error_subcode: subcode } : {}), fbtrace_id: 'AbC' },
});

describe('Instagram error bodies (both hosts) → one error code and the policy', () => {
  const cases: Array<[string, number, unknown, ErrorCode, string]> = [
    ['#4 application request limit', 400, igError(4, undefined, 'OAuthException'), 'RATE_LIMITED', 'delay'],
    ['#17 user request limit', 400, igError(17, undefined, 'OAuthException'), 'RATE_LIMITED', 'delay'],
    ['#32 page request limit', 400, igError(32, undefined, 'OAuthException'), 'RATE_LIMITED', 'delay'],
    ['#613 custom rate limit', 400, igError(613, undefined, 'OAuthException'), 'RATE_LIMITED', 'delay'],
    ['#80002 too many calls to this Instagram account', 400, igError(80002, undefined, 'OAuthException'), 'RATE_LIMITED', 'delay'],
    [
      '#10 IGApiException (graph.instagram.com): no permission',
      400,
      fixture('error-10-application-no-permission-igapiexception.json'),
      'PERMISSION_DENIED',
      'give_up',
    ],
    [
      '#190 without subcode (graph.instagram.com): expired',
      400,
      igError(190, undefined, 'OAuthException', 'Error validating access token: Session has expired'),
      'AUTH_EXPIRED',
      'retry',
    ],
    ['#190/463 (graph.facebook.com): expired', 400, fixture('error-190-463-session-expired-graph-facebook.json'), 'AUTH_EXPIRED', 'retry'],
    ['#190/460 (graph.facebook.com): password changed', 400, igError(190, 460, 'OAuthException'), 'AUTH_REVOKED', 'give_up'],
    ['#10/2534022 outside the messaging window', 403, igError(10, 2534022), 'PERMISSION_DENIED', 'give_up'],
    ['#100 invalid parameter', 400, igError(100), 'INVALID_REQUEST', 'give_up'],
    ['bare 502', 502, '<html>Bad Gateway</html>', 'TRANSIENT', 'retry'],
  ];
  it.each(cases)('%s', (_name, status, body, code, action) => {
    const error = parseInstagramError({ status, body });
    expect(error.network).toBe('instagram');
    expect(error.code).toBe(code);
    expect(decideOutcome({ error, consecutiveAuthFailures: 1 }).action).toBe(action);
  });

  it('the outside-window error says so, with its code and subcode for the log', () => {
    const error = parseInstagramError({ status: 403, body: igError(10, 2534022, 'IGApiException', 'This message is sent outside of allowed window.') });
    expect(error.message).toBe("outside Instagram's messaging window: This message is sent outside of allowed window.");
    expect(error.networkCode).toBe('10/2534022');
  });

  it('an expired token needs reauth after repeated failures (the existing policy)', () => {
    const error = parseInstagramError({ status: 400, body: igError(190, undefined, 'OAuthException') });
    expect(decideOutcome({ error, consecutiveAuthFailures: 3 })).toMatchObject({ action: 'give_up', channelStatus: 'needs_reauth' });
  });
});

describe('X-Business-Use-Case-Usage (type instagram) → budget', () => {
  const recorded = fixture('headers-x-business-use-case-usage-instagram.json') as Record<string, string>;

  it('the recorded header: the highest percentage counts, no pause below 100', () => {
    const now = 1_000_000;
    const state = readInstagramBudget(new Headers(recorded), undefined, now);
    expect(state).toEqual({ usedPercent: 72, readAt: now });
    expect(waitBeforeNextCallMs(state, now)).toBeGreaterThanOrEqual(0);
  });

  it('at 100 % the calls pause for estimated_time_to_regain_access minutes, before Instagram refuses them', () => {
    const now = 1_000_000;
    const header = JSON.stringify({
      '17841400455970028': [{ type: 'instagram', call_count: 100, total_cputime: 40, total_time: 30, estimated_time_to_regain_access: 20 }],
    });
    const state = readInstagramBudget(new Headers({ 'x-business-use-case-usage': header }), undefined, now);
    expect(state).toEqual({ usedPercent: 100, readAt: now, pausedUntil: now + 20 * 60_000 });
    expect(waitBeforeNextCallMs(state, now)).toBe(20 * 60_000);
  });

  it('a rate-limit error waits for the regain time its headers announce', () => {
    const header = JSON.stringify({ '1784': [{ type: 'instagram', call_count: 100, total_cputime: 1, total_time: 1, estimated_time_to_regain_access: 5 }] });
    const error = parseInstagramError({ status: 400, body: igError(80002), headers: new Headers({ 'x-business-use-case-usage': header }) });
    expect(error.retryAfterMs).toBeGreaterThan(4 * 60_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(5 * 60_000);
  });

  it('no usage headers: the previous state stands', () => {
    const previous = { usedPercent: 12, readAt: 5 };
    expect(readInstagramBudget(new Headers({ 'content-type': 'application/json' }), previous, 10)).toBe(previous);
  });
});
