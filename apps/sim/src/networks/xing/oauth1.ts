import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SimRequest } from '../../core/http';

/**
 * OAuth 1.0a (RFC 5849) as the XING API checked it: HMAC-SHA1 signatures over the signature base
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
