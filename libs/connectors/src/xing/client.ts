import { createHmac } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import { ConnectorError } from '../errors';
import { HttpClient, type BudgetHolder } from '../http';
import type { ConnectorContext, Credentials } from '../interfaces';
import { countXingCall } from './budget';
import { parseXingError, XING_PARTNER_ACCESS_HINT } from './errors';
import type { XingSettings } from './settings';

/** Items per page of every XING list (limit/offset paging). */
export const XING_PAGE = 100;

/** OAuth 1.0a HMAC-SHA1 signer (RFC 5849) from the `oauth-1.0a` library. */
export function xingSigner(consumer: { key: string; secret: string }): OAuth {
  return new OAuth({ consumer, signature_method: 'HMAC-SHA1', hash_function: (base, key) => createHmac('sha1', key).update(base).digest('base64') });
}

export function xingConsumer(settings: XingSettings, credentials?: Credentials | Record<string, unknown>): { key: string; secret: string } {
  const key = typeof credentials?.consumerKey === 'string' ? credentials.consumerKey : settings.consumerKey;
  const secret = typeof credentials?.consumerSecret === 'string' ? credentials.consumerSecret : settings.consumerSecret;
  if (!key || !secret) {
    // AUTH_REVOKED, not INVALID_REQUEST: a channel that cannot sign is shown as needing reconnection, never as connected.
    throw new ConnectorError({
      network: 'xing',
      code: 'AUTH_REVOKED',
      message: `XING_CONSUMER_KEY and XING_CONSUMER_SECRET are not configured — ${XING_PARTNER_ACCESS_HINT}`,
    });
  }
  return { key, secret };
}

export function xingToken(credentials: Credentials | Record<string, unknown>): { key: string; secret: string } {
  const key = credentials.accessToken;
  const secret = credentials.accessTokenSecret;
  if (typeof key !== 'string' || !key || typeof secret !== 'string' || !secret) {
    throw new ConnectorError({ network: 'xing', code: 'AUTH_REVOKED', message: 'the channel has no XING access token and secret; reconnect it' });
  }
  return { key, secret };
}

export interface XingClientOptions {
  settings: XingSettings;
  credentials?: Credentials;
  budget?: BudgetHolder;
  fetch?: typeof fetch;
}

/**
 * The XING API over the shared HTTP layer: every request signed with OAuth 1.0a in the
 * Authorization header (fresh nonce and timestamp each time), bodies form-encoded so the signature
 * covers them, calls counted into the channel's budget, errors parsed into the one set of codes.
 */
export class XingClient {
  private readonly http: HttpClient;
  private readonly signer: OAuth;
  private readonly token?: { key: string; secret: string };

  constructor(private readonly options: XingClientOptions) {
    this.signer = xingSigner(xingConsumer(options.settings, options.credentials));
    this.token = options.credentials ? xingToken(options.credentials) : undefined;
    this.http = new HttpClient({
      network: 'xing',
      parseError: parseXingError,
      readBudget: countXingCall(options.settings.callsPerMinute),
      budget: options.budget,
      fetch: options.fetch,
    });
  }

  private async send<T>(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    params: Record<string, string | number | undefined> = {},
    token = this.token,
  ): Promise<T> {
    const url = new URL(`${this.options.settings.apiUrl}/v1/${path.replace(/^\/+/, '')}`);
    const clean = Object.fromEntries(
      Object.entries(params)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, String(v)]),
    );
    if (method !== 'POST') for (const [k, v] of Object.entries(clean)) url.searchParams.set(k, v);
    const body = method === 'POST' ? Object.fromEntries(Object.entries(clean).filter(([k]) => !k.startsWith('oauth_'))) : undefined;
    const oauthExtra = method === 'POST' ? Object.fromEntries(Object.entries(clean).filter(([k]) => k.startsWith('oauth_'))) : {};
    const data = this.signer.authorize({ url: url.toString(), method, data: method === 'POST' ? clean : undefined }, token);
    const header = this.signer.toHeader({ ...data, ...oauthExtra }).Authorization;
    const res = await this.http.request({
      method,
      url: url.toString(),
      headers: { authorization: header },
      ...(body && Object.keys(body).length ? { form: body } : {}),
    });
    return res.body as T;
  }

  get<T = Record<string, unknown>>(path: string, query: Record<string, string | number | undefined> = {}): Promise<T> {
    return this.send<T>('GET', path, query);
  }

  post<T = Record<string, unknown>>(path: string, form: Record<string, string>): Promise<T> {
    return this.send<T>('POST', path, form);
  }

  delete(path: string): Promise<unknown> {
    return this.send('DELETE', path);
  }

  /** OAuth 1.0a token endpoints (request token, access token): form-encoded answers. */
  async tokenCall(
    path: 'request_token' | 'access_token',
    params: Record<string, string>,
    token?: { key: string; secret: string },
  ): Promise<Record<string, string>> {
    const body = await this.send<unknown>('POST', path, params, token);
    return Object.fromEntries(new URLSearchParams(typeof body === 'string' ? body : ''));
  }
}

/** The XING client of a connected company: the user's OAuth 1.0a token, the channel's budget. */
export const xingClient = (settings: XingSettings, ctx: ConnectorContext): XingClient =>
  new XingClient({ settings, credentials: ctx.credentials, budget: ctx.budget });
