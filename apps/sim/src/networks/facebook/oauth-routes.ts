import { json, redirect, type SimRequest, type SimResponse } from '../../core/http';
import { errors } from './errors';
import type { FacebookState } from './state';
import { DEFAULT_SCOPES, LONG_LIVED_S, SHORT_LIVED_MS } from './tokens';

/**
 * Facebook Login for the sim: the dialog approves at once as the demo page's admin (there is no
 * one to click), the code exchange and the long-lived exchange answer like graph.facebook.com.
 */
export function oauthDialog(state: FacebookState, req: SimRequest): SimResponse {
  const q = req.query;
  const clientId = q.get('client_id');
  const redirectUri = q.get('redirect_uri');
  if (!clientId) return errors.missingParam('client_id');
  if (clientId !== state.app.appId) return errors.badClientId();
  if (!redirectUri) return errors.missingParam('redirect_uri');
  let target: URL;
  try {
    target = new URL(redirectUri);
  } catch {
    return errors.invalidParam('redirect_uri is not a valid URL');
  }
  const scopes = (q.get('scope') ?? DEFAULT_SCOPES.join(',')).split(/[,\s]+/).filter(Boolean);
  const code = state.tokens.issueCode({ redirectUri, appId: clientId, userId: state.adminUser.id, scopes }, state.now());
  target.searchParams.set('code', code.code);
  const st = q.get('state');
  if (st !== null) target.searchParams.set('state', st);
  // Facebook appends "#_=_" to the redirect.
  target.hash = '_=_';
  return redirect(target.toString());
}

export function accessToken(state: FacebookState, req: SimRequest): SimResponse {
  const p = { ...Object.fromEntries(req.query), ...req.body } as Record<string, string | undefined>;
  if (!p.client_id) return errors.missingParam('client_id');
  if (p.client_id !== state.app.appId) return errors.badClientId();
  if (p.client_secret !== state.app.appSecret) return errors.badClientSecret();
  const now = state.now();

  if (p.grant_type === 'fb_exchange_token') {
    const short = p.fb_exchange_token ? state.tokens.get(p.fb_exchange_token) : undefined;
    if (short?.kind !== 'user') return errors.tokenInvalid();
    if (short.revoked) return errors.tokenRevoked(short.appId);
    if (short.expiresAt !== null && short.expiresAt <= now) return errors.tokenExpired(new Date(short.expiresAt), new Date(now));
    const long = state.tokens.issue({ ...short, expiresAt: now + LONG_LIVED_S * 1000 });
    return json(200, { access_token: long.token, token_type: 'bearer', expires_in: LONG_LIVED_S });
  }
  if (p.grant_type === 'client_credentials') {
    return json(200, { access_token: `${state.app.appId}|${state.app.appSecret}`, token_type: 'bearer' });
  }

  if (!p.code) return errors.missingParam('code');
  if (!p.redirect_uri) return errors.missingParam('redirect_uri');
  const code = state.tokens.code(p.code);
  if (!code) return errors.codeInvalid();
  if (code.used) return errors.codeUsed();
  if (code.expiresAt <= now) return errors.codeExpired();
  if (code.redirectUri !== p.redirect_uri) return errors.redirectMismatch();
  code.used = true;
  const token = state.tokens.issue({
    kind: 'user',
    userId: code.userId,
    pageId: null,
    appId: code.appId,
    scopes: code.scopes,
    expiresAt: now + SHORT_LIVED_MS,
  });
  return json(200, { access_token: token.token, token_type: 'bearer', expires_in: Math.floor(SHORT_LIVED_MS / 1000) });
}
