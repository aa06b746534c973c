import { waitBeforeNextCallMs } from '../budget';
import { countLinkedInCall, nextUtcMidnight, throttledUntilReset } from './budget';
import { parseLinkedInError } from './errors';
import { parseCommentUrn } from './mapper';

const at = Date.parse('2026-11-22T18:00:00Z');
const err = (status: number, body: unknown) => parseLinkedInError({ status, body }, at);

describe('LinkedIn error bodies → one code', () => {
  it.each([
    [429, { status: 429, serviceErrorCode: 101, message: 'Resource level throttle limit for calls to this resource is reached.' }, 'RATE_LIMITED'],
    [426, { status: 426, code: 'NONEXISTENT_VERSION', message: 'Requested version 20230101 is not active' }, 'INVALID_REQUEST'],
    [400, { status: 400, code: 'VERSION_MISSING', message: 'A version must be present.' }, 'INVALID_REQUEST'],
    [401, { status: 401, serviceErrorCode: 65601, code: 'EXPIRED_ACCESS_TOKEN', message: 'The token used in the request has expired' }, 'AUTH_EXPIRED'],
    [
      401,
      { status: 401, serviceErrorCode: 65602, code: 'REVOKED_ACCESS_TOKEN', message: 'The token used in the request has been revoked by the user' },
      'AUTH_REVOKED',
    ],
    [
      403,
      { status: 403, serviceErrorCode: 100, code: 'ACCESS_DENIED', message: 'Not enough permissions to access: partnerApiSocialActions.CREATE.20261001' },
      'PERMISSION_DENIED',
    ],
    [404, { status: 404, serviceErrorCode: 0, code: 'RESOURCE_NOT_FOUND', message: 'No virtual resource found' }, 'NOT_FOUND'],
    [422, { status: 422, code: 'UNPROCESSABLE_ENTITY', message: 'Comment text is too long' }, 'INVALID_REQUEST'],
    [500, { status: 500, serviceErrorCode: 0, message: 'Internal Server Error' }, 'TRANSIENT'],
    [504, 'upstream timed out', 'TRANSIENT'],
  ])('HTTP %i → %j is %s', (status, body, code) => {
    expect(err(status, body).code).toBe(code);
  });

  it('a retired version says what to change, and is never retried (INVALID_REQUEST gives up)', () => {
    const e = err(426, { status: 426, code: 'NONEXISTENT_VERSION', message: 'Requested version 20230101 is not active' });
    expect(e.message).toMatch(/retired the API version.*LINKEDIN_VERSION/);
    expect(e.retryAfterMs).toBeUndefined();
  });

  it('429 waits until midnight UTC', () => {
    expect(err(429, { status: 429, serviceErrorCode: 101, message: 'x' }).retryAfterMs).toBe(6 * 3600_000);
  });
});

describe('LinkedIn daily budget (no headers: counted calls)', () => {
  it('counts calls per UTC day and starts over after midnight', () => {
    let s = countLinkedInCall(undefined, at, 100);
    for (let i = 0; i < 9; i++) s = countLinkedInCall(s, at + i, 100);
    expect(s).toMatchObject({ day: '2026-11-22', calls: 10, usedPercent: 10 });
    const tomorrow = countLinkedInCall(s, nextUtcMidnight(at) + 1, 100);
    expect(tomorrow).toMatchObject({ day: '2026-11-23', calls: 1 });
  });

  it('slows down from 75 % of the day’s calls and stops at 95 %, before LinkedIn says 429', () => {
    let s = undefined as ReturnType<typeof countLinkedInCall> | undefined;
    const waits: number[] = [];
    for (let i = 0; i < 100; i++) {
      s = countLinkedInCall(s, at, 100);
      waits.push(waitBeforeNextCallMs(s, at));
    }
    expect(waits.slice(0, 74).every((w) => w === 0)).toBe(true);
    expect(waits[79]).toBeGreaterThan(0);
    expect(waits[89]).toBeGreaterThan(waits[79]);
    // From 95 % on, nothing more today: paused until midnight UTC.
    expect(waits[94]).toBe(6 * 3600_000);
    expect(s?.pausedUntil).toBe(Date.parse('2026-11-23T00:00:00Z'));
  });

  it('reads today’s count back from a pause the worker stored (percentage only)', () => {
    expect(countLinkedInCall({ usedPercent: 50, pausedUntil: at - 1, readAt: at - 1000 }, at, 100)).toMatchObject({ calls: 51, usedPercent: 51 });
    expect(countLinkedInCall({ usedPercent: 50, readAt: at - 86_400_000 }, at, 100)).toMatchObject({ calls: 1 });
  });

  it('after a 429 nothing is called until midnight UTC, then calls go again', () => {
    const s = throttledUntilReset(countLinkedInCall(undefined, at, 100), at);
    expect(s.pausedUntil).toBe(Date.parse('2026-11-23T00:00:00Z'));
    expect(waitBeforeNextCallMs(s, at)).toBe(6 * 3600_000);
    expect(waitBeforeNextCallMs(countLinkedInCall(s, at + 60_000, 100), at + 60_000)).toBeGreaterThan(0);
    const next = countLinkedInCall(s, Date.parse('2026-11-23T00:00:01Z'), 100);
    expect(next.pausedUntil).toBeUndefined();
    expect(waitBeforeNextCallMs(next, Date.parse('2026-11-23T00:00:01Z'))).toBe(0);
  });
});

describe('comment URNs with nested parentheses', () => {
  it('splits at the last top-level comma only', () => {
    expect(parseCommentUrn('urn:li:comment:(urn:li:activity:123,456)')).toEqual({ object: 'urn:li:activity:123', id: '456' });
    expect(parseCommentUrn('urn:li:comment:(urn:li:comment:(urn:li:activity:1,2),3)')).toEqual({ object: 'urn:li:comment:(urn:li:activity:1,2)', id: '3' });
    expect(parseCommentUrn('urn:li:share:1')).toBeUndefined();
  });
});
