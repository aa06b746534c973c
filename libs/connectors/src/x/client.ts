import type { BudgetState } from '../budget';
import { HttpClient, type BudgetHolder, type HttpResponse } from '../http';
import { countXReads, readXBudget, settleXBudget, type XBudgetState } from './budget';
import { parseXError } from './errors';
import type { XSettings } from './settings';

/** The fields every tweet, user and DM event is read with (sync and the reply check alike). */
export const TWEET_FIELDS = 'id,text,created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets,public_metrics';
export const USER_FIELDS = 'name,username,profile_image_url';
export const DM_EVENT_FIELDS = 'id,text,event_type,dm_conversation_id,created_at,sender_id,participant_ids';

export interface XClientOptions {
  settings: XSettings;
  accessToken?: string;
  budget?: BudgetHolder;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * X API v2 over the shared HTTP layer: bearer user token, each endpoint's x-rate-limit-* window
 * read into the channel's budget under that endpoint's name, every post a read returns counted
 * against the monthly read budget, errors parsed into the one set of codes.
 */
export class XClient {
  private readonly http: HttpClient;
  /** The endpoint (window) of the request in flight; requests of one client run one at a time. */
  private endpoint = 'default';

  constructor(private readonly options: XClientOptions) {
    this.http = new HttpClient({
      network: 'x',
      parseError: (response) => parseXError(response),
      readBudget: (headers: Headers, previous: BudgetState | undefined, now: number) => readXBudget(headers, previous, now, this.endpoint),
      budget: options.budget,
      timeoutMs: options.timeoutMs,
      fetch: options.fetch,
    });
  }

  get budget(): BudgetHolder {
    return this.http.budget;
  }

  private url(path: string): string {
    return `${this.options.settings.apiUrl}/${path.replace(/^\/+/, '')}`;
  }

  private auth(): Record<string, string> {
    return this.options.accessToken ? { authorization: `Bearer ${this.options.accessToken}` } : {};
  }

  /** A read; `window` names the endpoint's rate-limit window (e.g. "GET /2/users/:id/mentions"). */
  async get<T = Record<string, unknown>>(window: string, path: string, query: Record<string, string | number | undefined> = {}): Promise<T> {
    this.prepare(window);
    const res = await this.http.request({ url: this.url(path), query, headers: this.auth() });
    this.countReads(res);
    return res.body as T;
  }

  async post<T = Record<string, unknown>>(window: string, path: string, body: Record<string, unknown>): Promise<T> {
    this.prepare(window);
    const res = await this.http.request({ method: 'POST', url: this.url(path), json: body, headers: this.auth() });
    return res.body as T;
  }

  async put<T = Record<string, unknown>>(window: string, path: string, body: Record<string, unknown>): Promise<T> {
    this.prepare(window);
    const res = await this.http.request({ method: 'PUT', url: this.url(path), json: body, headers: this.auth() });
    return res.body as T;
  }

  async delete<T = Record<string, unknown>>(window: string, path: string): Promise<T> {
    this.prepare(window);
    const res = await this.http.request({ method: 'DELETE', url: this.url(path), headers: this.auth() });
    return res.body as T;
  }

  /** The OAuth 2.0 token endpoints (form bodies, client credentials as HTTP Basic for confidential clients). */
  oauth(path: '2/oauth2/token' | '2/oauth2/revoke', form: Record<string, string>): Promise<HttpResponse> {
    this.endpoint = `POST /${path}`;
    const { clientId, clientSecret } = this.options.settings;
    const headers: Record<string, string> = {};
    if (clientId && clientSecret) headers.authorization = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
    return this.http.request({
      method: 'POST',
      url: this.url(path),
      form: { ...(clientId ? { client_id: clientId } : {}), ...form },
      headers,
    });
  }

  /**
   * Before each call the stored budget is settled again for this moment: windows that reset are
   * dropped, and the monthly pace is recomputed — a pause that a scheduler shortened (it never
   * delays a job longer than RATE_LIMIT_MAX_DELAY_MS) still holds while reads are ahead of the pace.
   */
  private prepare(window: string): void {
    this.endpoint = window;
    // XBudgetState only adds optional fields to BudgetState, so every stored state is one.
    const state: XBudgetState | undefined = this.http.budget.state;
    if (state && (state.windows || state.monthly)) this.http.budget.state = settleXBudget(state, Date.now());
  }

  /** X bills every post (and DM event) a read returns, whatever endpoint returned it. */
  private countReads(res: HttpResponse): void {
    const data = (res.body as { data?: unknown } | null)?.data;
    const posts = Array.isArray(data) ? data.length : data ? 1 : 0;
    if (posts > 0) this.http.budget.state = countXReads(this.http.budget.state, posts, this.options.settings.monthlyReadBudget, Date.now());
  }
}
