import { json, redirect, type SimRequest, type SimResponse } from '../../core/http';
import { errors } from './errors';
import type { YoutubeState } from './state';
import { ACCESS_TOKEN_S, FORCE_SSL_SCOPE } from './tokens';

/**
 * Google OAuth 2.0 for the sim: the consent page approves at once as the demo channel's owner
 * (there is no one to click); the token endpoint exchanges codes and refresh tokens like
 * oauth2.googleapis.com/token; /revoke ends a grant.
 */
export function consent(state: YoutubeState, req: SimRequest): SimResponse {
  const q = req.query;
  const clientId = q.get('client_id');
  const redirectUri = q.get('redirect_uri');
  if (!clientId) return errors.oauth(400, 'invalid_request', 'Missing required parameter: client_id');
  if (clientId !== state.client.clientId) return errors.oauth(401, 'invalid_client', 'The OAuth client was not found.');
  if (!redirectUri) return errors.oauth(400, 'invalid_request', 'Missing required parameter: redirect_uri');
  if (q.get('response_type') !== 'code') return errors.oauth(400, 'unsupported_response_type', `Invalid response_type: ${q.get('response_type') ?? ''}`);
  const scope = q.get('scope');
  if (!scope) return errors.oauth(400, 'invalid_request', 'Missing required parameter: scope');
  let target: URL;
  try {
    target = new URL(redirectUri);
  } catch {
    return errors.oauth(400, 'redirect_uri_mismatch', 'Invalid parameter value for redirect_uri: Missing scheme');
  }
  const scopes = scope.split(/\s+/).filter(Boolean);
  const code = state.tokens.issueCode(
    { clientId, redirectUri, channelId: state.store.channel.channelId, scopes, offline: q.get('access_type') === 'offline' },
    state.now(),
  );
  const st = q.get('state');
  if (st !== null) target.searchParams.set('state', st);
  target.searchParams.set('code', code.code);
  target.searchParams.set('scope', scopes.join(' '));
  return redirect(target.toString());
}

export function token(state: YoutubeState, req: SimRequest): SimResponse {
  if (req.method !== 'POST') return errors.methodNotAllowed();
  const p = { ...req.body, ...clientCredentials(req) } as Record<string, string | undefined>;
  if (p.client_id !== state.client.clientId || p.client_secret !== state.client.clientSecret) return errors.oauth(401, 'invalid_client', 'Unauthorized');
  const now = state.now();
  if (p.grant_type === 'authorization_code') {
    if (!p.code) return errors.oauth(400, 'invalid_request', 'Missing required parameter: code');
    const code = state.tokens.code(p.code);
    if (!code || code.used || code.expiresAt <= now || code.clientId !== p.client_id) return errors.oauth(400, 'invalid_grant', 'Malformed auth code.');
    if (code.redirectUri !== p.redirect_uri) return errors.oauth(400, 'redirect_uri_mismatch', 'Bad Request');
    code.used = true;
    const grant = { grant: code.code, clientId: code.clientId, channelId: code.channelId, scopes: code.scopes };
    const access = state.tokens.issueAccess(grant, now);
    const refresh = code.offline ? state.tokens.issueRefresh(grant) : undefined;
    return json(200, {
      access_token: access.token,
      expires_in: ACCESS_TOKEN_S,
      ...(refresh ? { refresh_token: refresh.token } : {}),
      scope: code.scopes.join(' '),
      token_type: 'Bearer',
    });
  }
  if (p.grant_type === 'refresh_token') {
    const refresh = p.refresh_token ? state.tokens.getRefresh(p.refresh_token) : undefined;
    const revokedByFault = state.ctx.faults.isOn('youtube', 'token_revoked') !== undefined;
    if (!refresh || refresh.revoked || revokedByFault || refresh.clientId !== p.client_id)
      return errors.oauth(400, 'invalid_grant', 'Token has been expired or revoked.');
    const access = state.tokens.issueAccess({ grant: refresh.grant, clientId: refresh.clientId, channelId: refresh.channelId, scopes: refresh.scopes }, now);
    return json(200, { access_token: access.token, expires_in: ACCESS_TOKEN_S, scope: refresh.scopes.join(' ') || FORCE_SSL_SCOPE, token_type: 'Bearer' });
  }
  return errors.oauth(400, 'unsupported_grant_type', `Invalid grant_type: ${p.grant_type ?? ''}`);
}

/**
 * The client's id and secret from HTTP Basic (RFC 6749 §2.3.1: each form-encoded, then joined by
 * ":"), which Google accepts beside the form fields; empty when the request has no Basic header.
 */
function clientCredentials(req: SimRequest): { client_id?: string; client_secret?: string } {
  const header = req.headers.authorization ?? '';
  const m = /^basic\s+(\S+)$/i.exec(header);
  if (!m) return {};
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return { client_id: '', client_secret: '' };
  const unform = (v: string) => {
    try {
      return decodeURIComponent(v.replace(/\+/g, ' '));
    } catch {
      return v;
    }
  };
  return { client_id: unform(decoded.slice(0, colon)), client_secret: unform(decoded.slice(colon + 1)) };
}

export function revoke(state: YoutubeState, req: SimRequest): SimResponse {
  if (req.method !== 'POST') return errors.methodNotAllowed();
  const value = req.query.get('token') ?? (typeof req.body.token === 'string' ? req.body.token : undefined);
  if (!value || !state.tokens.revoke(value)) return errors.oauth(400, 'invalid_token', 'Token expired or revoked');
  return json(200, {});
}
