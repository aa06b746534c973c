import { ConnectorError } from '../errors';
import type { AuthCapability, ConnectableAccount, Credentials } from '../interfaces';
import { XingClient } from './client';
import { XING_PARTNER_ACCESS_HINT } from './errors';
import type { XingSettings } from './settings';

/**
 * XING's OAuth 1.0a (three-legged): request token → the admin authorizes it → access token. Access
 * tokens do not expire, so refresh returns them unchanged; a token XING refuses (401
 * INVALID_OAUTH_TOKEN) is AUTH_REVOKED and the channel asks to be reconnected.
 *
 * The dashboard's connect flow (authorizationUrl/exchangeCode) is OAuth 2.0-shaped and synchronous;
 * OAuth 1.0a needs a signed request-token call first, so those two refuse with the plain partner
 * notice and `requestToken`/`accessToken` carry the 1.0a flow for callers that can await it.
 */
export function xingAuth(settings: XingSettings): AuthCapability & {
  requestToken(callback: string): Promise<{ token: string; secret: string; authorizeUrl: string }>;
  accessToken(input: { token: string; secret: string; verifier: string }): Promise<Credentials>;
  listAccounts(credentials: Credentials): Promise<ConnectableAccount[]>;
} {
  const notYet = (): never => {
    throw new ConnectorError({ network: 'xing', code: 'INVALID_REQUEST', message: `connecting XING from the dashboard is not available yet — ${XING_PARTNER_ACCESS_HINT}` });
  };
  return {
    authorizationUrl: notYet,
    exchangeCode: async () => notYet(),
    async requestToken(callback) {
      const res = await new XingClient({ settings }).tokenCall('request_token', { oauth_callback: callback });
      if (!res.oauth_token || !res.oauth_token_secret) throw new ConnectorError({ network: 'xing', code: 'UNKNOWN', message: 'XING answered the request token call without a token' });
      const u = new URL(settings.authorizeUrl);
      u.searchParams.set('oauth_token', res.oauth_token);
      return { token: res.oauth_token, secret: res.oauth_token_secret, authorizeUrl: u.toString() };
    },
    async accessToken({ token, secret, verifier }) {
      const res = await new XingClient({ settings }).tokenCall('access_token', { oauth_verifier: verifier }, { key: token, secret });
      if (!res.oauth_token || !res.oauth_token_secret) throw new ConnectorError({ network: 'xing', code: 'UNKNOWN', message: 'XING answered the access token call without a token' });
      return { accessToken: res.oauth_token, accessTokenSecret: res.oauth_token_secret, ...(res.user_id ? { userId: res.user_id } : {}) };
    },
    async listAccounts() {
      return [];
    },
    async refresh(credentials) {
      return credentials;
    },
    async revoke() {
      // XING's API had no token revocation endpoint we know of; the admin withdraws access on XING.
    },
  };
}
