import { randomBytes } from 'node:crypto';
import { json, type SimRequest, type SimResponse } from '../../core/http';
import type { XToken, XTokenRegistry } from './tokens';

/**
 * OAuth 2.0 app-only authentication (docs.x.com, "Application-only"): POST /oauth2/token with the
 * app's consumer key and secret by HTTP Basic and grant_type=client_credentials answers the app's
 * bearer token (the same one until it is invalidated; it does not expire). With it, public reads
 * work (lookups, timelines, search); routes that act for a user answer 403 Unsupported
 * Authentication, as X does.
 */

/** The user id app-only tokens carry: rate-limit windows and refusals key on it. */
export const APP_USER = 'app';

interface ConsumerApp {
  consumerKey: string;
  consumerSecret: string;
}

// RFC 1738 encoding of key and secret before Basic, as X asks; plain values decode the same.
const unform = (v: string) => decodeURIComponent(v.replace(/\+/g, ' '));

const unverified = () => json(403, { errors: [{ code: 99, message: 'Unable to verify your credentials', label: 'authenticity_token_error' }] });

export function appToken(tokens: XTokenRegistry, app: ConsumerApp, req: SimRequest): SimResponse {
  const header = req.headers.authorization ?? '';
  if (!header.toLowerCase().startsWith('basic ')) return unverified();
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return unverified();
  let key: string;
  let secret: string;
  try {
    key = unform(decoded.slice(0, colon));
    secret = unform(decoded.slice(colon + 1));
  } catch {
    return unverified();
  }
  if (key !== app.consumerKey || secret !== app.consumerSecret) return unverified();
  if (req.body.grant_type !== 'client_credentials' && req.query.get('grant_type') !== 'client_credentials')
    return json(403, { errors: [{ code: 170, message: 'Missing required parameter: grant_type', label: 'forbidden_missing_parameter' }] });
  const existing = tokens.list().find((t) => t.userId === APP_USER && !t.revoked);
  const token: XToken = existing ?? {
    token: `AAAAAAAAAAAAAAAAAAAAA${randomBytes(60).toString('base64url')}`,
    userId: APP_USER,
    scopes: [],
    expiresAt: null,
    revoked: false,
  };
  if (!existing) tokens.registerAccess(token);
  return json(200, { token_type: 'bearer', access_token: token.token });
}

/** Routes that act for a user (the authenticated user, their DMs, posting): app-only tokens may not call them. */
function userContextOnly(method: string, path: string): boolean {
  if (method !== 'GET') return true;
  return path === '/2/users/me' || path.startsWith('/2/dm_events') || path.startsWith('/2/dm_conversations');
}

/** X's 403 for an app-only token on a user-context route, or undefined when the call may go on. */
export function appOnlyRefusal(token: XToken, method: string, path: string): SimResponse | undefined {
  if (token.userId !== APP_USER || !userContextOnly(method, path)) return undefined;
  return {
    status: 403,
    headers: { 'content-type': 'application/problem+json' },
    body: {
      title: 'Unsupported Authentication',
      detail:
        'Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].',
      type: 'https://api.twitter.com/2/problems/unsupported-authentication',
      status: 403,
    },
  };
}
