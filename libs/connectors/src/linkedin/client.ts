import { ConnectorError } from '../errors';
import { HttpClient, type BudgetHolder } from '../http';
import { countLinkedInCall, throttledUntilReset } from './budget';
import { parseLinkedInError } from './errors';
import { RESTLI_PROTOCOL_VERSION, type LinkedInSettings } from './settings';

export interface LinkedInClientOptions {
  settings: LinkedInSettings;
  accessToken?: string;
  budget?: BudgetHolder;
  timeoutMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Longest wait before a call that is slept in place (from 75 % of the day's budget waits grow to 10 s). */
export const LINKEDIN_MAX_INLINE_WAIT_MS = 2_000;

/** A URN as one path segment: encoded whole, parentheses and commas included (Restli 2.0). */
export const urnSegment = (urn: string): string => encodeURIComponent(urn).replace(/\(/g, '%28').replace(/\)/g, '%29');

/**
 * LinkedIn's REST API over the shared HTTP layer: every call carries Linkedin-Version and
 * X-Restli-Protocol-Version, the bearer token as a header, and counts against the channel's daily
 * budget; a 429 marks the budget spent until midnight UTC.
 */
export class LinkedInClient {
  private readonly http: HttpClient;
  private readonly now: () => number;

  constructor(private readonly options: LinkedInClientOptions) {
    this.now = options.now ?? Date.now;
    const daily = options.settings.dailyCallBudget;
    this.http = new HttpClient({
      network: 'linkedin',
      parseError: (res) => parseLinkedInError(res, this.now()),
      readBudget: (_headers, previous, now) => countLinkedInCall(previous, now, daily),
      budget: options.budget,
      timeoutMs: options.timeoutMs,
      fetch: options.fetch,
      now: this.now,
      sleep: options.sleep,
      // Short inline waits only: a longer one becomes RATE_LIMITED, the job ends and the channel is
      // paused, so a LinkedIn channel short of budget never holds a sync slot other networks need.
      maxInlineWaitMs: LINKEDIN_MAX_INLINE_WAIT_MS,
    });
  }

  get budget(): BudgetHolder {
    return this.http.budget;
  }

  private headers(): Record<string, string> {
    return {
      'linkedin-version': this.options.settings.version,
      'x-restli-protocol-version': RESTLI_PROTOCOL_VERSION,
      ...(this.options.accessToken ? { authorization: `Bearer ${this.options.accessToken}` } : {}),
    };
  }

  private async call(run: () => Promise<{ body: unknown; headers: Headers }>): Promise<{ body: unknown; headers: Headers }> {
    try {
      const res = await run();
      return res;
    } catch (error) {
      if (error instanceof ConnectorError && error.code === 'RATE_LIMITED' && error.status === 429) {
        this.http.budget.state = throttledUntilReset(this.http.budget.state, this.now());
      }
      throw error;
    }
  }

  /** GET {apiUrl}{path}; `path` already has its URN segments encoded (see urnSegment). */
  async get<T = Record<string, unknown>>(path: string, query: Record<string, string | number | undefined> = {}): Promise<T> {
    return (await this.call(() => this.http.request({ url: `${this.options.settings.apiUrl}${path}`, query, headers: this.headers() }))).body as T;
  }

  post(path: string, json: unknown): Promise<{ body: unknown; headers: Headers }> {
    return this.call(() => this.http.request({ method: 'POST', url: `${this.options.settings.apiUrl}${path}`, json, headers: this.headers() }));
  }

  /** DELETE {apiUrl}{path}; LinkedIn answers 204 without a body. */
  delete(path: string, query: Record<string, string | number | undefined> = {}): Promise<{ body: unknown; headers: Headers }> {
    return this.call(() => this.http.request({ method: 'DELETE', url: `${this.options.settings.apiUrl}${path}`, query, headers: this.headers() }));
  }

  /** The OAuth endpoints /oauth/v2/accessToken and /oauth/v2/revoke (form-encoded, no API version headers). */
  async token<T = Record<string, unknown>>(form: Record<string, string>, endpoint: 'accessToken' | 'revoke' = 'accessToken'): Promise<T> {
    const res = await this.call(() => this.http.request({ method: 'POST', url: `${this.options.settings.oauthUrl}/oauth/v2/${endpoint}`, form }));
    return res.body as T;
  }
}
