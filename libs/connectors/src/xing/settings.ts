import type { Config } from '@resonance/config';

/**
 * The sim's public demo consumer (apps/sim/src/demo-accounts.ts, DEMO_XING_CONSUMER), used only in
 * demo mode when no partner consumer is configured. A spec keeps the two in step.
 */
export const DEMO_XING_CONSUMER_DEFAULTS = {
  consumerKey: 'resonance-demo-xing-consumer-key',
  consumerSecret: 'resonance-demo-xing-consumer-secret',
} as const;

export interface XingSettings {
  /** API origin without /v1, e.g. https://api.xing.com or ${SIM_URL}/xing. */
  apiUrl: string;
  /** Where the admin authorizes the request token (OAuth 1.0a, step 2). */
  authorizeUrl: string;
  consumerKey?: string;
  consumerSecret?: string;
  callsPerMinute: number;
}

export function xingSettings(config: Config): XingSettings {
  const apiUrl = (config.XING_API_URL ?? `${config.SIM_URL.replace(/\/+$/, '')}/xing`).replace(/\/+$/, '');
  // The demo consumer only where it can work: demo mode against the sim (on its shared origin or
  // its own, as `resonance start` wires it). Pointed at XING itself without a partner consumer,
  // connecting answers with the partner-access notice instead.
  const real = new URL(apiUrl).hostname === 'api.xing.com';
  const demo = config.DEMO_MODE && !real ? DEMO_XING_CONSUMER_DEFAULTS : undefined;
  return {
    apiUrl,
    authorizeUrl: `${apiUrl}/v1/authorize`,
    consumerKey: config.XING_CONSUMER_KEY ?? demo?.consumerKey,
    consumerSecret: config.XING_CONSUMER_SECRET ?? demo?.consumerSecret,
    callsPerMinute: config.XING_CALLS_PER_MINUTE,
  };
}
