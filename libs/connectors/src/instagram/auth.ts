import { arr, obj, str } from '@resonance/contracts';
import { ConnectorError } from '../errors';
import type { AuthCapability, ConnectableAccount, ConnectorContext, Credentials } from '../interfaces';
import { InstagramClient } from './client';
import { idOf } from './mapper';
import type { InstagramSettings, InstagramSetup } from './settings';

/** Instagram API with Instagram Login: read the account, answer and moderate comments, answer direct messages. */
export const INSTAGRAM_LOGIN_SCOPES = ['instagram_business_basic', 'instagram_business_manage_comments', 'instagram_business_manage_messages'];
/** Instagram API with Facebook Login: the same through the Page the account is linked to. */
export const INSTAGRAM_FACEBOOK_SCOPES = [
  'instagram_basic',
  'instagram_manage_comments',
  'instagram_manage_messages',
  'pages_show_list',
  'pages_read_engagement',
  'pages_manage_metadata',
];
/** Instagram refreshes a long-lived token only once it is at least 24 hours old. */
export const MIN_TOKEN_AGE_FOR_REFRESH_MS = 24 * 3600_000;

export const setupOf = (credentials: Credentials | Record<string, unknown>): InstagramSetup =>
  credentials.setup === 'facebook_login' ? 'facebook_login' : 'instagram_login';

export function instagramAccessToken(credentials: Credentials | Record<string, unknown>): string {
  const token = credentials.accessToken;
  if (typeof token !== 'string' || !token) {
    throw new ConnectorError({ network: 'instagram', code: 'AUTH_REVOKED', message: 'the channel has no Instagram access token; reconnect it' });
  }
  return token;
}

const needApp = (settings: InstagramSettings) => {
  if (!settings.appId || !settings.appSecret) {
    throw new ConnectorError({ network: 'instagram', code: 'INVALID_REQUEST', message: 'INSTAGRAM_APP_ID and INSTAGRAM_APP_SECRET are not configured' });
  }
  return { appId: settings.appId, appSecret: settings.appSecret };
};

/** The Facebook app of the Facebook-Login setup: the one Facebook Pages connect through. */
const needFacebookApp = (settings: InstagramSettings) => {
  if (!settings.facebookAppId || !settings.facebookAppSecret) {
    throw new ConnectorError({
      network: 'instagram',
      code: 'INVALID_REQUEST',
      message: "FACEBOOK_APP_ID and FACEBOOK_APP_SECRET are not configured (Instagram's Facebook-Login setup signs in through the Facebook app)",
    });
  }
  return { appId: settings.facebookAppId, appSecret: settings.facebookAppSecret };
};

interface TokenAnswer {
  access_token?: string;
  expires_in?: number;
  user_id?: string | number;
  data?: Array<{ access_token?: string; user_id?: string | number }>;
}

/** A token answer → credentials of the Instagram-Login setup; `issuedAt` decides when refresh is allowed. */
export function loginCredentials(res: TokenAnswer, now: number, previous: Credentials | undefined): Credentials {
  if (!res.access_token) throw new ConnectorError({ network: 'instagram', code: 'UNKNOWN', message: 'Instagram answered the token request without a token' });
  return {
    ...(previous ?? {}),
    setup: 'instagram_login',
    accessToken: res.access_token,
    // The long-lived token renews itself (grant ig_refresh_token): it is also what refreshes.
    refreshToken: res.access_token,
    issuedAt: new Date(now).toISOString(),
    ...(res.expires_in ? { expiresAt: new Date(now + res.expires_in * 1000).toISOString() } : {}),
  };
}

/**
 * Whether an Instagram-Login token may be refreshed now: Instagram refreshes only tokens at least
 * 24 hours old and not yet expired. A younger token is kept as it is (it has ~60 days left).
 */
export function mayRefresh(credentials: Credentials, now: number): boolean {
  const issued = typeof credentials.issuedAt === 'string' ? Date.parse(credentials.issuedAt) : NaN;
  return !Number.isFinite(issued) || now - issued >= MIN_TOKEN_AGE_FOR_REFRESH_MS;
}

export function instagramAuth(settings: InstagramSettings): AuthCapability & { listAccounts(credentials: Credentials): Promise<ConnectableAccount[]> } {
  const ig = (token?: string) => new InstagramClient({ settings, setup: 'instagram_login', accessToken: token });
  const fb = (token?: string) => new InstagramClient({ settings, setup: 'facebook_login', accessToken: token });

  /** Short-lived (1 h) → long-lived (60 days) token on graph.instagram.com. */
  const longLived = async (shortToken: string, now: number): Promise<Credentials> => {
    const app = needApp(settings);
    const res = await ig().getUnversioned<TokenAnswer>('access_token', {
      grant_type: 'ig_exchange_token',
      client_secret: app.appSecret,
      access_token: shortToken,
    });
    return loginCredentials(res, now, undefined);
  };

  /**
   * Facebook Login: code → short-lived user token (graph.facebook.com/oauth/access_token) →
   * long-lived user token (fb_exchange_token, about 60 days). listAccounts turns it into the
   * linked accounts, each with its Page token; refresh exchanges the user token again.
   */
  const facebookCode = async (code: string, redirectUri: string, now: number): Promise<Credentials> => {
    const app = needFacebookApp(settings);
    const short = obj(await fb().get('oauth/access_token', { client_id: app.appId, client_secret: app.appSecret, redirect_uri: redirectUri, code }));
    const shortToken = str(short.access_token);
    if (!shortToken) throw new ConnectorError({ network: 'instagram', code: 'UNKNOWN', message: 'Facebook answered the code exchange without a token' });
    const long = obj(
      await fb().get('oauth/access_token', {
        grant_type: 'fb_exchange_token',
        client_id: app.appId,
        client_secret: app.appSecret,
        fb_exchange_token: shortToken,
      }),
    );
    const userToken = str(long.access_token);
    if (!userToken) throw new ConnectorError({ network: 'instagram', code: 'UNKNOWN', message: 'Facebook answered the token exchange without a token' });
    const expiresIn = typeof long.expires_in === 'number' ? long.expires_in : undefined;
    return {
      setup: 'facebook_login',
      accessToken: userToken,
      userAccessToken: userToken,
      ...(expiresIn ? { expiresAt: new Date(now + expiresIn * 1000).toISOString() } : {}),
    };
  };

  /** Facebook Login: the Pages the user manages with a linked professional account, each with its Page token. */
  const facebookAccounts = async (userToken: string, expiresAt: unknown): Promise<ConnectableAccount[]> => {
    const accounts: ConnectableAccount[] = [];
    let after: string | undefined;
    for (let round = 0; round < 20; round += 1) {
      const res = obj(
        await fb(userToken).get('me/accounts', { fields: 'id,name,access_token,instagram_business_account{id,username,name}', limit: 100, after }),
      );
      for (const raw of arr(res.data)) {
        const page = obj(raw);
        const igAccount = obj(page.instagram_business_account);
        const igUserId = idOf(igAccount.id);
        const pageId = idOf(page.id);
        const pageToken = str(page.access_token);
        // A Page without a linked professional account, or one the user may not manage, is not connectable.
        if (!igUserId || !pageId || !pageToken) continue;
        accounts.push({
          externalId: igUserId,
          displayName: str(igAccount.name) ?? str(igAccount.username) ?? igUserId,
          handle: str(igAccount.username) ?? null,
          credentials: {
            setup: 'facebook_login',
            accessToken: pageToken,
            userAccessToken: userToken,
            pageId,
            igUserId,
            ...(typeof expiresAt === 'string' ? { expiresAt } : {}),
          },
        });
      }
      after = str(obj(res.paging).next) ? str(obj(obj(res.paging).cursors).after) : undefined;
      if (!after) break;
    }
    return accounts;
  };

  return {
    listAccounts: async (credentials) => {
      if (setupOf(credentials) === 'facebook_login') {
        const user = typeof credentials.userAccessToken === 'string' ? credentials.userAccessToken : instagramAccessToken(credentials);
        return facebookAccounts(user, credentials.expiresAt);
      }
      // Instagram Login: the token's owner is the account. /me's `id` is app-scoped; `user_id` is the
      // professional-account id (1784…) that webhooks and messaging use: both are kept.
      const me = obj(await ig(instagramAccessToken(credentials)).get('me', { fields: 'id,user_id,username,name,profile_picture_url' }));
      const appScopedId = idOf(me.id);
      const igUserId = idOf(me.user_id) ?? appScopedId;
      if (!igUserId) throw new ConnectorError({ network: 'instagram', code: 'UNKNOWN', message: 'Instagram did not name the account of this token' });
      return [
        {
          externalId: igUserId,
          displayName: str(me.name) ?? str(me.username) ?? igUserId,
          handle: str(me.username) ?? null,
          credentials: { ...credentials, igUserId, ...(appScopedId ? { appScopedId } : {}) },
        },
      ];
    },

    authorizationUrl({ state, redirectUri, setup }) {
      const facebook = setup === 'facebook_login';
      const u = new URL(facebook ? settings.facebookDialogUrl : settings.dialogUrl);
      u.searchParams.set('client_id', facebook ? needFacebookApp(settings).appId : needApp(settings).appId);
      u.searchParams.set('redirect_uri', redirectUri);
      u.searchParams.set('response_type', 'code');
      u.searchParams.set('scope', (facebook ? INSTAGRAM_FACEBOOK_SCOPES : INSTAGRAM_LOGIN_SCOPES).join(','));
      u.searchParams.set('state', state);
      return u.toString();
    },

    async exchangeCode({ code, redirectUri, setup }) {
      if (setup === 'facebook_login') return facebookCode(code, redirectUri, Date.now());
      const app = needApp(settings);
      const res = await ig().postForm<TokenAnswer>(settings.tokenUrl, {
        client_id: app.appId,
        client_secret: app.appSecret,
        grant_type: 'authorization_code',
        redirect_uri: redirectUri,
        code,
      });
      // Documented as {data: [{access_token, user_id, permissions}]}; seen live as the flat object.
      const short = res.access_token ?? res.data?.[0]?.access_token;
      if (!short) throw new ConnectorError({ network: 'instagram', code: 'UNKNOWN', message: 'code exchange answered without a token' });
      return longLived(short, Date.now());
    },

    async refresh(credentials) {
      const now = Date.now();
      if (setupOf(credentials) === 'facebook_login') {
        const user = credentials.userAccessToken;
        if (typeof user !== 'string' || !user || !settings.facebookAppId || !settings.facebookAppSecret) return credentials;
        const renewed = obj(
          await fb().get('oauth/access_token', {
            grant_type: 'fb_exchange_token',
            client_id: settings.facebookAppId,
            client_secret: settings.facebookAppSecret,
            fb_exchange_token: user,
          }),
        );
        const userToken = str(renewed.access_token);
        if (!userToken) throw new ConnectorError({ network: 'instagram', code: 'UNKNOWN', message: 'token exchange answered without a token' });
        const pages = await facebookAccounts(userToken, undefined);
        const page = pages.find((p) => p.credentials.pageId === credentials.pageId);
        if (!page)
          throw new ConnectorError({
            network: 'instagram',
            code: 'PERMISSION_DENIED',
            message: 'the Facebook user no longer manages the Page linked to this Instagram account',
          });
        const expiresIn = typeof renewed.expires_in === 'number' ? renewed.expires_in : undefined;
        return {
          ...credentials,
          accessToken: page.credentials.accessToken,
          userAccessToken: userToken,
          ...(expiresIn ? { expiresAt: new Date(now + expiresIn * 1000).toISOString() } : {}),
        };
      }
      if (!mayRefresh(credentials, now)) return credentials;
      const res = await ig().getUnversioned<TokenAnswer>('refresh_access_token', {
        grant_type: 'ig_refresh_token',
        access_token: instagramAccessToken(credentials),
      });
      return loginCredentials(res, now, credentials);
    },

    async revoke(credentials) {
      // Instagram Login has no revoke call (people remove the app in Instagram's settings); Facebook Login has.
      if (setupOf(credentials) !== 'facebook_login') return;
      const user = typeof credentials.userAccessToken === 'string' ? credentials.userAccessToken : instagramAccessToken(credentials);
      await fb(user).delete('me/permissions');
    },
  };
}

/** The client of a connected account: its setup's host, its token, the channel's budget. */
export function instagramClient(settings: InstagramSettings, ctx: ConnectorContext): InstagramClient {
  return new InstagramClient({ settings, setup: setupOf(ctx.credentials), accessToken: instagramAccessToken(ctx.credentials), budget: ctx.budget });
}

/**
 * Where messages of this account are sent and listed: /{IG_ID} on Instagram Login, /{PAGE-ID} on
 * Facebook Login.
 */
export function messagingNode(ctx: ConnectorContext): string {
  const pageId = ctx.credentials.pageId;
  return setupOf(ctx.credentials) === 'facebook_login' && typeof pageId === 'string' && pageId ? pageId : ctx.account.externalId;
}
