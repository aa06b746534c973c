import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SimRequest } from './http';

/**
 * OAuth 1.0a (RFC 5849) as the XING API and X (user context) check it: HMAC-SHA1 signatures over the signature base
 * string, a timestamp close to the server's clock and a nonce used once. Written here from the RFC
 * on purpose — not with the connector's library — so the sim really checks what clients sign.
 */

/** RFC 3986 percent-encoding as RFC 5849 §3.6 requires (unreserved characters stay). */
export const percentEncode = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export type OAuthParams = Record<string, string>;

/** The oauth_* parameters of the Authorization header (`OAuth k="v", ...`), decoded. */
export function parseAuthorizationHeader(header: string | undefined): OAuthParams | null {
  if (!header || !/^OAuth\s/i.test(header)) return null;
  const out: OAuthParams = {};
  for (const part of header.replace(/^OAuth\s+/i, '').split(',')) {
    const m = /^\s*([^=\s]+)\s*=\s*"([^"]*)"\s*$/.exec(part);
    if (!m) continue;
    try {
      out[decodeURIComponent(m[1])] = decodeURIComponent(m[2]);
    } catch {
      return null;
    }
  }
  return out;
}

/** RFC 5849 §3.4.1: method & base URI & normalized parameters (query, form body, oauth_* without the signature). */
export function signatureBaseString(method: string, baseUri: string, params: Array<[string, string]>): string {
  const normalized = params
    .filter(([k]) => k !== 'oauth_signature' && k !== 'realm')
    .map(([k, v]) => [percentEncode(k), percentEncode(v)] as const)
    .sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) : a[0] < b[0] ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  return [method.toUpperCase(), percentEncode(baseUri), percentEncode(normalized)].join('&');
}

export function hmacSha1Signature(baseString: string, consumerSecret: string, tokenSecret: string): string {
  return createHmac('sha1', `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`)
    .update(baseString)
    .digest('base64');
}

export const signaturesMatch = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Every parameter the signature covers: oauth_* (header, or query/body), the query, and a form body. */
export function requestParams(req: SimRequest, header: OAuthParams | null): Array<[string, string]> {
  const params: Array<[string, string]> = [...req.query.entries()];
  const contentType = req.headers['content-type'] ?? '';
  if (contentType.includes('application/x-www-form-urlencoded') && req.rawBody.length) {
    params.push(...new URLSearchParams(req.rawBody.toString('utf8')).entries());
  }
  if (header) params.push(...Object.entries(header).filter(([k]) => k !== 'realm'));
  return params;
}

/** Why a signed request was refused (each network words it its own way). */
export type OAuthFailure =
  { kind: 'missing'; name: string } | { kind: 'version' | 'signature_method' | 'consumer' | 'token' | 'signature' | 'timestamp' | 'nonce' };

export interface OAuthCheck<T> {
  /** The consumer secret of a consumer key, or undefined for an unknown key. */
  consumerSecret(key: string): string | undefined;
  /** With a token: the token's record and secret, or undefined for an unknown one; null: the request carries no token (a request-token call). */
  token: ((token: string) => { record: T; secret: string } | undefined) | null;
  /** The URIs the client may have signed (RFC 5849 §3.4.1.2 base string URI): the first that matches wins. */
  baseUris: string[];
  /** Nonces seen per consumer, token and nonce, with their timestamps (pruned here). */
  nonces: Map<string, number>;
  nowS: number;
  windowS: number;
}

/**
 * RFC 5849 §3.2 verification: required parameters, version 1.0, HMAC-SHA1, a known consumer and
 * token, the signature over one of `baseUris`, a timestamp within the window and a nonce used once.
 */
export function checkOAuth1<T>(req: SimRequest, check: OAuthCheck<T>): { params: OAuthParams; record?: T } | { failure: OAuthFailure } {
  const header = parseAuthorizationHeader(req.headers.authorization);
  const all = requestParams(req, header);
  const p: OAuthParams = Object.fromEntries(all.filter(([k]) => k.startsWith('oauth_')));
  for (const name of [
    'oauth_consumer_key',
    'oauth_signature_method',
    'oauth_signature',
    'oauth_timestamp',
    'oauth_nonce',
    ...(check.token ? ['oauth_token'] : []),
  ]) {
    if (!p[name]) return { failure: { kind: 'missing', name } };
  }
  if (p.oauth_version && p.oauth_version !== '1.0') return { failure: { kind: 'version' } };
  if (p.oauth_signature_method !== 'HMAC-SHA1') return { failure: { kind: 'signature_method' } };
  const consumerSecret = check.consumerSecret(p.oauth_consumer_key);
  if (consumerSecret === undefined) return { failure: { kind: 'consumer' } };
  const token = check.token ? check.token(p.oauth_token) : undefined;
  if (check.token && !token) return { failure: { kind: 'token' } };
  // RFC 5849 keeps a parameter sent twice (oauth_token in the header and the body) twice; common
  // signers (oauth-1.0a, under twitter-api-v2's login) merge such exact copies into one, and the
  // networks accept both, so both parameter lists are tried.
  const unique = all.filter(([k, v], i) => all.findIndex(([k2, v2]) => k2 === k && v2 === v) === i);
  const lists = unique.length === all.length ? [all] : [all, unique];
  const signed = check.baseUris.some((uri) =>
    lists.some((list) =>
      signaturesMatch(hmacSha1Signature(signatureBaseString(req.method, uri, list), consumerSecret, token?.secret ?? ''), p.oauth_signature),
    ),
  );
  if (!signed) return { failure: { kind: 'signature' } };
  const ts = Number(p.oauth_timestamp);
  if (!Number.isInteger(ts) || Math.abs(check.nowS - ts) > check.windowS) return { failure: { kind: 'timestamp' } };
  const key = `${p.oauth_consumer_key}:${p.oauth_token ?? ''}:${p.oauth_nonce}`;
  if (check.nonces.has(key)) return { failure: { kind: 'nonce' } };
  check.nonces.set(key, ts);
  if (check.nonces.size > 50_000) for (const [k, t] of check.nonces) if (check.nowS - t > check.windowS) check.nonces.delete(k);
  return token ? { params: p, record: token.record } : { params: p };
}
