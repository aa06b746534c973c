import type { Config } from '@resonance/config';

/**
 * The sim's public demo Facebook app (apps/sim/src/demo-accounts.ts, DEMO_FACEBOOK_APP), used
 * only in demo mode when no real app is configured. A spec keeps the two in step.
 */
export const DEMO_FACEBOOK_APP_DEFAULTS = {
  appId: '1234567890123456',
  appSecret: 'resonance-demo-facebook-app-secret',
  verifyToken: 'resonance-demo-verify-token',
} as const;

export interface FacebookSettings {
  /** Graph API origin without version, e.g. https://graph.facebook.com or ${SIM_URL}/facebook. */
  graphUrl: string;
  /** e.g. v24.0 */
  version: string;
  /** Where people log in (the OAuth dialog). */
  dialogUrl: string;
  appId?: string;
  appSecret?: string;
  verifyToken?: string;
}

export function facebookSettings(config: Config): FacebookSettings {
  const graphUrl = (config.FACEBOOK_GRAPH_URL ?? `${config.SIM_URL.replace(/\/+$/, '')}/facebook`).replace(/\/+$/, '');
  const real = new URL(graphUrl).hostname === 'graph.facebook.com';
  const demo = config.DEMO_MODE ? DEMO_FACEBOOK_APP_DEFAULTS : undefined;
  return {
    graphUrl,
    version: config.FACEBOOK_GRAPH_VERSION,
    dialogUrl: real ? `https://www.facebook.com/${config.FACEBOOK_GRAPH_VERSION}/dialog/oauth` : `${graphUrl}/${config.FACEBOOK_GRAPH_VERSION}/dialog/oauth`,
    appId: config.FACEBOOK_APP_ID ?? demo?.appId,
    appSecret: config.FACEBOOK_APP_SECRET ?? demo?.appSecret,
    verifyToken: config.FACEBOOK_VERIFY_TOKEN ?? demo?.verifyToken,
  };
}
