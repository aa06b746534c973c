import { obj, str } from '@resonance/contracts';
import { ConnectorError } from '../errors';
import type { AuthCapability, ConnectableAccount, Credentials } from '../interfaces';
import { XingClient } from './client';
import { listOf } from './mapper';
import type { XingSettings } from './settings';

/**
 * XING's OAuth 1.0a (three-legged): request token → the admin authorizes it → access token. The
 * dashboard's connect flow calls `requestAuthorization` (async: a signed call comes first) and, on
 * the callback, `exchangeVerifier`; the OAuth 2.0 pair (authorizationUrl/exchangeCode) does not
 * apply and says so. Access tokens do not expire, so refresh returns them unchanged; a token XING
 * refuses (401 INVALID_OAUTH_TOKEN) is AUTH_REVOKED and the channel asks to be reconnected.
 * Without a consumer key/secret the client refuses before any call, with the partner-access notice.
 */
export function xingAuth(settings: XingSettings): AuthCapability & {
  requestAuthorization(input: { callbackUrl: string }): Promise<{ authorizationUrl: string; requestToken: string; requestTokenSecret: string }>;
  exchangeVerifier(input: { requestToken: string; requestTokenSecret: string; verifier: string }): Promise<Credentials>;
  listAccounts(credentials: Credentials): Promise<ConnectableAccount[]>;
} {
  const oauth2 = (): never => {
    throw new ConnectorError({
      network: 'xing',
      code: 'INVALID_REQUEST',
      message: 'XING uses OAuth 1.0a: connect it with requestAuthorization/exchangeVerifier, not an OAuth 2.0 code',
    });
  };
  return {
    authorizationUrl: oauth2,
    exchangeCode: () => Promise.resolve().then(oauth2),
    async requestAuthorization({ callbackUrl }) {
      const res = await new XingClient({ settings }).tokenCall('request_token', { oauth_callback: callbackUrl });
      // RFC 5849 §2.1: a server that did not confirm the callback would not send the admin back to us.
      if (!res.oauth_token || !res.oauth_token_secret || res.oauth_callback_confirmed !== 'true') {
        throw new ConnectorError({ network: 'xing', code: 'UNKNOWN', message: 'XING answered the request token call without a confirmed token' });
      }
      const u = new URL(settings.authorizeUrl);
      u.searchParams.set('oauth_token', res.oauth_token);
      return { authorizationUrl: u.toString(), requestToken: res.oauth_token, requestTokenSecret: res.oauth_token_secret };
    },
    async exchangeVerifier({ requestToken, requestTokenSecret, verifier }) {
      const res = await new XingClient({ settings }).tokenCall('access_token', { oauth_verifier: verifier }, { key: requestToken, secret: requestTokenSecret });
      if (!res.oauth_token || !res.oauth_token_secret)
        throw new ConnectorError({ network: 'xing', code: 'UNKNOWN', message: 'XING answered the access token call without a token' });
      return { accessToken: res.oauth_token, accessTokenSecret: res.oauth_token_secret, ...(res.user_id ? { userId: res.user_id } : {}) };
    },
    /** The companies the authorizing user acts for; each becomes a channel signed with the same user token. */
    async listAccounts(credentials) {
      const body = await new XingClient({ settings, credentials }).get('users/me/managed_companies', { limit: 100 });
      const accounts: ConnectableAccount[] = [];
      for (const raw of listOf(body, 'managed_companies').items) {
        const c = obj(raw);
        const id = str(c.id);
        if (!id) continue;
        accounts.push({ externalId: id, displayName: str(c.name) ?? id, handle: str(c.page_name) ?? null, credentials });
      }
      return accounts;
    },
    refresh(credentials) {
      return Promise.resolve(credentials);
    },
    async revoke() {
      // XING's API had no token revocation endpoint we know of; the admin withdraws access on XING.
    },
  };
}
