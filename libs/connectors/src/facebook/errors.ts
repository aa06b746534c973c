import { type ErrorCode, obj } from '@resonance/contracts';
import { ConnectorError, errorCodeForStatus, statusMessage } from '../errors';
import { readFacebookBudget } from './budget';

/** Graph codes that mean "too many calls": app (4), user (17), page (32), custom-level (613), business use case (80001–80014). */
const RATE_LIMIT_CODES = new Set([4, 17, 32, 341, 613]);
const isBusinessUseCaseLimit = (code: number) => code >= 80001 && code <= 80014;
/** 190 subcodes after which only the person can help: app removed, password changed, checkpoint, logged out. */
const REVOKED_SUBCODES = new Set([458, 459, 460, 464, 467, 492]);
/** Without a header saying otherwise, Facebook's rolling windows recover within minutes. */
export const FACEBOOK_RATE_LIMIT_DELAY_MS = 60_000;

function classify(status: number, code: number | undefined, subcode: number | undefined, message: string, transient: boolean): ErrorCode {
  if (code !== undefined) {
    if (RATE_LIMIT_CODES.has(code) || isBusinessUseCaseLimit(code)) return 'RATE_LIMITED';
    if (code === 190 || code === 102) return subcode !== undefined && REVOKED_SUBCODES.has(subcode) ? 'AUTH_REVOKED' : 'AUTH_EXPIRED';
    if (code === 10 || (code >= 200 && code <= 299)) return 'PERMISSION_DENIED';
    if (code === 100) return subcode === 33 || /does not exist/i.test(message) ? 'NOT_FOUND' : 'INVALID_REQUEST';
    if (code === 803) return 'NOT_FOUND';
    if (code === 1 || code === 2 || transient) return 'TRANSIENT';
  }
  return errorCodeForStatus(status);
}

/** A failed Graph API response → the one error code (with a delay for rate limits). */
export function parseFacebookError(response: { status: number; body: unknown; headers?: Headers }): ConnectorError {
  const error = obj(obj(response.body).error);
  const code = typeof error.code === 'number' ? error.code : undefined;
  const subcode = typeof error.error_subcode === 'number' ? error.error_subcode : undefined;
  const message = typeof error.message === 'string' ? error.message : statusMessage(response);
  const kind = classify(response.status, code, subcode, message, error.is_transient === true);
  let retryAfterMs: number | undefined;
  if (kind === 'RATE_LIMITED') {
    const budget = response.headers ? readFacebookBudget(response.headers, undefined, Date.now()) : undefined;
    retryAfterMs = budget?.pausedUntil ? Math.max(1_000, budget.pausedUntil - Date.now()) : FACEBOOK_RATE_LIMIT_DELAY_MS;
  }
  return new ConnectorError({
    network: 'facebook',
    code: kind,
    message,
    status: response.status,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    ...(code !== undefined ? { networkCode: subcode !== undefined ? `${code}/${subcode}` : String(code) } : {}),
  });
}
