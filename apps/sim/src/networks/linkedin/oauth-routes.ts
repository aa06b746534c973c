import { json, redirect, type SimRequest, type SimResponse } from '../../core/http';
import { errors } from './errors';
import { DEFAULT_SCOPES, type LinkedInState } from './state';
import { ACCESS_TOKEN_TTL_S } from './tokens';
import { must } from '../../core/must';

/**
 * www.linkedin.com/oauth/v2 for the sim: the consent page approves at once as the demo page's
 * administrator (no one to click), the token endpoint answers authorization_code and refresh_token
 * grants like LinkedIn (60-day access tokens; refresh tokens keep their original expiry).
 */
export function authorization(state: LinkedInState, req: SimRequest): SimResponse {
  const q = req.query;
  if (q.get('response_type') !== 'code') return errors.oauth(400, 'invalid_request', "response_type must be 'code'");
  if (q.get('client_id') !== state.app.clientId) return errors.oauth(401, 'invalid_client', 'The passed in client_id is invalid');
  const redirectUri = q.get('redirect_uri');
  let target: URL;
  try {
    target = new URL(redirectUri ?? '');
  } catch {
    return errors.oauth(400, 'invalid_request', 'The redirect_uri is missing or invalid');
  }
  const scopes = (q.get('scope') ?? DEFAULT_SCOPES.join(' ')).split(/[\s,]+/).filter(Boolean);
  const code = state.tokens.issueCode({ redirectUri: must(redirectUri, 'redirect_uri'), memberUrn: state.admin.urn, scopes }, state.now());
  target.searchParams.set('code', code.code);
  const st = q.get('state');
  if (st !== null) target.searchParams.set('state', st);
  return redirect(target.toString());
}

export function accessToken(state: LinkedInState, req: SimRequest): SimResponse {
  if (req.method !== 'POST') return errors.oauth(405, 'invalid_request', 'Use POST');
  const p = req.body as Record<string, string | undefined>;
  if (p.client_id !== state.app.clientId || p.client_secret !== state.app.clientSecret) {
    return errors.oauth(401, 'invalid_client', 'Client authentication failed');
  }
  const now = state.now();
  if (p.grant_type === 'refresh_token') {
    const refresh = p.refresh_token ? state.tokens.getRefresh(p.refresh_token) : undefined;
    if (!refresh || refresh.expiresAt <= now) return errors.oauth(400, 'invalid_request', 'The provided refresh token is invalid or expired');
    const token = state.tokens.issue(refresh.memberUrn, refresh.scopes, now);
    return json(200, {
      access_token: token.token,
      expires_in: ACCESS_TOKEN_TTL_S,
      refresh_token: refresh.token,
      refresh_token_expires_in: Math.max(0, Math.floor((Math.min(refresh.expiresAt, now + 365 * 86_400_000) - now) / 1000)),
      scope: refresh.scopes.join(','),
    });
  }
  if (p.grant_type !== 'authorization_code') return errors.oauth(400, 'unsupported_grant_type', 'grant_type must be authorization_code or refresh_token');
  const code = p.code ? state.tokens.code(p.code) : undefined;
  if (!code || code.used || code.expiresAt <= now)
    return errors.oauth(400, 'invalid_request', 'Unable to retrieve access token: authorization code not found or expired');
  if (code.redirectUri !== p.redirect_uri)
    return errors.oauth(400, 'invalid_redirect_uri', 'Unable to retrieve access token: appid/redirect uri/code verifier does not match authorization code');
  code.used = true;
  const token = state.tokens.issue(code.memberUrn, code.scopes, now);
  const refresh = state.tokens.issueRefresh(code.memberUrn, code.scopes, now);
  return json(200, {
    access_token: token.token,
    expires_in: ACCESS_TOKEN_TTL_S,
    refresh_token: refresh.token,
    refresh_token_expires_in: Math.floor((refresh.expiresAt - now) / 1000),
    scope: code.scopes.join(','),
  });
}

export function revoke(state: LinkedInState, req: SimRequest): SimResponse {
  const p = req.body as Record<string, string | undefined>;
  if (p.client_id !== state.app.clientId || p.client_secret !== state.app.clientSecret)
    return errors.oauth(401, 'invalid_client', 'Client authentication failed');
  const token = p.token ? state.tokens.get(p.token) : undefined;
  if (token) token.revoked = true;
  return json(200, {});
}
