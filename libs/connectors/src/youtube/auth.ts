import { ConnectorError } from '../errors';
import { HttpClient } from '../http';
import type { AuthCapability, ConnectableAccount, ConnectorContext, Credentials } from '../interfaces';
import { YoutubeClient } from './client';
import { parseYoutubeError } from './errors';
import type { YoutubeSettings } from './settings';

/** Reading and answering comments needs youtube.force-ssl (youtube.readonly cannot insert). */
export const YOUTUBE_SCOPES = ['https://www.googleapis.com/auth/youtube.force-ssl'];

interface TokenResponse {
  access_token?: string;
  expires_in?: number;
  refresh_token?: string;
  scope?: string;
  token_type?: string;
}

export function youtubeAccessToken(credentials: Credentials): string {
  if (typeof credentials.accessToken !== 'string' || !credentials.accessToken) {
    throw new ConnectorError({ network: 'youtube', code: 'AUTH_REVOKED', message: 'the channel has no YouTube access token; reconnect it' });
  }
  return credentials.accessToken;
}

const needClient = (settings: YoutubeSettings) => {
  if (!settings.clientId || !settings.clientSecret) {
    throw new ConnectorError({ network: 'youtube', code: 'INVALID_REQUEST', message: 'YOUTUBE_CLIENT_ID and YOUTUBE_CLIENT_SECRET are not configured' });
  }
  return { clientId: settings.clientId, clientSecret: settings.clientSecret };
};

const toCredentials = (res: TokenResponse, previous?: Credentials): Credentials => {
  if (!res.access_token) throw new ConnectorError({ network: 'youtube', code: 'UNKNOWN', message: 'Google answered the token request without a token' });
  // A refresh answers without a new refresh token: the old one stays valid.
  const refreshToken = res.refresh_token ?? previous?.refreshToken;
  return {
    ...previous,
    accessToken: res.access_token,
    ...(refreshToken ? { refreshToken } : {}),
    ...(res.expires_in ? { expiresAt: new Date(Date.now() + res.expires_in * 1000).toISOString() } : {}),
    ...(res.scope ? { scope: res.scope } : {}),
  };
};

/**
 * Google OAuth 2.0 for installed/web apps: consent with access_type=offline (and prompt=consent,
 * so a reconnect gets a refresh token again), code exchange, refresh (access tokens live an hour),
 * revoke. The user's own channel is the account to connect (channels.list?mine=true).
 */
export function youtubeAuth(settings: YoutubeSettings): AuthCapability & { listAccounts(credentials: Credentials): Promise<ConnectableAccount[]> } {
  const http = new HttpClient({ network: 'youtube', parseError: parseYoutubeError });
  const token = async (form: Record<string, string>): Promise<TokenResponse> =>
    (await http.request({ method: 'POST', url: settings.tokenUrl, form })).body as TokenResponse;
  return {
    authorizationUrl({ state, redirectUri }) {
      const u = new URL(settings.authUrl);
      u.searchParams.set('client_id', needClient(settings).clientId);
      u.searchParams.set('redirect_uri', redirectUri);
      u.searchParams.set('response_type', 'code');
      u.searchParams.set('scope', YOUTUBE_SCOPES.join(' '));
      u.searchParams.set('access_type', 'offline');
      u.searchParams.set('prompt', 'consent');
      u.searchParams.set('include_granted_scopes', 'true');
      u.searchParams.set('state', state);
      return u.toString();
    },
    async exchangeCode({ code, redirectUri }) {
      const app = needClient(settings);
      return toCredentials(
        await token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: app.clientId, client_secret: app.clientSecret }),
      );
    },
    async refresh(credentials) {
      if (typeof credentials.refreshToken !== 'string' || !credentials.refreshToken) {
        throw new ConnectorError({ network: 'youtube', code: 'AUTH_REVOKED', message: 'the YouTube channel has no refresh token; reconnect it' });
      }
      const app = needClient(settings);
      return toCredentials(
        await token({ grant_type: 'refresh_token', refresh_token: credentials.refreshToken, client_id: app.clientId, client_secret: app.clientSecret }),
        credentials,
      );
    },
    async revoke(credentials) {
      // Revoking the refresh token ends the access tokens made from it too.
      const value = typeof credentials.refreshToken === 'string' && credentials.refreshToken ? credentials.refreshToken : youtubeAccessToken(credentials);
      await http.request({ method: 'POST', url: settings.revokeUrl, form: { token: value } });
    },
    async listAccounts(credentials) {
      const client = new YoutubeClient({ settings, accessToken: youtubeAccessToken(credentials) });
      const res = await client.list<{ items?: Array<{ id?: string; snippet?: { title?: string; customUrl?: string } }> }>('channels', {
        part: 'snippet',
        mine: 'true',
      });
      return (res.items ?? [])
        .filter((c): c is { id: string; snippet?: { title?: string; customUrl?: string } } => typeof c.id === 'string' && c.id !== '')
        .map((c) => ({
          externalId: c.id,
          displayName: c.snippet?.title || c.id,
          handle: c.snippet?.customUrl ?? null,
          credentials: { ...credentials, channelId: c.id },
        }));
    },
  };
}

/** The YouTube client of a connected channel: its OAuth token, the channel's budget. */
export function youtubeClient(settings: YoutubeSettings, ctx: ConnectorContext): YoutubeClient {
  return new YoutubeClient({ settings, accessToken: youtubeAccessToken(ctx.credentials), budget: ctx.budget });
}
