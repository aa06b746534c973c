import { type ErrorCode, obj } from '@resonance/contracts';
import { ConnectorError, errorCodeForStatus, statusMessage } from '../errors';

/**
 * Without a Retry-After header (XING documented none that we know of), one rate window: the
 * connector's own budget (budget.ts) counts calls per minute.
 */
export const XING_RATE_LIMIT_DELAY_MS = 60_000;

/** The plain words admins see when XING refuses the app itself: only XING API partners get in. */
export const XING_PARTNER_ACCESS_HINT =
  'XING opens its API to XING API partners only (the public API closed on 2019-04-01); ask XING for partner access and a consumer key/secret for your company page';

/**
 * XING's error names (xing/xing_api lib/xing_api/response_handler.rb) → one code:
 * - 401 INVALID_OAUTH_TOKEN: OAuth 1.0a access tokens do not expire, so a refused token stays
 *   refused (revoked, or the partner access ended) — AUTH_REVOKED, the channel needs reconnecting.
 * - 401 INVALID_OAUTH_CONSUMER / CONSUMER_MISMATCH: the app's consumer key is not (or no longer)
 *   accepted — AUTH_REVOKED, with the partner-access hint.
 * - 401 INVALID_OAUTH_SIGNATURE / INVALID_OAUTH_SIGNATURE_METHOD / INVALID_OAUTH_VERSION /
 *   REQUIRED_PARAMETER_MISSING / NONCE_MISSING: a wrong secret or a broken request — signing again
 *   cannot help — AUTH_REVOKED for the signature (secrets do not match), INVALID_REQUEST otherwise.
 * - 401 TIMESTAMP_EXPIRED / INVALID_TIMESTAMP / NONCE_ALREADY_USED: the next request has a fresh
 *   timestamp and nonce — TRANSIENT.
 * - 403 RATE_LIMIT_EXCEEDED: RATE_LIMITED (Retry-After if sent, else one window);
 *   403 ACCESS_DENIED: PERMISSION_DENIED; 403 INVALID_PARAMETERS: INVALID_REQUEST.
 */
function classify(status: number, name: string | undefined): ErrorCode {
  switch (name) {
    case 'INVALID_OAUTH_TOKEN':
    case 'INVALID_OAUTH_CONSUMER':
    case 'CONSUMER_MISMATCH':
    case 'INVALID_OAUTH_SIGNATURE':
      return 'AUTH_REVOKED';
    case 'TIMESTAMP_EXPIRED':
    case 'INVALID_TIMESTAMP':
    case 'NONCE_ALREADY_USED':
      return 'TRANSIENT';
    case 'INVALID_OAUTH_SIGNATURE_METHOD':
    case 'INVALID_OAUTH_VERSION':
    case 'REQUIRED_PARAMETER_MISSING':
    case 'NONCE_MISSING':
    case 'INVALID_PARAMETERS':
      return 'INVALID_REQUEST';
    case 'RATE_LIMIT_EXCEEDED':
      return 'RATE_LIMITED';
    case 'ACCESS_DENIED':
      return 'PERMISSION_DENIED';
    case 'NOT_FOUND':
    case 'RESOURCE_NOT_FOUND':
      return 'NOT_FOUND';
  }
  // OAuth 1.0a tokens do not expire: a 401 without a name is a token XING no longer accepts.
  if (status === 401) return 'AUTH_REVOKED';
  return errorCodeForStatus(status);
}

function retryAfterMs(headers: Headers | undefined): number {
  const value = headers?.get('retry-after');
  if (value) {
    const seconds = Number(value);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.max(1_000, seconds * 1000);
    const at = Date.parse(value);
    if (Number.isFinite(at)) return Math.max(1_000, at - Date.now());
  }
  return XING_RATE_LIMIT_DELAY_MS;
}

/** A failed XING response → the one error code. Field errors of INVALID_PARAMETERS go into the message. */
export function parseXingError(response: { status: number; body: unknown; headers?: Headers }): ConnectorError {
  const body = obj(response.body);
  const name = typeof body.error_name === 'string' ? body.error_name : undefined;
  const fields = Array.isArray(body.errors)
    ? body.errors.map((e) => [obj(e).field, obj(e).reason].filter((s) => typeof s === 'string').join(' ')).filter(Boolean)
    : [];
  const base = typeof body.message === 'string' ? body.message : statusMessage(response);
  const code = classify(response.status, name);
  let message = `${name ? `${name}: ` : ''}${base}${fields.length ? ` (${fields.join(', ')})` : ''}`;
  if (name === 'INVALID_OAUTH_CONSUMER' || name === 'CONSUMER_MISMATCH' || (code === 'PERMISSION_DENIED' && name === 'ACCESS_DENIED')) {
    message += ` — ${XING_PARTNER_ACCESS_HINT}`;
  }
  return new ConnectorError({
    network: 'xing',
    code,
    message,
    status: response.status,
    ...(code === 'RATE_LIMITED' ? { retryAfterMs: retryAfterMs(response.headers) } : {}),
    ...(name ? { networkCode: name } : {}),
  });
}
