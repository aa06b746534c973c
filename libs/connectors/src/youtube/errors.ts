import { type ErrorCode, nextPacificMidnight, obj } from '@resonance/contracts';
import { ConnectorError, errorCodeForStatus, statusMessage } from '../errors';

/** Without a Retry-After header, Google's per-minute limits recover within a minute. */
export const YOUTUBE_RATE_LIMIT_DELAY_MS = 60_000;

/**
 * Google API error reasons (error.errors[].reason) → the one code. The daily quota
 * (quotaExceeded/dailyLimitExceeded) is not a rate limit: it comes back only at midnight Pacific.
 */
const REASONS: Record<string, ErrorCode> = {
  quotaExceeded: 'QUOTA_EXCEEDED',
  dailyLimitExceeded: 'QUOTA_EXCEEDED',
  rateLimitExceeded: 'RATE_LIMITED',
  userRateLimitExceeded: 'RATE_LIMITED',
  authError: 'AUTH_EXPIRED',
  expired: 'AUTH_EXPIRED',
  forbidden: 'PERMISSION_DENIED',
  insufficientPermissions: 'PERMISSION_DENIED',
  commentsDisabled: 'PERMISSION_DENIED',
  channelClosed: 'PERMISSION_DENIED',
  channelSuspended: 'PERMISSION_DENIED',
  ineligibleAccount: 'PERMISSION_DENIED',
  accountDelegationForbidden: 'PERMISSION_DENIED',
  commentNotFound: 'NOT_FOUND',
  videoNotFound: 'NOT_FOUND',
  channelNotFound: 'NOT_FOUND',
  commentThreadNotFound: 'NOT_FOUND',
  parentCommentNotFound: 'NOT_FOUND',
  notFound: 'NOT_FOUND',
  // Request forms Google refuses (uploads, list parameters): fixing the request is the only way on.
  badContent: 'INVALID_REQUEST',
  mediaBodyRequired: 'INVALID_REQUEST',
  mediaBodyTooLarge: 'INVALID_REQUEST',
  wrongUrlForUpload: 'INVALID_REQUEST',
  incompatibleParameters: 'INVALID_REQUEST',
  unknownPart: 'INVALID_REQUEST',
  backendError: 'TRANSIENT',
  internalError: 'TRANSIENT',
  serviceUnavailable: 'TRANSIENT',
};

/** OAuth 2.0 token endpoint errors (RFC 6749 §5.2), as oauth2.googleapis.com sends them. */
const OAUTH_ERRORS: Record<string, ErrorCode> = {
  // "Token has been expired or revoked.": the refresh token is gone; only the person can reconnect.
  invalid_grant: 'AUTH_REVOKED',
  invalid_client: 'INVALID_REQUEST',
  unauthorized_client: 'INVALID_REQUEST',
  invalid_request: 'INVALID_REQUEST',
  unsupported_grant_type: 'INVALID_REQUEST',
  invalid_scope: 'PERMISSION_DENIED',
  access_denied: 'PERMISSION_DENIED',
};

/** Retry-After in seconds or as an HTTP date. */
function retryAfter(headers: Headers | undefined, now: number): number | undefined {
  const v = headers?.get('retry-after');
  if (!v) return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/** A failed YouTube (or Google OAuth) response → the one error code. */
export function parseYoutubeError(response: { status: number; body: unknown; headers?: Headers }, now = Date.now()): ConnectorError {
  const body = obj(response.body);
  // OAuth endpoints answer {error: "invalid_grant", error_description}; the API {error: {code, message, errors}}.
  if (typeof body.error === 'string') {
    const code = OAUTH_ERRORS[body.error] ?? errorCodeForStatus(response.status);
    const description = typeof body.error_description === 'string' ? body.error_description : body.error;
    return new ConnectorError({ network: 'youtube', code, message: `Google OAuth: ${description}`, status: response.status, networkCode: body.error });
  }
  const error = obj(body.error);
  const first = obj(Array.isArray(error.errors) ? error.errors[0] : undefined);
  const reason = typeof first.reason === 'string' ? first.reason : undefined;
  const message = typeof error.message === 'string' ? error.message.replace(/<[^>]+>/g, '') : statusMessage(response);
  const known = reason !== undefined ? REASONS[reason] : undefined;
  // A 401 is always about the credentials (Google says reason "required" when the token is missing).
  const code: ErrorCode =
    known ??
    (response.status === 401
      ? 'AUTH_EXPIRED'
      : reason?.startsWith('invalid') || reason === 'required' || reason === 'badRequest'
        ? 'INVALID_REQUEST'
        : errorCodeForStatus(response.status));
  let retryAfterMs: number | undefined;
  let text = message;
  if (code === 'QUOTA_EXCEEDED') {
    const reset = nextPacificMidnight(now);
    retryAfterMs = Math.max(1_000, reset - now);
    text = `YouTube's daily quota is spent; calls resume after the reset at midnight Pacific time (${new Date(reset).toISOString()}). ${message}`;
  } else if (code === 'RATE_LIMITED') {
    retryAfterMs = retryAfter(response.headers, now) ?? YOUTUBE_RATE_LIMIT_DELAY_MS;
  }
  return new ConnectorError({
    network: 'youtube',
    code,
    message: text,
    status: response.status,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    ...(reason ? { networkCode: reason } : {}),
  });
}
