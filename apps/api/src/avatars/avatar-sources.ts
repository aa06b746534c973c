import type { Config } from '@resonance/config';

/**
 * The hosts that serve the networks' profile pictures (https only). A contact's avatar URL comes
 * from the network's payload, which a customer's profile shapes; the api fetches only from these,
 * so the proxy cannot be pointed at an address inside the operator's network.
 */
const NETWORK_IMAGE_HOSTS = [
  'pbs.twimg.com', // X
  'abs.twimg.com',
  '.fbcdn.net', // Facebook and Instagram
  '.cdninstagram.com',
  'platform-lookaside.fbsbx.com',
  '.ggpht.com', // YouTube
  '.googleusercontent.com',
  '.licdn.com', // LinkedIn
  '.xingassets.com', // XING
  'www.xing.com',
];

const hostMatches = (host: string, pattern: string) => (pattern.startsWith('.') ? host.endsWith(pattern) : host === pattern);

/**
 * Whether the api may fetch an avatar from this URL: https on a network's image host, or the sim's
 * own origin while some network is served by the sim (its URL left unset), as its API already is.
 */
export function avatarSourceAllowed(
  url: URL,
  config: Pick<Config, 'SIM_URL' | 'FACEBOOK_GRAPH_URL' | 'X_API_URL' | 'LINKEDIN_API_URL' | 'YOUTUBE_API_URL' | 'XING_API_URL' | 'INSTAGRAM_API_URL'>,
): boolean {
  if (url.username || url.password) return false;
  if (url.protocol === 'https:' && (url.port === '' || url.port === '443')) {
    const host = url.hostname.toLowerCase();
    if (NETWORK_IMAGE_HOSTS.some((pattern) => hostMatches(host, pattern))) return true;
  }
  const simInUse = [
    config.FACEBOOK_GRAPH_URL,
    config.X_API_URL,
    config.LINKEDIN_API_URL,
    config.YOUTUBE_API_URL,
    config.XING_API_URL,
    config.INSTAGRAM_API_URL,
  ].some((u) => !u);
  return simInUse && url.origin === new URL(config.SIM_URL).origin;
}
