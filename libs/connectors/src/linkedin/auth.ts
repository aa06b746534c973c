import { ConnectorError } from '../errors';
import type { AuthCapability, ConnectableAccount, ConnectorContext, Credentials } from '../interfaces';
import { LinkedInClient } from './client';
import { nameOf } from './mapper';
import type { LinkedInSettings } from './settings';

/** Community Management API: read and answer the organization's posts and comments, list the pages a member administers. */
export const LINKEDIN_SCOPES = [
  'r_organization_social',
  'w_organization_social',
  'r_organization_social_feed',
  'w_organization_social_feed',
  'rw_organization_admin',
];

/** Without a refresh token the member has to reconnect; admins are told this long before the token runs out. */
export const RECONNECT_REMINDER_MS = 7 * 86_400_000;

interface TokenResponse {
  access_token?: string;
  expires_in?: number;
  refresh_token?: string;
  refresh_token_expires_in?: number;
  scope?: string;
}

export function linkedinAccessToken(credentials: Credentials | Record<string, unknown>): string {
  const token = credentials.accessToken;
  if (typeof token !== 'string' || !token) {
    throw new ConnectorError({ network: 'linkedin', code: 'AUTH_REVOKED', message: 'the channel has no LinkedIn access token; reconnect it' });
  }
  return token;
}

const needApp = (settings: LinkedInSettings) => {
  if (!settings.clientId || !settings.clientSecret) {
    throw new ConnectorError({ network: 'linkedin', code: 'INVALID_REQUEST', message: 'LINKEDIN_CLIENT_ID and LINKEDIN_CLIENT_SECRET are not configured' });
  }
  return { clientId: settings.clientId, clientSecret: settings.clientSecret };
};

function credentialsOf(res: TokenResponse, previous: Credentials | undefined, now: number): Credentials {
  if (!res.access_token) throw new ConnectorError({ network: 'linkedin', code: 'UNKNOWN', message: 'LinkedIn answered the token request without a token' });
  const refreshToken = res.refresh_token ?? (typeof previous?.refreshToken === 'string' ? previous.refreshToken : undefined);
  const refreshExpiresAt =
    res.refresh_token_expires_in !== undefined
      ? new Date(now + res.refresh_token_expires_in * 1000).toISOString()
      : typeof previous?.refreshTokenExpiresAt === 'string'
        ? previous.refreshTokenExpiresAt
        : undefined;
  return {
    ...(previous ?? {}),
    accessToken: res.access_token,
    // LinkedIn access tokens live 60 days (expires_in 5184000).
    ...(res.expires_in ? { expiresAt: new Date(now + res.expires_in * 1000).toISOString() } : {}),
    ...(refreshToken ? { refreshToken } : {}),
    ...(refreshExpiresAt ? { refreshTokenExpiresAt: refreshExpiresAt } : {}),
    ...(res.scope ? { scope: res.scope } : {}),
  };
}

/**
 * A reconnect reminder, or null: LinkedIn grants refresh tokens only to some apps (programmatic
 * refresh); without one the 60-day token simply ends and a person must sign in again.
 */
export function reconnectReminder(credentials: Credentials, now: number): string | null {
  if (typeof credentials.refreshToken === 'string' && credentials.refreshToken) return null;
  if (!credentials.expiresAt) return null;
  const left = Date.parse(credentials.expiresAt) - now;
  if (left > RECONNECT_REMINDER_MS) return null;
  return `the LinkedIn sign-in ends on ${credentials.expiresAt.slice(0, 10)} and LinkedIn gives this app no refresh token: reconnect the channel before then`;
}

/**
 * LinkedIn's 3-legged OAuth 2.0: /oauth/v2/authorization, code → 60-day access token (plus a
 * refresh token where LinkedIn grants programmatic refresh), refresh_token grant before expiry; the
 * pages (organizations) the member administers come from organizationAcls.
 */
export function linkedinAuth(settings: LinkedInSettings): AuthCapability & {
  listAccounts(credentials: Credentials): Promise<ConnectableAccount[]>;
  notice(credentials: Credentials, now: Date): string | null;
} {
  const client = (token?: string) => new LinkedInClient({ settings, accessToken: token });
  return {
    authorizationUrl({ state, redirectUri }) {
      const u = new URL(`${settings.oauthUrl}/oauth/v2/authorization`);
      u.searchParams.set('response_type', 'code');
      u.searchParams.set('client_id', needApp(settings).clientId);
      u.searchParams.set('redirect_uri', redirectUri);
      u.searchParams.set('state', state);
      u.searchParams.set('scope', LINKEDIN_SCOPES.join(' '));
      return u.toString();
    },
    async exchangeCode({ code, redirectUri }) {
      const app = needApp(settings);
      const res = await client().token<TokenResponse>({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        client_id: app.clientId,
        client_secret: app.clientSecret,
      });
      return credentialsOf(res, undefined, Date.now());
    },
    async refresh(credentials) {
      const refreshToken = typeof credentials.refreshToken === 'string' ? credentials.refreshToken : '';
      if (!refreshToken) {
        // Nothing to refresh with: the token works until it expires, then only a reconnect helps.
        if (credentials.expiresAt && Date.parse(credentials.expiresAt) <= Date.now()) {
          throw new ConnectorError({
            network: 'linkedin',
            code: 'AUTH_EXPIRED',
            message: 'the LinkedIn sign-in has ended (no refresh token granted); reconnect the channel',
          });
        }
        return credentials;
      }
      const app = needApp(settings);
      try {
        const res = await client().token<TokenResponse>({
          grant_type: 'refresh_token',
          refresh_token: refreshToken,
          client_id: app.clientId,
          client_secret: app.clientSecret,
        });
        return credentialsOf(res, credentials, Date.now());
      } catch (error) {
        // A refresh token LinkedIn no longer accepts (expired after a year, or access revoked): only a reconnect helps.
        if (error instanceof ConnectorError && error.code === 'INVALID_REQUEST') {
          throw new ConnectorError({
            network: 'linkedin',
            code: 'AUTH_REVOKED',
            message: `LinkedIn refused the refresh token (${error.message}); reconnect the channel`,
            status: error.status,
          });
        }
        throw error;
      }
    },
    async revoke(credentials) {
      const app = needApp(settings);
      await new LinkedInClient({ settings }).token(
        { token: linkedinAccessToken(credentials), client_id: app.clientId, client_secret: app.clientSecret },
        'revoke',
      );
    },
    notice: (credentials, now) => reconnectReminder(credentials, now.getTime()),
    async listAccounts(credentials) {
      const api = client(linkedinAccessToken(credentials));
      interface Acl {
        organization?: string;
        organizationTarget?: string;
        role?: string;
        state?: string;
      }
      const orgs: string[] = [];
      let start = 0;
      for (let round = 0; round < 10; round++) {
        const res = await api.get<{ elements?: Acl[]; paging?: { total?: number } }>('/rest/organizationAcls', {
          q: 'roleAssignee',
          role: 'ADMINISTRATOR',
          state: 'APPROVED',
          start,
          count: 100,
        });
        for (const acl of res.elements ?? []) {
          const org = acl.organization ?? acl.organizationTarget;
          if (org && !orgs.includes(org)) orgs.push(org);
        }
        start += res.elements?.length ?? 0;
        if (!res.elements?.length || start >= (res.paging?.total ?? 0)) break;
      }
      const accounts: ConnectableAccount[] = [];
      for (const org of orgs) {
        const id = org.slice(org.lastIndexOf(':') + 1);
        const details = nameOf(await api.get(`/rest/organizations/${encodeURIComponent(id)}`));
        accounts.push({
          externalId: org,
          displayName: details.name ?? org,
          handle: details.handle ?? null,
          credentials: { ...credentials, organizationUrn: org },
        });
      }
      return accounts;
    },
  };
}

/** The LinkedIn client of a connected organization: the member's token, the channel's budget. */
export function linkedinClient(settings: LinkedInSettings, ctx: ConnectorContext): LinkedInClient {
  return new LinkedInClient({ settings, accessToken: linkedinAccessToken(ctx.credentials), budget: ctx.budget });
}
