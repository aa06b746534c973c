import type { Config } from '@resonance/config';
import { facebookSettings } from '../facebook/settings';

/**
 * The sim's public demo Instagram app (igsim27's apps/sim/src/networks/instagram), used only in
 * demo mode when no real app is configured. The sim must accept these values.
 */
export const DEMO_INSTAGRAM_APP_DEFAULTS = {
  appId: '990000000000001',
  appSecret: 'resonance-demo-instagram-app-secret',
  verifyToken: 'resonance-demo-verify-token',
} as const;

/** The two setups Meta offers for professional accounts (docs/instagram.md). */
export type InstagramSetup = 'instagram_login' | 'facebook_login';

export interface InstagramSettings {
  /** graph.instagram.com origin without version (Instagram Login), e.g. ${SIM_URL}/instagram. */
  graphUrl: string;
  /** graph.facebook.com origin without version (Facebook Login, via the linked Page). */
  facebookGraphUrl: string;
  /** e.g. v24.0 */
  version: string;
  /** Instagram Login's consent page. */
  dialogUrl: string;
  /** Where Instagram Login's code becomes a short-lived token (api.instagram.com/oauth/access_token). */
  tokenUrl: string;
  appId?: string;
  /** The Instagram app secret: token exchange and the signature of Instagram-Login webhooks. */
  appSecret?: string;
  verifyToken?: string;
  /**
   * Facebook Login's consent page (the Facebook-Login setup): www.facebook.com's dialog for
   * graph.facebook.com, else the dialog of the Facebook-Login host (the sim's Instagram origin hands
   * it to its Facebook module).
   */
  facebookDialogUrl: string;
  /** The Facebook app behind the Facebook-Login setup (FACEBOOK_APP_ID/SECRET: consent, token exchange, its webhooks' signature). */
  facebookAppId?: string;
  facebookAppSecret?: string;
}

const trim = (url: string) => url.replace(/\/+$/, '');

export function instagramSettings(config: Config): InstagramSettings {
  const sim = `${trim(config.SIM_URL)}/instagram`;
  const graphUrl = trim(config.INSTAGRAM_API_URL ?? sim);
  const real = new URL(graphUrl).hostname === 'graph.instagram.com';
  const oauth = trim(config.INSTAGRAM_OAUTH_URL ?? (real ? 'https://api.instagram.com' : graphUrl));
  // The demo app exists only on the sim: real Instagram with it would fail at the consent page.
  const demo = config.DEMO_MODE && !real ? DEMO_INSTAGRAM_APP_DEFAULTS : undefined;
  // Real Instagram: the Facebook-Login setup is graph.facebook.com's. The sim's Instagram module
  // serves both setups' paths on its own origin (its Facebook module knows no Instagram account).
  const facebookGraphUrl = trim(config.INSTAGRAM_FACEBOOK_GRAPH_URL ?? (real ? (config.FACEBOOK_GRAPH_URL ?? 'https://graph.facebook.com') : graphUrl));
  return {
    graphUrl,
    facebookGraphUrl,
    facebookDialogUrl:
      new URL(facebookGraphUrl).hostname === 'graph.facebook.com'
        ? `https://www.facebook.com/${config.INSTAGRAM_GRAPH_VERSION}/dialog/oauth`
        : `${facebookGraphUrl}/${config.INSTAGRAM_GRAPH_VERSION}/dialog/oauth`,
    version: config.INSTAGRAM_GRAPH_VERSION,
    dialogUrl: real && !config.INSTAGRAM_OAUTH_URL ? 'https://www.instagram.com/oauth/authorize' : `${oauth}/oauth/authorize`,
    tokenUrl: `${oauth}/oauth/access_token`,
    appId: config.INSTAGRAM_APP_ID ?? demo?.appId,
    appSecret: config.INSTAGRAM_APP_SECRET ?? demo?.appSecret,
    verifyToken: config.INSTAGRAM_VERIFY_TOKEN ?? demo?.verifyToken,
    facebookAppId: facebookSettings(config).appId,
    facebookAppSecret: facebookSettings(config).appSecret,
  };
}
