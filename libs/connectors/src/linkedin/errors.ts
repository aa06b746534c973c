import { type ErrorCode, obj } from '@resonance/contracts';
import { ConnectorError, errorCodeForStatus, statusMessage } from '../errors';
import { nextUtcMidnight } from './budget';

/** serviceErrorCode 101: "Resource level throttle limit … is reached" (daily limits). */
export const THROTTLE_SERVICE_CODE = 101;

function classify(status: number, code: string | undefined, serviceErrorCode: number | undefined, message: string): ErrorCode {
  if (status === 429 || serviceErrorCode === THROTTLE_SERVICE_CODE) return 'RATE_LIMITED';
  // 426: the Linkedin-Version sent is retired (or not yet active). Retrying cannot help; an admin
  // has to move LINKEDIN_VERSION on — INVALID_REQUEST gives up and shows the message.
  if (status === 426 || code === 'NONEXISTENT_VERSION' || code === 'VERSION_MISSING') return 'INVALID_REQUEST';
  if (status === 401) {
    // LinkedIn says "REVOKED_ACCESS_TOKEN" when the member took the app's access back.
    return code === 'REVOKED_ACCESS_TOKEN' || /revoked/i.test(message) ? 'AUTH_REVOKED' : 'AUTH_EXPIRED';
  }
  return errorCodeForStatus(status);
}

/**
 * A failed LinkedIn response → the one error code. LinkedIn's bodies are {status, serviceErrorCode,
 * code, message} (code and serviceErrorCode are each sometimes absent); a 429 carries no header
 * saying when, and the daily limits reset at midnight UTC — that is the retry time.
 */
export function parseLinkedInError(response: { status: number; body: unknown; headers?: Headers }, now: number = Date.now()): ConnectorError {
  const body = obj(response.body);
  const status = typeof body.status === 'number' ? body.status : response.status;
  const code = typeof body.code === 'string' ? body.code : undefined;
  const serviceErrorCode = typeof body.serviceErrorCode === 'number' ? body.serviceErrorCode : undefined;
  const message =
    typeof body.message === 'string' && body.message
      ? body.message
      : typeof body.error_description === 'string' && body.error_description
        ? body.error_description // the OAuth endpoints' {error, error_description}
        : statusMessage(response);
  const kind = classify(response.status >= 400 ? response.status : status, code, serviceErrorCode, message);
  const retired = response.status === 426 || code === 'NONEXISTENT_VERSION';
  return new ConnectorError({
    network: 'linkedin',
    code: kind,
    message: retired ? `LinkedIn retired the API version in use (${message}); set LINKEDIN_VERSION to a current YYYYMM version` : message,
    status: response.status,
    ...(kind === 'RATE_LIMITED' ? { retryAfterMs: Math.max(1_000, nextUtcMidnight(now) - now) } : {}),
    ...(code !== undefined || serviceErrorCode !== undefined ? { networkCode: [code, serviceErrorCode].filter((v) => v !== undefined).join('/') } : {}),
  });
}
