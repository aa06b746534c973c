import type { Network } from '@resonance/contracts';
import { waitBeforeNextCallMs, type BudgetState } from './budget';
import { ConnectorError } from './errors';
import { fetchTransport, nodeTransport, type Transport } from './http-transport';

export interface HttpResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the text when the body is not JSON. */
  body: unknown;
}

export interface HttpRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  query?: Record<string, string | number | undefined>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as application/x-www-form-urlencoded. */
  form?: Record<string, string>;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** The channel's budget, updated in place by every response. */
export interface BudgetHolder {
  state?: BudgetState;
}

export interface HttpClientOptions {
  network: Network;
  /** Turns a failed response into the network's ConnectorError. */
  parseError(response: HttpResponse): ConnectorError;
  /** Reads the budget headers of every response (successful or not). */
  readBudget?(headers: Headers, previous: BudgetState | undefined, now: number): BudgetState | undefined;
  /** Shared with the caller, who persists it per channel between runs. */
  budget?: BudgetHolder;
  timeoutMs?: number;
  /** A wait longer than this is not slept: the call fails RATE_LIMITED so the job is delayed instead. */
  maxInlineWaitMs?: number;
  /** Replaces the transport (node:http) with a fetch implementation: tests stub the network with it. */
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_INLINE_WAIT_MS = 10_000;

/**
 * The HTTP layer every connector shares: node:http with keep-alive (http-transport.ts; a fetch
 * when one is injected) with a timeout per call, the network's budget read from response headers
 * and respected before the next call, and every failure (HTTP error, timeout, refused connection)
 * turned into a ConnectorError.
 */
export class HttpClient {
  readonly budget: BudgetHolder;
  private readonly transport: Transport;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: HttpClientOptions) {
    this.budget = options.budget ?? {};
    this.transport = options.fetch ? fetchTransport(options.fetch) : nodeTransport;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  async request(req: HttpRequest): Promise<HttpResponse> {
    await this.respectBudget();
    const url = new URL(req.url);
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
    let body: string | undefined;
    if (req.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(req.json);
    } else if (req.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(req.form).toString();
    }
    let res: { status: number; headers: Headers; text: string };
    try {
      res = await this.transport(url, { method: req.method ?? 'GET', headers, body, timeoutMs: req.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
    } catch (error) {
      // Timeouts, resets and refused connections: the network may answer next time.
      const cause = error instanceof Error ? (error.name === 'TimeoutError' ? 'timed out' : error.message) : String(error);
      throw new ConnectorError({ network: this.options.network, code: 'TRANSIENT', message: `${req.method ?? 'GET'} ${url.pathname} ${cause}` });
    }
    const response: HttpResponse = { status: res.status, headers: res.headers, body: parseBody(res.text) };
    if (this.options.readBudget) this.budget.state = this.options.readBudget(res.headers, this.budget.state, this.now());
    if (res.status >= 400) throw this.options.parseError(response);
    return response;
  }

  private async respectBudget(): Promise<void> {
    const wait = waitBeforeNextCallMs(this.budget.state, this.now());
    if (wait <= 0) return;
    if (wait > (this.options.maxInlineWaitMs ?? DEFAULT_MAX_INLINE_WAIT_MS)) {
      throw new ConnectorError({
        network: this.options.network,
        code: 'RATE_LIMITED',
        message: `budget nearly spent (${Math.round(this.budget.state?.usedPercent ?? 0)} % used); waiting before the next call`,
        retryAfterMs: wait,
      });
    }
    await this.sleep(wait);
  }
}

function parseBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
