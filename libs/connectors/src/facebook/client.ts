import { HttpClient, type BudgetHolder, type HttpResponse } from '../http';
import { readFacebookBudget } from './budget';
import { parseFacebookError } from './errors';
import type { FacebookSettings } from './settings';

export interface GraphClientOptions {
  settings: FacebookSettings;
  accessToken?: string;
  budget?: BudgetHolder;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * The Graph API over the shared HTTP layer: versioned paths, the access token as a parameter,
 * usage headers read into the channel's budget, errors parsed into the one set of codes.
 */
export class GraphClient {
  private readonly http: HttpClient;

  constructor(private readonly options: GraphClientOptions) {
    this.http = new HttpClient({
      network: 'facebook',
      parseError: parseFacebookError,
      readBudget: readFacebookBudget,
      budget: options.budget,
      timeoutMs: options.timeoutMs,
      fetch: options.fetch,
    });
  }

  private url(path: string): string {
    return `${this.options.settings.graphUrl}/${this.options.settings.version}/${path.replace(/^\/+/, '')}`;
  }

  private auth(): Record<string, string> {
    // Sent as a header, not a query parameter, so the token never lands in URLs that get logged.
    return this.options.accessToken ? { authorization: `Bearer ${this.options.accessToken}` } : {};
  }

  async get<T = Record<string, unknown>>(path: string, query: Record<string, string | number | undefined> = {}): Promise<T> {
    const res = await this.http.request({ url: this.url(path), query, headers: this.auth() });
    return res.body as T;
  }

  /** Follows a `paging.next` link as given (it already carries every parameter). */
  async getUrl<T = Record<string, unknown>>(url: string): Promise<T> {
    const u = new URL(url);
    u.searchParams.delete('access_token');
    const res = await this.http.request({ url: u.toString(), headers: this.auth() });
    return res.body as T;
  }

  async post<T = Record<string, unknown>>(path: string, body: Record<string, unknown>): Promise<T> {
    const res = await this.http.request({ method: 'POST', url: this.url(path), json: body, headers: this.auth() });
    return res.body as T;
  }

  async delete(path: string): Promise<HttpResponse> {
    return this.http.request({ method: 'DELETE', url: this.url(path), headers: this.auth() });
  }

  /** The OAuth endpoint /oauth/access_token (code exchange, token exchange). */
  async oauth<T = Record<string, unknown>>(query: Record<string, string>): Promise<T> {
    return this.get<T>('oauth/access_token', query);
  }
}
