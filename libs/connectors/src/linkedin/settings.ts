import type { Config } from '@resonance/config';

/**
 * The sim's public demo LinkedIn app (apps/sim/src/demo-accounts.ts, DEMO_LINKEDIN_APP), used only
 * in demo mode when no real app is configured. A spec keeps the two in step.
 */
export const DEMO_LINKEDIN_APP_DEFAULTS = {
  clientId: '78resonancedemo',
  clientSecret: 'resonance-demo-linkedin-client-secret',
} as const;

/** Restli 2.0 is what every /rest call speaks (URN keys, List(...) batch syntax). */
export const RESTLI_PROTOCOL_VERSION = '2.0.0';

export interface LinkedInSettings {
  /** REST origin, e.g. https://api.linkedin.com or ${SIM_URL}/linkedin. */
  apiUrl: string;
  /** OAuth origin: https://www.linkedin.com for the real network, the sim's prefix otherwise. */
  oauthUrl: string;
  /** Linkedin-Version header, YYYYMM. */
  version: string;
  clientId?: string;
  clientSecret?: string;
  /** Calls per channel per UTC day before the connector stops on its own. */
  dailyCallBudget: number;
}

export function linkedinSettings(config: Config): LinkedInSettings {
  const apiUrl = (config.LINKEDIN_API_URL ?? `${config.SIM_URL.replace(/\/+$/, '')}/linkedin`).replace(/\/+$/, '');
  const real = new URL(apiUrl).hostname === 'api.linkedin.com';
  const demo = config.DEMO_MODE ? DEMO_LINKEDIN_APP_DEFAULTS : undefined;
  return {
    apiUrl,
    oauthUrl: real ? 'https://www.linkedin.com' : apiUrl,
    version: config.LINKEDIN_VERSION,
    clientId: config.LINKEDIN_CLIENT_ID ?? demo?.clientId,
    clientSecret: config.LINKEDIN_CLIENT_SECRET ?? demo?.clientSecret,
    dailyCallBudget: config.LINKEDIN_DAILY_CALL_BUDGET,
  };
}
