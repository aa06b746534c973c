import { ConnectorError } from '../errors';
import type { AuthCapability, ConnectableAccount, ConnectorContext, Credentials } from '../interfaces';
import { GraphClient } from './client';
import type { FacebookSettings } from './settings';

/** What a Page channel needs: pages to read, comments to answer, Messenger to reply in. */
export const FACEBOOK_SCOPES = ['pages_show_list', 'pages_read_engagement', 'pages_manage_engagement', 'pages_messaging', 'pages_manage_metadata'];

/** The page token in stored credentials (the demo seed stores it as `pageAccessToken`). */
export function facebookAccessToken(credentials: Credentials | Record<string, unknown>): string {
  const token = credentials.accessToken ?? credentials.pageAccessToken;
  if (typeof token !== 'string' || !token) {
    throw new ConnectorError({ network: 'facebook', code: 'AUTH_REVOKED', message: 'the channel has no Facebook access token; reconnect it' });
  }
  return token;
}

interface TokenResponse {
  access_token?: string;
  expires_in?: number;
}

const needApp = (settings: FacebookSettings) => {
  if (!settings.appId || !settings.appSecret) {
    throw new ConnectorError({ network: 'facebook', code: 'INVALID_REQUEST', message: 'FACEBOOK_APP_ID and FACEBOOK_APP_SECRET are not configured' });
  }
  return { appId: settings.appId, appSecret: settings.appSecret };
};

/**
 * Facebook Login: the dialog, code → short-lived user token → long-lived user token (about 60
 * days), and the page token from /me/accounts (which does not expire when taken from a long-lived
 * user token). Refresh exchanges the user token again before it runs out.
 */
export function facebookAuth(settings: FacebookSettings): AuthCapability & {
  pageToken(userToken: string, pageId: string): Promise<string>;
  listAccounts(credentials: Credentials): Promise<ConnectableAccount[]>;
} {
  const client = (token?: string) => new GraphClient({ settings, accessToken: token });
  const longLived = async (userToken: string): Promise<Credentials> => {
    const app = needApp(settings);
    const res = await client().oauth<TokenResponse>({
      grant_type: 'fb_exchange_token',
      client_id: app.appId,
      client_secret: app.appSecret,
      fb_exchange_token: userToken,
    });
    if (!res.access_token) throw new ConnectorError({ network: 'facebook', code: 'UNKNOWN', message: 'token exchange answered without a token' });
    return {
      accessToken: res.access_token,
      userAccessToken: res.access_token,
      ...(res.expires_in ? { expiresAt: new Date(Date.now() + res.expires_in * 1000).toISOString() } : {}),
    };
  };
  const pageToken = async (userToken: string, pageId: string): Promise<string> => {
    const res = await client(userToken).get<{ data?: Array<{ id?: string; access_token?: string }> }>('me/accounts', { fields: 'id,name,access_token' });
    const page = res.data?.find((p) => p.id === pageId);
    if (!page?.access_token) {
      throw new ConnectorError({ network: 'facebook', code: 'PERMISSION_DENIED', message: `the Facebook user no longer manages page ${pageId}` });
    }
    return page.access_token;
  };
  /** The pages the user manages, each with its page token, following the cursor (bounded). */
  const listAccounts = async (credentials: Credentials): Promise<ConnectableAccount[]> => {
    const userToken =
      typeof credentials.userAccessToken === 'string' && credentials.userAccessToken ? credentials.userAccessToken : facebookAccessToken(credentials);
    interface Page {
      id?: string;
      name?: string;
      username?: string;
      access_token?: string;
    }
    const accounts: ConnectableAccount[] = [];
    let after: string | undefined;
    // 20 pages of 100: far more pages than one person administers; stops a looping cursor.
    for (let round = 0; round < 20; round += 1) {
      const res = await client(userToken).get<{ data?: Page[]; paging?: { next?: string; cursors?: { after?: string } } }>('me/accounts', {
        fields: 'id,name,username,access_token',
        limit: 100,
        after,
      });
      for (const page of res.data ?? []) {
        // A page without a token is one the user sees but may not manage: not connectable.
        if (!page.id || !page.access_token) continue;
        accounts.push({
          externalId: page.id,
          displayName: page.name || page.id,
          handle: page.username ?? null,
          credentials: {
            accessToken: page.access_token,
            userAccessToken: userToken,
            pageId: page.id,
            // The page token itself does not expire; the user token behind it does, and refresh()
            // renews both before then — so the channel carries the user token's expiry.
            ...(typeof credentials.expiresAt === 'string' ? { expiresAt: credentials.expiresAt } : {}),
          },
        });
      }
      after = res.paging?.next ? res.paging.cursors?.after : undefined;
      if (!after) break;
    }
    return accounts;
  };
  return {
    pageToken,
    listAccounts,
    authorizationUrl({ state, redirectUri }) {
      const u = new URL(settings.dialogUrl);
      u.searchParams.set('client_id', needApp(settings).appId);
      u.searchParams.set('redirect_uri', redirectUri);
      u.searchParams.set('state', state);
      u.searchParams.set('scope', FACEBOOK_SCOPES.join(','));
      u.searchParams.set('response_type', 'code');
      return u.toString();
    },
    async exchangeCode({ code, redirectUri }) {
      const app = needApp(settings);
      const short = await client().oauth<TokenResponse>({ client_id: app.appId, client_secret: app.appSecret, redirect_uri: redirectUri, code });
      if (!short.access_token) throw new ConnectorError({ network: 'facebook', code: 'UNKNOWN', message: 'code exchange answered without a token' });
      return longLived(short.access_token);
    },
    async refresh(credentials) {
      const user = credentials.userAccessToken;
      // A page token without a user token behind it does not expire and cannot be refreshed.
      if (typeof user !== 'string' || !user) return credentials;
      const renewed = await longLived(user);
      const pageId = typeof credentials.pageId === 'string' ? credentials.pageId : undefined;
      const page = pageId ? await pageToken(renewed.accessToken, pageId) : credentials.accessToken;
      return { ...credentials, ...renewed, accessToken: page };
    },
    async revoke(credentials) {
      const token = typeof credentials.userAccessToken === 'string' ? credentials.userAccessToken : facebookAccessToken(credentials);
      await client(token).delete('me/permissions');
    },
  };
}

/** The Graph client of a connected page: its page token, the channel's budget. */
export function facebookClient(settings: FacebookSettings, ctx: ConnectorContext): GraphClient {
  return new GraphClient({ settings, accessToken: facebookAccessToken(ctx.credentials), budget: ctx.budget });
}
