import { num, obj, stringOnly } from '@resonance/contracts';
import { ConnectorError } from '../errors';
import type { AuthCapability, ConnectableAccount, ConnectorContext, Credentials } from '../interfaces';
import { XClient } from './client';
import type { XSettings } from './settings';

/** Read mentions and conversations, reply, read and send DMs; offline.access brings a refresh token. */
export const X_SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'dm.read', 'dm.write', 'offline.access', 'tweet.moderate.write', 'like.read', 'like.write'];

export function xAccessToken(credentials: Credentials | Record<string, unknown>): string {
  const token = credentials.accessToken;
  if (typeof token !== 'string' || !token) {
    throw new ConnectorError({ network: 'x', code: 'AUTH_REVOKED', message: 'the channel has no X access token; reconnect it' });
  }
  return token;
}

const needClient = (settings: XSettings): string => {
  if (!settings.clientId) throw new ConnectorError({ network: 'x', code: 'INVALID_REQUEST', message: 'X_CLIENT_ID is not configured' });
  return settings.clientId;
};

/** The token endpoint's answer (access_token, refresh_token, expires_in, scope) → the channel's credentials. */
function toCredentials(body: unknown, previous?: Credentials): Credentials {
  const res = obj(body);
  const accessToken = stringOnly(res.access_token);
  const refreshToken = stringOnly(res.refresh_token);
  const expiresIn = num(res.expires_in);
  const scope = stringOnly(res.scope);
  if (!accessToken) throw new ConnectorError({ network: 'x', code: 'UNKNOWN', message: 'the token endpoint answered without an access token' });
  return {
    ...previous,
    accessToken,
    // X rotates refresh tokens: the new one replaces the old, which no longer works.
    ...(refreshToken ? { refreshToken } : {}),
    ...(expiresIn ? { expiresAt: new Date(Date.now() + expiresIn * 1000).toISOString() } : {}),
    ...(scope ? { scope } : {}),
  };
}

/**
 * OAuth 2.0 Authorization Code with PKCE (S256): the authorize page, code + verifier → a 2-hour
 * user token with a refresh token (offline.access), refresh on use, revoke. The user who
 * authorizes is the account: listAccounts returns that one user (/2/users/me).
 */
export function xAuth(settings: XSettings): AuthCapability & { listAccounts(credentials: Credentials): Promise<ConnectableAccount[]> } {
  const client = (token?: string) => new XClient({ settings, accessToken: token });
  return {
    authorizationUrl({ state, redirectUri, codeChallenge }) {
      if (!codeChallenge) throw new ConnectorError({ network: 'x', code: 'INVALID_REQUEST', message: 'X requires PKCE: no code challenge was given' });
      const u = new URL(settings.authorizeUrl);
      u.searchParams.set('response_type', 'code');
      u.searchParams.set('client_id', needClient(settings));
      u.searchParams.set('redirect_uri', redirectUri);
      u.searchParams.set('scope', X_SCOPES.join(' '));
      u.searchParams.set('state', state);
      u.searchParams.set('code_challenge', codeChallenge);
      u.searchParams.set('code_challenge_method', 'S256');
      return u.toString();
    },
    async exchangeCode({ code, redirectUri, codeVerifier }) {
      needClient(settings);
      if (!codeVerifier) throw new ConnectorError({ network: 'x', code: 'INVALID_REQUEST', message: 'X requires PKCE: no code verifier was given' });
      const res = await client().oauth('2/oauth2/token', {
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        code_verifier: codeVerifier,
      });
      return toCredentials(res.body);
    },
    async refresh(credentials) {
      const refreshToken = credentials.refreshToken;
      if (typeof refreshToken !== 'string' || !refreshToken) {
        throw new ConnectorError({
          network: 'x',
          code: 'AUTH_EXPIRED',
          message: 'the X token expired and there is no refresh token (offline.access); reconnect the channel',
        });
      }
      needClient(settings);
      const res = await client().oauth('2/oauth2/token', { grant_type: 'refresh_token', refresh_token: refreshToken });
      return toCredentials(res.body, credentials);
    },
    async revoke(credentials) {
      const token = typeof credentials.refreshToken === 'string' ? credentials.refreshToken : xAccessToken(credentials);
      await client().oauth('2/oauth2/revoke', { token, token_type_hint: typeof credentials.refreshToken === 'string' ? 'refresh_token' : 'access_token' });
    },
    async listAccounts(credentials) {
      const me = await client(xAccessToken(credentials)).get<{ data?: { id?: string; name?: string; username?: string } }>('GET /2/users/me', '2/users/me', {
        'user.fields': 'name,username,profile_image_url',
      });
      if (!me.data?.id) return [];
      return [
        {
          externalId: me.data.id,
          displayName: me.data.name ?? me.data.username ?? me.data.id,
          handle: me.data.username ?? null,
          credentials: { ...credentials, userId: me.data.id },
        },
      ];
    },
  };
}

/** The X client of a connected account: its user token, the channel's budget. */
export function xClient(settings: XSettings, ctx: ConnectorContext): XClient {
  return new XClient({ settings, accessToken: xAccessToken(ctx.credentials), budget: ctx.budget });
}
