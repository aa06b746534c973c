import type { Network } from '@resonance/contracts';

/**
 * The accounts the sim plays on each network, and the credentials it accepts for them. The demo
 * seed connects one channel per network to these, so `npm start` works without real credentials.
 * Everything here is public on purpose: the sim accepts these tokens only because it is the sim.
 */
export interface DemoAccount {
  network: Network;
  externalId: string;
  displayName: string;
  handle: string | null;
  credentials: Record<string, string>;
}

/** The Facebook app whose secret signs the sim's webhook deliveries (X-Hub-Signature-256). */
export const DEMO_FACEBOOK_APP = {
  appId: '1234567890123456',
  appSecret: 'resonance-demo-facebook-app-secret',
  verifyToken: 'resonance-demo-verify-token',
} as const;

/** The Facebook page the sim's generator posts on and customers comment on. */
export const DEMO_FACEBOOK_PAGE = {
  id: '104857600123456',
  name: 'Resonance Demo Shop',
  username: 'resonancedemoshop',
  /** A page access token the sim never expires or revokes (unless a fault says so). */
  pageAccessToken: 'EAAResonanceDemoPageAccessTokenNeverExpires0000000000000000000000',
  /** The user who administers the page; /me/accounts with this user's token lists the page. */
  userId: '100000000000042',
  userName: 'Alex Admin',
} as const;

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    network: 'facebook',
    externalId: DEMO_FACEBOOK_PAGE.id,
    displayName: DEMO_FACEBOOK_PAGE.name,
    handle: DEMO_FACEBOOK_PAGE.username,
    credentials: {
      pageAccessToken: DEMO_FACEBOOK_PAGE.pageAccessToken,
      appId: DEMO_FACEBOOK_APP.appId,
    },
  },
  {
    network: 'x',
    externalId: '1590000000000000042',
    displayName: 'Resonance Demo Shop',
    handle: 'resonance_demo',
    credentials: {
      accessToken: 'resonance-demo-x-access-token',
      refreshToken: 'resonance-demo-x-refresh-token',
    },
  },
  {
    network: 'linkedin',
    externalId: 'urn:li:organization:90000042',
    displayName: 'Resonance Demo Shop',
    handle: 'resonance-demo-shop',
    credentials: {
      accessToken: 'resonance-demo-linkedin-access-token',
      refreshToken: 'resonance-demo-linkedin-refresh-token',
    },
  },
  {
    network: 'youtube',
    externalId: 'UCresonanceDemoShop00042',
    displayName: 'Resonance Demo Shop',
    handle: '@resonancedemoshop',
    credentials: {
      accessToken: 'resonance-demo-youtube-access-token',
      refreshToken: 'resonance-demo-youtube-refresh-token',
    },
  },
  {
    network: 'xing',
    externalId: '90000042',
    displayName: 'Resonance Demo GmbH',
    handle: null,
    // XING's partner API signs requests with OAuth 1.0a: consumer key/secret plus token/secret.
    credentials: {
      consumerKey: 'resonance-demo-xing-consumer-key',
      consumerSecret: 'resonance-demo-xing-consumer-secret',
      oauthToken: 'resonance-demo-xing-oauth-token',
      oauthTokenSecret: 'resonance-demo-xing-oauth-token-secret',
    },
  },
];

export const demoAccount = (network: Network): DemoAccount => {
  const account = DEMO_ACCOUNTS.find((a) => a.network === network);
  if (!account) throw new Error(`no demo account for ${network}`);
  return account;
};
