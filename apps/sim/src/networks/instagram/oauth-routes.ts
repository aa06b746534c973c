import { json, redirect, type SimRequest, type SimResponse } from '../../core/http';
import { igErrors } from './errors';
import type { InstagramState } from './state';
import { INSTAGRAM_SCOPES, LONG_LIVED_S, REFRESH_MIN_AGE_MS, SHORT_LIVED_S } from './tokens';

/**
 * Business Login for Instagram, three hosts in one origin:
 *   GET  /oauth/authorize            www.instagram.com's consent page: approves at once as the
 *                                    demo account's owner and redirects with ?code=…#_
 *   POST /oauth/access_token         api.instagram.com: code → 1-hour token
 *                                    {"data":[{access_token, user_id, permissions}]}
 *   GET  /access_token               graph.instagram.com, grant_type=ig_exchange_token: → 60 days
 *   GET  /refresh_access_token       grant_type=ig_refresh_token: a token ≥ 24 h old and unexpired → 60 days
 */
const errors = igErrors('instagram');
const params = (req: SimRequest) => ({ ...Object.fromEntries(req.query), ...req.body }) as Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export function consent(state: InstagramState, req: SimRequest): SimResponse {
  const q = req.query;
  const clientId = q.get('client_id');
  const redirectUri = q.get('redirect_uri');
  if (!clientId) return errors.missingParam('client_id');
  if (clientId !== state.app.appId) return errors.badClient();
  if (!redirectUri) return errors.missingParam('redirect_uri');
  let target: URL;
  try {
    target = new URL(redirectUri);
  } catch {
    return errors.invalidParam('redirect_uri is not a valid URL');
  }
  const scopes = (q.get('scope') ?? INSTAGRAM_SCOPES.join(',')).split(/[,\s]+/).filter(Boolean);
  const code = state.tokens.issueCode({ redirectUri, scopes }, state.now());
  target.searchParams.set('code', code.code);
  const st = q.get('state');
  if (st !== null) target.searchParams.set('state', st);
  // Instagram appends "#_" to the redirect; it is not part of the code.
  target.hash = '_';
  return redirect(target.toString());
}

export function codeExchange(state: InstagramState, req: SimRequest): SimResponse {
  const p = params(req);
  if (!str(p.client_id)) return errors.missingParam('client_id');
  if (p.client_id !== state.app.appId) return errors.badClient();
  if (p.client_secret !== state.app.appSecret) return errors.badClientSecret();
  if (p.grant_type !== 'authorization_code') return errors.invalidParam('grant_type must be authorization_code');
  const value = str(p.code);
  if (!value) return errors.missingParam('code');
  const code = state.tokens.code(value.replace(/#_$/, ''));
  const now = state.now();
  if (!code || code.expiresAt <= now) return errors.codeInvalid();
  if (code.used) return errors.codeUsed();
  if (code.redirectUri !== p.redirect_uri) return errors.redirectMismatch();
  code.used = true;
  const token = state.tokens.issue({
    userId: state.account.appScopedId,
    scopes: code.scopes,
    issuedAt: now,
    expiresAt: now + SHORT_LIVED_S * 1000,
    longLived: false,
  });
  return json(200, { data: [{ access_token: token.token, user_id: state.account.appScopedId, permissions: code.scopes.join(',') }] });
}

/** GET /access_token?grant_type=ig_exchange_token&client_secret=…&access_token=<short-lived> */
export function exchangeToken(state: InstagramState, req: SimRequest): SimResponse {
  const p = params(req);
  if (p.grant_type !== 'ig_exchange_token') return errors.invalidParam('grant_type must be ig_exchange_token');
  if (p.client_secret !== state.app.appSecret) return errors.badClientSecret();
  const auth = state.authenticate(req);
  if ('error' in auth) return auth.error;
  const now = state.now();
  const long = state.tokens.issue({
    userId: auth.token.userId,
    scopes: auth.token.scopes,
    issuedAt: now,
    expiresAt: now + LONG_LIVED_S * 1000,
    longLived: true,
  });
  return json(200, { access_token: long.token, token_type: 'bearer', expires_in: LONG_LIVED_S });
}

/** GET /refresh_access_token?grant_type=ig_refresh_token&access_token=<long-lived, ≥ 24 h old> */
export function refreshToken(state: InstagramState, req: SimRequest): SimResponse {
  const p = params(req);
  if (p.grant_type !== 'ig_refresh_token') return errors.invalidParam('grant_type must be ig_refresh_token');
  const auth = state.authenticate(req);
  if ('error' in auth) return auth.error;
  const now = state.now();
  if (!auth.token.longLived || now - auth.token.issuedAt < REFRESH_MIN_AGE_MS) return errors.tooYoungToRefresh();
  const fresh = state.tokens.issue({
    userId: auth.token.userId,
    scopes: auth.token.scopes,
    issuedAt: now,
    expiresAt: now + LONG_LIVED_S * 1000,
    longLived: true,
  });
  return json(200, { access_token: fresh.token, token_type: 'bearer', expires_in: LONG_LIVED_S });
}
