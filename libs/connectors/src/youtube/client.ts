import { HttpClient, type BudgetHolder } from '../http';
import { UNIT_COST, YoutubeBudget } from './budget';
import { parseYoutubeError } from './errors';
import type { YoutubeSettings } from './settings';

export interface YoutubeClientOptions {
  settings: YoutubeSettings;
  accessToken?: string;
  /** The channel's stored budget; the unit count lives there. */
  budget?: BudgetHolder;
  timeoutMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
}

type Query = Record<string, string | number | undefined>;

/**
 * The YouTube Data API v3 over the shared HTTP layer (not @googleapis/youtube: its gaxios layer
 * retries and refreshes tokens on its own, behind the quota count and the worker's locked refresh).
 * Every call is planned against the day's units before it is made and counted after it reached
 * Google; a quotaExceeded answer marks the day spent.
 */
export class YoutubeClient {
  private readonly http: HttpClient;
  readonly budget: YoutubeBudget;

  constructor(private readonly options: YoutubeClientOptions) {
    // The HTTP layer gets a holder of its own: YouTube's plan is made here, from units, not from headers.
    this.http = new HttpClient({ network: 'youtube', parseError: parseYoutubeError, timeoutMs: options.timeoutMs, fetch: options.fetch, now: options.now });
    this.budget = new YoutubeBudget(options.budget ?? {}, options.settings.budget, options.now);
  }

  private url(resource: string): string {
    return `${this.options.settings.apiUrl}/youtube/v3/${resource}`;
  }

  private headers(): Record<string, string> {
    // A header, never a query parameter: the token stays out of URLs that get logged.
    return this.options.accessToken ? { authorization: `Bearer ${this.options.accessToken}` } : {};
  }

  /**
   * A list call (1 unit; search.list none: it has its own bucket of calls), refused beforehand when the day's plan cannot afford it.
   * `forReply`: the read belongs to sending a reply (the check for a reply already sent) and may
   * use the reserve, as the insert does.
   */
  async list<T = Record<string, unknown>>(resource: string, query: Query, options: { forReply?: boolean } = {}): Promise<T> {
    const cost = resource === 'search' ? UNIT_COST.search : UNIT_COST.list;
    if (options.forReply) this.budget.assertWrite(cost);
    else this.budget.assertRead(cost);
    return this.call<T>(cost, () => this.http.request({ url: this.url(resource), query, headers: this.headers() }));
  }

  /** An insert (50 units), which may spend the units reads leave for replies. */
  async insert<T = Record<string, unknown>>(resource: string, query: Query, body: unknown): Promise<T> {
    this.budget.assertWrite(UNIT_COST.insert);
    return this.call<T>(UNIT_COST.insert, () => this.http.request({ method: 'POST', url: this.url(resource), query, json: body, headers: this.headers() }));
  }

  /** comments.setModerationStatus (POST) and comments.delete (DELETE): 50 units each, from the write reserve; 204 without a body. */
  async moderate(method: 'POST' | 'DELETE', resource: string, query: Query): Promise<void> {
    this.budget.assertWrite(UNIT_COST.insert);
    await this.call(UNIT_COST.insert, () => this.http.request({ method, url: this.url(resource), query, headers: this.headers() }));
  }

  private async call<T>(cost: number, send: () => Promise<{ body: unknown }>): Promise<T> {
    try {
      const res = await send();
      this.budget.charge(cost);
      return res.body as T;
    } catch (error) {
      const code = (error as { code?: string; status?: number }).code;
      if (code === 'QUOTA_EXCEEDED') this.budget.exhausted();
      // Google counts a failed request too (at least one unit); one that never reached it costs nothing.
      else if ((error as { status?: number }).status !== undefined) this.budget.charge(1);
      throw error;
    }
  }
}
