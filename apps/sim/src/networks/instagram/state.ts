import { DEMO_FACEBOOK_APP, DEMO_INSTAGRAM_ACCOUNT, DEMO_INSTAGRAM_APP } from '../../demo-accounts';
import type { SimContext } from '../../core/network-module';
import type { SimRequest, SimResponse } from '../../core/http';
import { requestToken } from '../facebook/tokens';
import { UsageMeter } from '../facebook/usage';
import { igErrors, type IgErrors, type IgHost } from './errors';
import { InstagramStore, type IgAttachment } from './store';
import { IgTokenRegistry, INSTAGRAM_SCOPES, type IgToken } from './tokens';
import { IgContainers } from './containers';
import { MessengerProfile } from '../facebook/messenger-profile';

export const DEFAULT_IG_VERSION = 'v24.0';

/** What every Instagram route gets: the request, which host it came to, and where its links point. */
export interface IgCall {
  req: SimRequest;
  host: IgHost;
  errors: IgErrors;
  version: string;
  /** `${origin}${mount}`: paging links point back at whoever asked. */
  base: string;
  /** The Instagram-Login token, or null on the Facebook-Login host (a Page token the Facebook module checked). */
  token: IgToken | null;
}

/** Webhook settings of the sim's Instagram app (switched at /_sim/instagram/webhooks). */
export interface IgWebhookSettings {
  /** Instagram Login apps sign with the Instagram app secret; Facebook Login apps with the Facebook app's. */
  signWith: 'instagram' | 'facebook';
  /** Share (0..1) of generated top-level customer comments that are on an ad (delivered twice, with ad_id). */
  adCommentShare: number;
}

/** Everything the Instagram routes share: the account's world, tokens, usage, and the sim core. */
export class InstagramState {
  readonly store: InstagramStore;
  readonly tokens = new IgTokenRegistry();
  readonly usage = new UsageMeter('instagram');
  readonly app = DEMO_INSTAGRAM_APP;
  readonly facebookApp = DEMO_FACEBOOK_APP;
  readonly account = DEMO_INSTAGRAM_ACCOUNT;
  /** Media containers for content publishing (POST /{ig-user-id}/media, then media_publish). */
  readonly containers = new IgContainers();
  /** Ice breakers and the persistent menu (…/messenger_profile, platform instagram). */
  readonly messengerProfile = new MessengerProfile('instagram');
  readonly webhooks: IgWebhookSettings = { signWith: 'instagram', adCommentShare: 0 };
  /**
   * Whether Meta approved the app for the HUMAN_AGENT tag (App Review). Without it the tag is
   * refused; POST /_sim/instagram/app {humanAgentApproved} switches it, the demo grants it.
   */
  humanAgentApproved = false;
  /** Send API uploads (message_attachments, is_reusable): attachment_id → the stored attachment. */
  readonly messageAttachments = new Map<string, IgAttachment>();

  constructor(readonly ctx: SimContext) {
    this.store = new InstagramStore({ id: this.account.id, username: this.account.username, name: this.account.name }, ctx.settings.seed);
    this.tokens.register({
      token: this.account.accessToken,
      userId: this.account.appScopedId,
      scopes: [...INSTAGRAM_SCOPES],
      issuedAt: 0,
      expiresAt: null,
      longLived: true,
    });
  }

  now(): number {
    return this.ctx.clock.now();
  }

  /** The Instagram-Login token of a request on graph.instagram.com, or that host's error for it. */
  authenticate(req: SimRequest): { token: IgToken } | { error: SimResponse } {
    const errors = igErrors('instagram');
    const value = requestToken(req);
    if (!value) return { error: errors.tokenRequired() };
    const token = this.tokens.get(value);
    // A Facebook token sent to graph.instagram.com cannot be parsed there (FACTS.md §1), and vice versa.
    if (!token) return { error: errors.tokenInvalid() };
    const now = this.now();
    if (token.revoked || this.ctx.faults.hit('instagram', 'token_revoked')) return { error: errors.tokenRevoked() };
    if (this.ctx.faults.hit('instagram', 'token_expired')) return { error: errors.tokenExpired(new Date(now - 60_000), new Date(now)) };
    if (token.expiresAt !== null && token.expiresAt <= now) return { error: errors.tokenExpired(new Date(token.expiresAt), new Date(now)) };
    return { token };
  }

  /** Whether `id` names the account on either host: its professional id, its app-scoped id, or "me". */
  isAccount(id: string): boolean {
    return id === this.account.id || id === this.account.appScopedId || id === 'me';
  }
}
