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

/**
 * The Instagram app of the sim (Instagram API with Instagram Login): its secret — the Instagram app
 * secret, not the Facebook app's — signs Instagram webhook deliveries and is the client_secret of
 * the token endpoints.
 */
export const DEMO_INSTAGRAM_APP = {
  appId: '990000000000001',
  appSecret: 'resonance-demo-instagram-app-secret',
  verifyToken: 'resonance-demo-verify-token',
} as const;

/**
 * The Instagram professional account the sim plays, linked to the demo Facebook page. It has two
 * ids, as on Instagram: the professional-account id (`1784…`, in webhooks, messaging and the
 * Facebook-Login host) and the app-scoped id `GET graph.instagram.com/me` answers with.
 */
export const DEMO_INSTAGRAM_ACCOUNT = {
  id: '17841400000000042',
  appScopedId: '34831588833100042',
  username: 'resonancedemoshop',
  name: 'Resonance Demo Shop',
  /** An Instagram User token (Instagram Login) the sim never expires (unless a fault says so). */
  accessToken: 'IGAAResonanceDemoInstagramUserTokenNeverExpires00000000000000000000',
} as const;

/** The LinkedIn app of the sim (Community Management API); its secret signs webhook deliveries. */
export const DEMO_LINKEDIN_APP = {
  clientId: '78resonancedemo',
  clientSecret: 'resonance-demo-linkedin-client-secret',
} as const;

/** The LinkedIn company page the sim's generator posts on, and the member who administers it. */
export const DEMO_LINKEDIN_ORG = {
  urn: 'urn:li:organization:90000042',
  id: '90000042',
  name: 'Resonance Demo Shop',
  vanityName: 'resonance-demo-shop',
  /** An access token the sim never expires (unless a fault says so); the demo seed stores it. */
  accessToken: 'AQResonanceDemoLinkedInAccessTokenNeverExpires000000000000000000',
  refreshToken: 'AQResonanceDemoLinkedInRefreshToken00000000000000000000000000000',
  adminUrn: 'urn:li:person:rDemoAdmin42',
  adminFirstName: 'Alex',
  adminLastName: 'Admin',
} as const;

/** The sim's XING partner app (OAuth 1.0a consumer); only the sim accepts it. */
export const DEMO_XING_CONSUMER = {
  consumerKey: 'resonance-demo-xing-consumer-key',
  consumerSecret: 'resonance-demo-xing-consumer-secret',
} as const;

/** The XING company page the sim plays, and the XING user who answers its messages. */
export const DEMO_XING_COMPANY = {
  id: '90000042',
  name: 'Resonance Demo GmbH',
  slug: 'resonance-demo-gmbh',
  userId: '11000042_a1b2c3',
  userName: 'Alex Admin',
  accessToken: 'resonance-demo-xing-oauth-token',
  accessTokenSecret: 'resonance-demo-xing-oauth-token-secret',
} as const;

/**
 * The X app (OAuth 2.0 client with PKCE; its consumer secret signs Account Activity deliveries, and
 * its consumer key and secret get an app-only bearer token at POST /oauth2/token).
 */
export const DEMO_X_APP = {
  clientId: 'resonance-demo-x-client-id',
  clientSecret: 'resonance-demo-x-client-secret',
  consumerKey: 'resonance-demo-x-consumer-key',
  consumerSecret: 'resonance-demo-x-consumer-secret',
} as const;

/** The X account the sim's generator tweets as, and customers mention, reply to and DM. */
export const DEMO_X_ACCOUNT = {
  id: '1590000000000000042',
  name: 'Resonance Demo Shop',
  username: 'resonance_demo',
  /** A user token the sim never expires (unless a fault says so), and a refresh token it never rotates away. */
  accessToken: 'resonance-demo-x-access-token',
  refreshToken: 'resonance-demo-x-refresh-token',
  /** An OAuth 1.0a access token and secret of the demo user (X's form: "<user id>-<random>"), with the app's consumer key. */
  oauth1Token: '1590000000000000042-resonanceDemoOAuth1AccessToken',
  oauth1TokenSecret: 'resonance-demo-x-oauth1-access-token-secret',
} as const;

/**
 * The Google Cloud OAuth client the sim's YouTube accepts (libs/connectors youtube settings use
 * the same values in demo mode), and the channel its demo user owns.
 */
export const DEMO_YOUTUBE_CLIENT = {
  clientId: '424242424242-resonancedemo.apps.googleusercontent.com',
  clientSecret: 'GOCSPX-resonance-demo-youtube-secret',
} as const;

export const DEMO_YOUTUBE_CHANNEL = {
  id: 'UCresonanceDemoShop00042',
  title: 'Resonance Demo Shop',
  customUrl: '@resonancedemoshop',
  /** Never expires (unless a fault says so), so `npm start` keeps working. */
  accessToken: 'resonance-demo-youtube-access-token',
  refreshToken: 'resonance-demo-youtube-refresh-token',
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
    network: 'instagram',
    externalId: DEMO_INSTAGRAM_ACCOUNT.id,
    displayName: DEMO_INSTAGRAM_ACCOUNT.name,
    handle: DEMO_INSTAGRAM_ACCOUNT.username,
    // Instagram Login: the token never expires on the sim; webhooks and Direct use igUserId (1784…).
    credentials: {
      setup: 'instagram_login',
      accessToken: DEMO_INSTAGRAM_ACCOUNT.accessToken,
      igUserId: DEMO_INSTAGRAM_ACCOUNT.id,
      appScopedId: DEMO_INSTAGRAM_ACCOUNT.appScopedId,
    },
  },
  {
    network: 'x',
    externalId: DEMO_X_ACCOUNT.id,
    displayName: DEMO_X_ACCOUNT.name,
    handle: DEMO_X_ACCOUNT.username,
    credentials: {
      accessToken: DEMO_X_ACCOUNT.accessToken,
      refreshToken: DEMO_X_ACCOUNT.refreshToken,
    },
  },
  {
    network: 'linkedin',
    externalId: DEMO_LINKEDIN_ORG.urn,
    displayName: DEMO_LINKEDIN_ORG.name,
    handle: DEMO_LINKEDIN_ORG.vanityName,
    credentials: {
      accessToken: DEMO_LINKEDIN_ORG.accessToken,
      refreshToken: DEMO_LINKEDIN_ORG.refreshToken,
    },
  },
  {
    network: 'youtube',
    externalId: DEMO_YOUTUBE_CHANNEL.id,
    displayName: DEMO_YOUTUBE_CHANNEL.title,
    handle: DEMO_YOUTUBE_CHANNEL.customUrl,
    credentials: {
      accessToken: DEMO_YOUTUBE_CHANNEL.accessToken,
      refreshToken: DEMO_YOUTUBE_CHANNEL.refreshToken,
    },
  },
  {
    network: 'xing',
    externalId: '90000042',
    displayName: 'Resonance Demo GmbH',
    handle: null,
    // XING's partner API signs requests with OAuth 1.0a: the app's consumer (DEMO_XING_CONSUMER, from
    // config) plus this long-lived access token and its secret; userId is the XING user who answers
    // messages for the company.
    credentials: {
      accessToken: 'resonance-demo-xing-oauth-token',
      accessTokenSecret: 'resonance-demo-xing-oauth-token-secret',
      userId: '11000042_a1b2c3',
    },
  },
];

export const demoAccount = (network: Network): DemoAccount => {
  const account = DEMO_ACCOUNTS.find((a) => a.network === network);
  if (!account) throw new Error(`no demo account for ${network}`);
  return account;
};
