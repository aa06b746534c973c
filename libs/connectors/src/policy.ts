import type { ChannelStatus } from '@resonance/contracts';
import type { ConnectorError } from './errors';

/** What a job does after a connector failed (DESIGN.md §4: one policy for every network). */
export type Outcome =
  /** Wait, then try again without counting an attempt (the network said when). */
  | { action: 'delay'; delayMs: number; channelStatus?: ChannelStatus; reason: string }
  /** Try again with the queue's exponential backoff. */
  | { action: 'retry'; channelStatus?: ChannelStatus; reason: string }
  /** Stop: trying again cannot help. */
  | { action: 'give_up'; channelStatus?: ChannelStatus; reason: string };

export interface PolicyInput {
  error: ConnectorError;
  /** Auth failures of this channel in a row, including this one. */
  consecutiveAuthFailures: number;
}

/** Auth failures in a row after which a channel goes to needs_reauth and stops calling the network. */
export const AUTH_FAILURES_BEFORE_REAUTH = 3;
export const DEFAULT_RATE_LIMIT_DELAY_MS = 60_000;
export const DEFAULT_QUOTA_DELAY_MS = 60 * 60_000;

export function decideOutcome({ error, consecutiveAuthFailures }: PolicyInput): Outcome {
  const reason = `${error.code}: ${error.message}`;
  // 426 Upgrade Required: the network no longer serves the API version configured (LinkedIn's
  // retired Linkedin-Version). Every call fails until an admin changes the configuration.
  if (error.status === 426) return { action: 'give_up', channelStatus: 'error', reason };
  switch (error.code) {
    case 'RATE_LIMITED':
      return { action: 'delay', delayMs: error.retryAfterMs ?? DEFAULT_RATE_LIMIT_DELAY_MS, reason };
    case 'QUOTA_EXCEEDED':
      return { action: 'delay', delayMs: error.retryAfterMs ?? DEFAULT_QUOTA_DELAY_MS, reason };
    case 'AUTH_REVOKED':
      // The person took the permission back: no retry can succeed until someone reconnects.
      return { action: 'give_up', channelStatus: 'needs_reauth', reason };
    case 'AUTH_EXPIRED':
      // A refresh may still fix it (the caller refreshes before retrying); after a few in a row, stop.
      return consecutiveAuthFailures >= AUTH_FAILURES_BEFORE_REAUTH
        ? { action: 'give_up', channelStatus: 'needs_reauth', reason }
        : { action: 'retry', reason };
    case 'PERMISSION_DENIED':
    case 'NOT_FOUND':
    case 'INVALID_REQUEST':
      return { action: 'give_up', reason };
    case 'TRANSIENT':
    case 'UNKNOWN':
      return { action: 'retry', reason };
  }
}

export const isAuthCode = (code: string): boolean => code === 'AUTH_EXPIRED' || code === 'AUTH_REVOKED';
