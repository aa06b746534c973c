import type { Config } from '@resonance/config';

/**
 * The sim's public demo X app (apps/sim/src/demo-accounts.ts, DEMO_X_APP), used only in demo mode
 * when no real app is configured. A spec keeps the two in step.
 */
export const DEMO_X_APP_DEFAULTS = {
  clientId: 'resonance-demo-x-client-id',
  clientSecret: 'resonance-demo-x-client-secret',
  consumerSecret: 'resonance-demo-x-consumer-secret',
} as const;

export interface XSettings {
  /** API origin, e.g. https://api.x.com or ${SIM_URL}/x (paths start with /2/). */
  apiUrl: string;
  /** Where people authorize the app (https://x.com/i/oauth2/authorize, or the sim's page). */
  authorizeUrl: string;
  clientId?: string;
  clientSecret?: string;
  /** Signs Account Activity deliveries and answers the CRC check. */
  consumerSecret?: string;
  /** Posts a channel may read per calendar month. */
  monthlyReadBudget: number;
}

export function xSettings(config: Config): XSettings {
  const apiUrl = (config.X_API_URL ?? `${config.SIM_URL.replace(/\/+$/, '')}/x`).replace(/\/+$/, '');
  const host = new URL(apiUrl).hostname;
  const real = host === 'api.x.com' || host === 'api.twitter.com';
  const demo = config.DEMO_MODE ? DEMO_X_APP_DEFAULTS : undefined;
  return {
    apiUrl,
    authorizeUrl: real ? 'https://x.com/i/oauth2/authorize' : `${apiUrl}/i/oauth2/authorize`,
    clientId: config.X_CLIENT_ID ?? demo?.clientId,
    clientSecret: config.X_CLIENT_SECRET ?? demo?.clientSecret,
    consumerSecret: config.X_CONSUMER_SECRET ?? demo?.consumerSecret,
    monthlyReadBudget: config.X_MONTHLY_READ_BUDGET,
  };
}
