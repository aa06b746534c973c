import { HttpClient, type BudgetHolder, type HttpResponse } from '../http';
import { readInstagramBudget } from './budget';
import { parseInstagramError } from './errors';
import type { InstagramSettings, InstagramSetup } from './settings';

export interface InstagramClientOptions {
  settings: InstagramSettings;
  /** Which host serves the account: graph.instagram.com (Instagram Login) or graph.facebook.com (Facebook Login). */
  setup: InstagramSetup;
  accessToken?: string;
  budget?: BudgetHolder;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

type Query = Record<string, string | number | boolean | undefined>;

const stringQuery = (query: Query): Record<string, string | number | undefined> =>
  Object.fromEntries(Object.entries(query).map(([k, v]) => [k, typeof v === 'boolean' ? String(v) : v]));

/**
 * The Instagram Graph API of one setup: versioned paths on its host, the token as a bearer
 * header (never in URLs that get logged), Meta's usage headers read into the channel's budget,
 * errors parsed into the one set of codes.
 */
export class InstagramClient {
  private readonly http: HttpClient;

  constructor(private readonly options: InstagramClientOptions) {
    this.http = new HttpClient({
      network: 'instagram',
      parseError: parseInstagramError,
      readBudget: readInstagramBudget,
      budget: options.budget,
      timeoutMs: options.timeoutMs,
      fetch: options.fetch,
    });
  }

  get origin(): string {
    return this.options.setup === 'facebook_login' ? this.options.settings.facebookGraphUrl : this.options.settings.graphUrl;
  }

  /** A path on this setup's host; `unversioned` for the token endpoints (/access_token, /refresh_access_token). */
  url(path: string, unversioned = false): string {
    const bare = path.replace(/^\/+/, '');
    return unversioned ? `${this.origin}/${bare}` : `${this.origin}/${this.options.settings.version}/${bare}`;
  }

  private auth(): Record<string, string> {
    return this.options.accessToken ? { authorization: `Bearer ${this.options.accessToken}` } : {};
  }

  async get<T = Record<string, unknown>>(path: string, query: Query = {}): Promise<T> {
    const res = await this.http.request({ url: this.url(path), query: stringQuery(query), headers: this.auth() });
    return res.body as T;
  }

  /** A token endpoint without version, authenticated by its query (the token being exchanged). */
  async getUnversioned<T = Record<string, unknown>>(path: string, query: Query): Promise<T> {
    const res = await this.http.request({ url: this.url(path, true), query: stringQuery(query) });
    return res.body as T;
  }

  /** Follows a `paging.next` link as given, without the token it carries (the header sends it). */
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

  /** A form POST to an absolute URL (Instagram Login's code exchange at api.instagram.com). */
  async postForm<T = Record<string, unknown>>(url: string, form: Record<string, string>): Promise<T> {
    const res = await this.http.request({ method: 'POST', url, form });
    return res.body as T;
  }

  async delete(path: string): Promise<HttpResponse> {
    return this.http.request({ method: 'DELETE', url: this.url(path), headers: this.auth() });
  }
}
