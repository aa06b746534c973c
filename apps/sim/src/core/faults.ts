import type { Network } from '@resonance/contracts';

/**
 * Fault injection state, switched through /_sim/faults. A fault applies to one network (or all,
 * with network "*"), to every matching request or with a probability, optionally only to the next
 * `count` requests.
 */
export const FAULT_KINDS = [
  'rate_limit', // the network's own rate-limit error, body and headers
  'server_error', // 5xx in the network's error shape
  'timeout', // the request hangs and the socket is closed after options.delayMs (default 30 s)
  'slow', // responses are delayed by options.delayMs (default 2 s)
  'token_expired', // every access token reads as expired
  'token_revoked', // every access token reads as revoked by the user
  'webhook_duplicates', // each webhook delivery is sent twice
  'webhook_reorder', // webhook deliveries are held and sent in shuffled order
  'webhook_failures', // the first delivery attempts fail (the receiver sees retries)
  'permission_denied', // Instagram: (#10) Application does not have permission for this action
  'media_processing_failed', // LinkedIn: an uploaded image, video or document ends in status PROCESSING_FAILED
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultOptions {
  /** Rate-limit error code (Facebook: 4, 17, 32, 613; Instagram also 80002). */
  code?: number;
  /** Delay for slow/timeout, in ms. */
  delayMs?: number;
  /** HTTP status for server_error (default 500). */
  status?: number;
}

export interface Fault {
  network: Network | '*';
  kind: FaultKind;
  probability: number;
  /** Requests (or deliveries) still affected; null = until switched off. */
  remaining: number | null;
  options: FaultOptions;
}

export class FaultState {
  private faults: Fault[] = [];
  private draws = 0;

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f, options: { ...f.options } }));
  }

  set(fault: Fault): void {
    this.faults = this.faults.filter((f) => !(f.network === fault.network && f.kind === fault.kind));
    this.faults.push(fault);
  }

  clear(filter: { network?: string; kind?: string } = {}): void {
    this.faults = this.faults.filter(
      (f) => (filter.network !== undefined && f.network !== filter.network) || (filter.kind !== undefined && f.kind !== filter.kind),
    );
  }

  /** Whether the fault is on for this network, without consuming it. */
  isOn(network: Network, kind: FaultKind): Fault | undefined {
    return this.faults.find((f) => (f.network === network || f.network === '*') && f.kind === kind);
  }

  /**
   * Whether the fault hits this request; consumes one of `remaining`. Probabilities use a fixed
   * low-discrepancy sequence, not Math.random, so a run with the same requests behaves the same.
   */
  hit(network: Network, kind: FaultKind): Fault | undefined {
    const fault = this.isOn(network, kind);
    if (!fault) return undefined;
    if (fault.probability < 1) {
      this.draws += 1;
      const u = (this.draws * 0.6180339887498949) % 1;
      if (u >= fault.probability) return undefined;
    }
    if (fault.remaining !== null) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    }
    return fault;
  }
}
