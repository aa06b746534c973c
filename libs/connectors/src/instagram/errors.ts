import { type ErrorCode, obj } from '@resonance/contracts';
import { ConnectorError, errorCodeForStatus, statusMessage } from '../errors';
import { readInstagramBudget } from './budget';

/** Throttling: app (4), user (17), page (32), custom (613), and 80002 "too many calls to this Instagram account". */
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 80002]);
/** On graph.facebook.com, 190 subcodes after which only the person can help (460: password changed, app removed…). */
const REVOKED_SUBCODES = new Set([458, 459, 460, 464, 467, 492]);
/** Instagram Messaging: the reply is outside the 24-hour window (IG Login host; 2018278 on the Messenger host). */
export const OUTSIDE_WINDOW_SUBCODES = new Set([2534022, 2018278]);
/** Without a header saying otherwise, Meta's rolling windows recover within minutes. */
export const INSTAGRAM_RATE_LIMIT_DELAY_MS = 60_000;

function classify(status: number, code: number | undefined, subcode: number | undefined, message: string, transient: boolean): ErrorCode {
  if (code !== undefined) {
    if (RATE_LIMIT_CODES.has(code) || (code >= 80001 && code <= 80014)) return 'RATE_LIMITED';
    // graph.instagram.com sends an expired token as 190 without a subcode; graph.facebook.com as 190/463.
    if (code === 190 || code === 102) return subcode !== undefined && REVOKED_SUBCODES.has(subcode) ? 'AUTH_REVOKED' : 'AUTH_EXPIRED';
    // Code 10 is both a missing permission (IGApiException) and the closed messaging window (2534022):
    // neither is fixed by trying again, both are refused as asked.
    if (code === 10 || (code >= 200 && code <= 299)) return 'PERMISSION_DENIED';
    if (code === 100) return subcode === 33 || /does not exist/i.test(message) ? 'NOT_FOUND' : 'INVALID_REQUEST';
    if (code === 803) return 'NOT_FOUND';
    if (code === 1 || code === 2 || transient) return 'TRANSIENT';
  }
  return errorCodeForStatus(status);
}

/** A failed response of either Instagram host → the one error code (with a delay for rate limits). */
export function parseInstagramError(response: { status: number; body: unknown; headers?: Headers }): ConnectorError {
  const error = obj(obj(response.body).error);
  const code = typeof error.code === 'number' ? error.code : undefined;
  const subcode = typeof error.error_subcode === 'number' ? error.error_subcode : undefined;
  const raw = typeof error.message === 'string' ? error.message : statusMessage(response);
  const message = code === 10 && subcode !== undefined && OUTSIDE_WINDOW_SUBCODES.has(subcode) ? `outside Instagram's messaging window: ${raw}` : raw;
  const kind = classify(response.status, code, subcode, raw, error.is_transient === true);
  let retryAfterMs: number | undefined;
  if (kind === 'RATE_LIMITED') {
    const budget = response.headers ? readInstagramBudget(response.headers, undefined, Date.now()) : undefined;
    retryAfterMs = budget?.pausedUntil ? Math.max(1_000, budget.pausedUntil - Date.now()) : INSTAGRAM_RATE_LIMIT_DELAY_MS;
  }
  return new ConnectorError({
    network: 'instagram',
    code: kind,
    message,
    status: response.status,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    ...(code !== undefined ? { networkCode: subcode !== undefined ? `${code}/${subcode}` : String(code) } : {}),
  });
}
