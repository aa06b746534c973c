import { json, redirect, type SimRequest, type SimResponse } from '../../core/http';
import { errors } from './errors';
import { ACCESS_TOKEN_TTL_S, s256, type XTokenRegistry } from './tokens';

export interface XOAuthApp {
  clientId: string;
  clientSecret: string;
}

const CODE_TTL_MS = 30_000;

/**
 * x.com/i/oauth2/authorize for the sim: approves at once as the demo account (there is no one to
 * click) and redirects with code and state. PKCE is required, as on X.
 */
export function authorize(tokens: XTokenRegistry, app: XOAuthApp, userId: string, req: SimRequest, now: number): SimResponse {
  const q = req.query;
  const redirectUri = q.get('redirect_uri');
  if (q.get('client_id') !== app.clientId) return errors.oauth(400, 'invalid_request', 'Value passed for the client_id was invalid.');
  if (!redirectUri) return errors.oauth(400, 'invalid_request', 'Missing required parameter [redirect_uri].');
  let target: URL;
  try {
    target = new URL(redirectUri);
  } catch {
    return errors.oauth(400, 'invalid_request', 'Value passed for the redirect_uri was invalid.');
  }
  const back = (params: Record<string, string>) => {
    for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
    const state = q.get('state');
    if (state !== null) target.searchParams.set('state', state);
    return redirect(target.toString());
  };
  if (q.get('response_type') !== 'code') return back({ error: 'unsupported_response_type' });
  const challenge = q.get('code_challenge');
  // X takes the method in any case: its own TypeScript SDK (and twitter-api-v2) send "s256".
  const given = (q.get('code_challenge_method') ?? 'plain').toLowerCase();
  const method = given === 's256' ? 'S256' : given;
  if (!challenge || (method !== 'S256' && method !== 'plain'))
    return back({ error: 'invalid_request', error_description: 'Missing required parameter [code_challenge].' });
  const scopes = (q.get('scope') ?? '').split(/\s+/).filter(Boolean);
  if (!scopes.length) return back({ error: 'invalid_scope' });
  const code = tokens.issueCode({ userId, clientId: app.clientId, redirectUri, scopes, challenge, method, expiresAt: now + CODE_TTL_MS });
  return back({ code });
}

function clientOf(req: SimRequest, app: XOAuthApp): 'ok' | SimResponse {
  const header = req.headers.authorization ?? '';
  if (header.toLowerCase().startsWith('basic ')) {
    const [id, secret] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
    return id === app.clientId && secret === app.clientSecret ? 'ok' : errors.oauth(401, 'unauthorized_client', 'Missing valid authorization header');
  }
  // Public clients send only client_id.
  return req.body.client_id === app.clientId ? 'ok' : errors.oauth(401, 'unauthorized_client', 'Missing valid authorization header');
}

/** POST /2/oauth2/token: authorization_code (+ code_verifier) or refresh_token. */
export function token(tokens: XTokenRegistry, app: XOAuthApp, req: SimRequest, now: number): SimResponse {
  const client = clientOf(req, app);
  if (client !== 'ok') return client;
  const p = req.body as Record<string, string | undefined>;
  const answer = (userId: string, scopes: string[]) => {
    const issued = tokens.issue(userId, scopes, now);
    return json(200, {
      token_type: 'bearer',
      expires_in: ACCESS_TOKEN_TTL_S,
      access_token: issued.access.token,
      scope: scopes.join(' '),
      ...(issued.refreshToken ? { refresh_token: issued.refreshToken } : {}),
    });
  };
  if (p.grant_type === 'authorization_code') {
    const code = p.code ? tokens.takeCode(p.code) : undefined;
    if (!code || code.expiresAt <= now || code.clientId !== app.clientId)
      return errors.oauth(400, 'invalid_request', 'Value passed for the authorization code was invalid.');
    if (code.redirectUri !== p.redirect_uri)
      return errors.oauth(400, 'invalid_request', 'Value passed for the redirect uri did not match the uri of the authorization code.');
    const verifier = p.code_verifier ?? '';
    const ok = code.method === 'S256' ? s256(verifier) === code.challenge : verifier === code.challenge;
    if (!ok) return errors.oauth(400, 'invalid_request', 'Value passed for the code verifier did not match the code challenge.');
    return answer(code.userId, code.scopes);
  }
  if (p.grant_type === 'refresh_token') {
    const found = p.refresh_token ? tokens.useRefresh(p.refresh_token) : undefined;
    if (!found) return errors.oauth(400, 'invalid_request', 'Value passed for the token was invalid.');
    return answer(found.userId, found.scopes);
  }
  return errors.oauth(400, 'unsupported_grant_type', 'grant_type must be authorization_code or refresh_token');
}

/** POST /2/oauth2/revoke */
export function revoke(tokens: XTokenRegistry, app: XOAuthApp, req: SimRequest): SimResponse {
  const client = clientOf(req, app);
  if (client !== 'ok') return client;
  const value = req.body.token;
  if (typeof value === 'string' && value) tokens.revoke(value);
  return json(200, { revoked: true });
}
