import type { Config } from '@resonance/config';
import type { YoutubeBudgetSettings } from './budget';

/**
 * The sim's public demo OAuth client (apps/sim/src/demo-accounts.ts, DEMO_YOUTUBE_CLIENT), used
 * only in demo mode when no real client is configured. A spec keeps the two in step.
 */
export const DEMO_YOUTUBE_CLIENT_DEFAULTS = {
  clientId: '424242424242-resonancedemo.apps.googleusercontent.com',
  clientSecret: 'GOCSPX-resonance-demo-youtube-secret',
} as const;

export interface YoutubeSettings {
  /** Google APIs origin: https://www.googleapis.com, or ${SIM_URL}/youtube. Data API paths are /youtube/v3/... below it. */
  apiUrl: string;
  /** Google's consent page (accounts.google.com/o/oauth2/v2/auth). */
  authUrl: string;
  /** Code exchange and refresh (oauth2.googleapis.com/token). */
  tokenUrl: string;
  /** oauth2.googleapis.com/revoke */
  revokeUrl: string;
  clientId?: string;
  clientSecret?: string;
  budget: YoutubeBudgetSettings;
}

const GOOGLE_HOSTS = new Set(['www.googleapis.com', 'youtube.googleapis.com']);

export function youtubeSettings(config: Config): YoutubeSettings {
  const apiUrl = (config.YOUTUBE_API_URL ?? `${config.SIM_URL.replace(/\/+$/, '')}/youtube`).replace(/\/+$/, '');
  const real = GOOGLE_HOSTS.has(new URL(apiUrl).hostname);
  const demo = config.DEMO_MODE ? DEMO_YOUTUBE_CLIENT_DEFAULTS : undefined;
  return {
    apiUrl,
    // Google serves consent and tokens from their own hosts; the sim serves both below its prefix.
    authUrl: real ? 'https://accounts.google.com/o/oauth2/v2/auth' : `${apiUrl}/o/oauth2/v2/auth`,
    tokenUrl: real ? 'https://oauth2.googleapis.com/token' : `${apiUrl}/token`,
    revokeUrl: real ? 'https://oauth2.googleapis.com/revoke' : `${apiUrl}/revoke`,
    clientId: config.YOUTUBE_CLIENT_ID ?? demo?.clientId,
    clientSecret: config.YOUTUBE_CLIENT_SECRET ?? demo?.clientSecret,
    budget: {
      dailyUnits: config.YOUTUBE_DAILY_QUOTA_UNITS,
      replyReserveUnits: Math.min(config.YOUTUBE_REPLY_RESERVE_UNITS, config.YOUTUBE_DAILY_QUOTA_UNITS - 1),
    },
  };
}
