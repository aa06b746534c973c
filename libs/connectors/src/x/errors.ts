import { arr, type ErrorCode, obj, stringOnly } from '@resonance/contracts';
import { ConnectorError, errorCodeForStatus, statusMessage } from '../errors';

/** X's windows are 15 minutes; without a reset header, wait one out. */
export const X_RATE_LIMIT_DELAY_MS = 15 * 60_000;

/** v1.1-style error codes (still sent by v2 for some failures, e.g. the 429 of the docs). */
const V1_CODES: Record<number, ErrorCode> = {
  88: 'RATE_LIMITED', // Rate limit exceeded
  185: 'RATE_LIMITED', // User is over daily status update limit
  32: 'AUTH_EXPIRED', // Could not authenticate you
  89: 'AUTH_EXPIRED', // Invalid or expired token
  215: 'AUTH_EXPIRED', // Bad authentication data
  135: 'AUTH_EXPIRED', // Timestamp out of bounds
  326: 'PERMISSION_DENIED', // account temporarily locked
  64: 'PERMISSION_DENIED', // account suspended
  261: 'PERMISSION_DENIED', // application cannot perform write actions
  349: 'PERMISSION_DENIED', // cannot send messages to this user
  150: 'PERMISSION_DENIED', // cannot send messages to users who are not following you
  34: 'NOT_FOUND', // Sorry, that page does not exist
  144: 'NOT_FOUND', // No status found with that ID
  50: 'NOT_FOUND', // User not found
  187: 'INVALID_REQUEST', // Status is a duplicate
  186: 'INVALID_REQUEST', // Tweet needs to be a bit shorter
  130: 'TRANSIENT', // Over capacity
  131: 'TRANSIENT', // Internal error
};

/** v2 problem types (https://api.twitter.com/2/problems/...) by their last path segment. */
const PROBLEM_TYPES: Record<string, ErrorCode> = {
  'usage-capped': 'QUOTA_EXCEEDED',
  'client-forbidden': 'PERMISSION_DENIED',
  'unsupported-authentication': 'PERMISSION_DENIED',
  'not-authorized-for-resource': 'PERMISSION_DENIED',
  'not-authorized-for-field': 'PERMISSION_DENIED',
  'resource-not-found': 'NOT_FOUND',
  'invalid-request': 'INVALID_REQUEST',
  'duplicate-rules': 'INVALID_REQUEST',
  'disallowed-resource': 'PERMISSION_DENIED',
  'operational-disconnect': 'TRANSIENT',
  'streaming-connection': 'TRANSIENT',
};

/** OAuth 2.0 token endpoint errors ({error, error_description}). */
const OAUTH_ERRORS: Record<string, ErrorCode> = {
  invalid_grant: 'AUTH_REVOKED',
  invalid_token: 'AUTH_EXPIRED',
  unauthorized_client: 'PERMISSION_DENIED',
  invalid_client: 'PERMISSION_DENIED',
  access_denied: 'AUTH_REVOKED',
  invalid_scope: 'PERMISSION_DENIED',
};

/** The first day of next month (UTC): when a monthly usage cap lifts. */
const nextMonth = (now: number) => {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
};

/**
 * A failed X response → the one error code. Both real 429 bodies — the v1-style
 * {"errors":[{"code":88,"message":"Rate limit exceeded"}]} and the problem+json
 * {"title":"Too Many Requests","status":429,...} — are RATE_LIMITED with the window's reset as the
 * delay; a monthly usage cap is QUOTA_EXCEEDED until next month.
 */
export function parseXError(response: { status: number; body: unknown; headers?: Headers }, now = Date.now()): ConnectorError {
  const b = obj(response.body);
  const first = obj(arr(b.errors)[0]);
  const v1Code = typeof first.code === 'number' ? first.code : undefined;
  const problemType = stringOnly(b.type) ?? stringOnly(first.type);
  const problem = problemType?.split('/').pop();
  const oauth = stringOnly(b.error);
  let code: ErrorCode | undefined;
  if (v1Code !== undefined) code = V1_CODES[v1Code];
  if (!code && problem && problem !== 'about:blank') code = PROBLEM_TYPES[problem];
  if (!code && oauth) code = OAUTH_ERRORS[oauth] ?? (response.status === 400 ? 'INVALID_REQUEST' : undefined);
  // The refresh endpoint says an unusable refresh token with invalid_request and this description.
  if (oauth === 'invalid_request' && /token was invalid|refresh token/i.test(stringOnly(b.error_description) ?? '')) code = 'AUTH_REVOKED';
  if (!code && /usage cap/i.test(stringOnly(b.title) ?? '')) code = 'QUOTA_EXCEEDED';
  code ??= errorCodeForStatus(response.status);
  const message =
    stringOnly(first.message) ??
    stringOnly(b.detail) ??
    stringOnly(b.error_description) ??
    stringOnly(b.title) ??
    stringOnly(first.detail) ??
    statusMessage(response);
  let retryAfterMs: number | undefined;
  if (code === 'RATE_LIMITED') {
    const reset = Number(response.headers?.get('x-rate-limit-reset'));
    retryAfterMs = Number.isFinite(reset) && reset > 0 ? Math.max(1_000, reset * 1000 - now) : X_RATE_LIMIT_DELAY_MS;
  } else if (code === 'QUOTA_EXCEEDED') {
    retryAfterMs = Math.max(60_000, nextMonth(now) - now);
  }
  const networkCode = v1Code !== undefined ? String(v1Code) : problem && problem !== 'about:blank' ? problem : oauth;
  return new ConnectorError({
    network: 'x',
    code,
    message,
    status: response.status,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    ...(networkCode ? { networkCode } : {}),
  });
}
