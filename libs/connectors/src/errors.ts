import { ERROR_CODES, type ErrorCode, type ErrorRecord, type Network } from '@resonance/contracts';

export { ERROR_CODES };
export type { ErrorCode };

/**
 * The one error every connector raises: whatever a network answered, it becomes one of the codes
 * of DESIGN.md §4, so one policy (policy.ts) decides what happens next.
 */
export class ConnectorError extends Error {
  readonly network: Network;
  readonly code: ErrorCode;
  /** How long to wait before the next call (RATE_LIMITED, QUOTA_EXCEEDED). */
  readonly retryAfterMs?: number;
  /** HTTP status of the failed response, if there was one. */
  readonly status?: number;
  /** The network's own error code/subcode, for the log. */
  readonly networkCode?: string;
  /**
   * When the error was raised (epoch ms): `retryAfterMs` counts from here. A sync run reads pages
   * ahead, so it may handle the error a moment after it was raised; waits are measured from this.
   */
  readonly raisedAt = Date.now();

  constructor(input: { network: Network; code: ErrorCode; message: string; retryAfterMs?: number; status?: number; networkCode?: string }) {
    super(input.message);
    this.name = 'ConnectorError';
    this.network = input.network;
    this.code = input.code;
    this.retryAfterMs = input.retryAfterMs;
    this.status = input.status;
    this.networkCode = input.networkCode;
  }

  toRecord(): ErrorRecord {
    return {
      kind: 'error',
      network: this.network,
      code: this.code,
      ...(this.retryAfterMs !== undefined ? { retryAfterMs: this.retryAfterMs } : {}),
      message: this.message,
    };
  }
}

export const isConnectorError = (error: unknown): error is ConnectorError => error instanceof ConnectorError;

/**
 * The code a failed response gets from its HTTP status alone: the fallback of every network's
 * error parser, once the network's own error codes (which say more) did not decide. 400, 409
 * (conflict) and 422 are requests the network refuses as they are: retrying cannot help.
 */
export function errorCodeForStatus(status: number): ErrorCode {
  if (status >= 500) return 'TRANSIENT';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 401) return 'AUTH_EXPIRED';
  if (status === 403) return 'PERMISSION_DENIED';
  if (status === 404) return 'NOT_FOUND';
  if (status === 400 || status === 409 || status === 422) return 'INVALID_REQUEST';
  return 'UNKNOWN';
}

/**
 * The message of a failed response whose body names no error: the start of the body when it is
 * text (an HTML error page of a proxy, a plain-text answer), else the status.
 */
export const statusMessage = (response: { status: number; body: unknown }): string =>
  typeof response.body === 'string' && response.body ? response.body.slice(0, 200) : `HTTP ${response.status}`;

/** Any thrown value as a ConnectorError (unknown failures become UNKNOWN, never disappear). */
export function toConnectorError(error: unknown, network: Network): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ConnectorError({ network, code: 'UNKNOWN', message });
}
