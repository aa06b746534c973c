/** The networks Resonance connects. */
export const NETWORKS = ['facebook', 'instagram', 'x', 'linkedin', 'youtube', 'xing'] as const;
export type Network = (typeof NETWORKS)[number];

export const isNetwork = (value: unknown): value is Network => typeof value === 'string' && (NETWORKS as readonly string[]).includes(value);

/**
 * The login setups a network's connect flow can go through. Only Instagram has two (docs/instagram.md):
 * Instagram Login (the account signs in itself, graph.instagram.com) and Facebook Login (a Facebook
 * user signs in and picks the Page the account is linked to, graph.facebook.com).
 */
export const CONNECT_SETUPS = ['instagram_login', 'facebook_login'] as const;
export type ConnectSetup = (typeof CONNECT_SETUPS)[number];

/** The setups each network offers, the default first; a network not named here has one setup and takes none. */
export const NETWORK_CONNECT_SETUPS: Partial<Record<Network, readonly ConnectSetup[]>> = {
  instagram: ['instagram_login', 'facebook_login'],
};

/**
 * What an admin must know before connecting a network, shown where channels are connected
 * (GET /api/channels answers it per channel as `access`). Only networks with a restriction have one.
 * This English text is for API clients: the dashboard shows its own wording in the reader's language
 * (`channels.<network>Notice` in its dictionary; the Instagram browser test checks the German one).
 */
export const NETWORK_ACCESS_NOTES: Partial<Record<Network, string>> = {
  instagram:
    'Instagram connects professional accounts only (business or creator): through Instagram Login, or through the Facebook Page the account is linked to. Resonance reads comments and their replies on your media, media and comments that mention or tag you, and direct messages. Instagram does not give comments on ads (boosted copies), on age-restricted media or by people you restricted; direct messages can be answered only within 24 hours of the customer’s last message (7 days for a person where Meta approved the app for the HUMAN_AGENT tag); hidden comments cannot be answered; a private reply is possible once per comment within 7 days; liking and blocking are not offered by its API.',
  xing: 'XING opens its API only to XING API partners: the public API closed on 2019-04-01. To connect XING, your company needs XING API partner access — ask XING (your XING account manager or the XING partner programme) for an OAuth 1.0a consumer key and secret for your company page, with access to company updates and their comments and to the messages of the XING user who answers for the company. Without partner access, XING cannot be connected, and a XING channel whose credentials XING refuses is shown as needing reconnection, never as connected.',
};
