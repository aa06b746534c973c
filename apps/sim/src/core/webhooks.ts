import type { Network } from '@resonance/contracts';
import type { FaultState } from './faults';

export interface WebhookAttempt {
  at: string;
  status: number | null;
  error?: string;
  /** The sim counted this attempt as failed on purpose (webhook_failures fault). */
  forcedFailure?: boolean;
}

export interface WebhookDelivery {
  id: number;
  network: Network;
  url: string;
  headers: Record<string, string>;
  body: string;
  attempts: WebhookAttempt[];
  state: 'pending' | 'delivered' | 'failed';
  /** Sent again on purpose by the webhook_duplicates fault. */
  duplicateOf?: number;
}

const KEEP_DELIVERIES = 2000;
const REORDER_HOLD_MS = 300;
const REQUEST_TIMEOUT_MS = 20_000; // Facebook waits 20 s for the 200 before it counts a failure

/**
 * Sends webhook deliveries the way the networks do: POST, retry with growing delays when the
 * receiver does not answer 2xx, give up after the last delay. Faults add duplicates, reordering
 * and failed attempts.
 */
export class WebhookDispatcher {
  private nextId = 1;
  private readonly log: WebhookDelivery[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private held: WebhookDelivery[] = [];
  private heldTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private reorderDraw = 0;

  constructor(
    private readonly faults: FaultState,
    private readonly retryDelaysMs: () => number[],
  ) {}

  deliveries(network?: string): WebhookDelivery[] {
    return network ? this.log.filter((d) => d.network === network) : [...this.log];
  }

  /** Queues one delivery; `body` is the exact byte string that was signed. */
  send(network: Network, url: string, body: string, headers: Record<string, string>): WebhookDelivery {
    const delivery = this.record({ network, url, body, headers });
    if (this.faults.hit(network, 'webhook_reorder')) {
      this.held.push(delivery);
      this.heldTimer ??= this.schedule(() => this.releaseHeld(), REORDER_HOLD_MS);
    } else {
      this.attempt(delivery, 0);
    }
    if (this.faults.hit(network, 'webhook_duplicates')) {
      const copy = this.record({ network, url, body, headers, duplicateOf: delivery.id });
      this.schedule(() => this.attempt(copy, 0), 50);
    }
    return delivery;
  }

  /** Resolves when nothing is in flight or held (retries scheduled later are not waited for). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0 || this.held.length > 0) {
      if (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
      else await new Promise((r) => setTimeout(r, 20));
    }
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    if (this.heldTimer) clearTimeout(this.heldTimer);
    this.held = [];
  }

  private record(d: Omit<WebhookDelivery, 'id' | 'attempts' | 'state'>): WebhookDelivery {
    const delivery: WebhookDelivery = { ...d, id: this.nextId++, attempts: [], state: 'pending' };
    this.log.push(delivery);
    if (this.log.length > KEEP_DELIVERIES) this.log.splice(0, this.log.length - KEEP_DELIVERIES);
    return delivery;
  }

  private releaseHeld(): void {
    this.heldTimer = null;
    const batch = this.held;
    this.held = [];
    // A fixed shuffle (reverse, then rotate) so reordering is visible and reproducible.
    batch.reverse();
    const shift = batch.length > 2 ? this.reorderDraw++ % batch.length : 0;
    for (const d of [...batch.slice(shift), ...batch.slice(0, shift)]) this.attempt(d, 0);
  }

  private attempt(delivery: WebhookDelivery, retry: number): void {
    if (this.closed) return;
    const run = this.post(delivery).then((ok) => {
      if (ok) {
        delivery.state = 'delivered';
        return;
      }
      const delays = this.retryDelaysMs();
      if (retry >= delays.length) {
        delivery.state = 'failed';
        return;
      }
      this.schedule(() => this.attempt(delivery, retry + 1), delays[retry]);
    });
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
  }

  private async post(delivery: WebhookDelivery): Promise<boolean> {
    const at = new Date().toISOString();
    try {
      const res = await fetch(delivery.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...delivery.headers },
        body: delivery.body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok && this.faults.hit(delivery.network, 'webhook_failures')) {
        delivery.attempts.push({ at, status: res.status, forcedFailure: true });
        return false;
      }
      delivery.attempts.push({ at, status: res.status });
      return res.ok;
    } catch (error) {
      delivery.attempts.push({ at, status: null, error: (error as Error).message });
      return false;
    }
  }

  private schedule(fn: () => void, ms: number): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    timer.unref();
    this.timers.add(timer);
    return timer;
  }
}
