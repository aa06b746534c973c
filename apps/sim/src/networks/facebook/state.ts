import { DEMO_FACEBOOK_APP, DEMO_FACEBOOK_PAGE } from '../../demo-accounts';
import type { SimContext } from '../../core/network-module';
import type { SimRequest, SimResponse } from '../../core/http';
import { errors } from './errors';
import { FacebookStore } from './store';
import { DEFAULT_SCOPES, requestToken, TokenRegistry, type FbToken } from './tokens';
import { UsageMeter } from './usage';
import { MediaLibrary } from './media';
import { UploadSessions } from './upload-sessions';
import { MessengerProfile } from './messenger-profile';
import { Personas } from './persona-registry';

export const DEFAULT_GRAPH_VERSION = 'v24.0';

/** Everything the Facebook routes share: the page's world, tokens, usage, and the sim core. */
export class FacebookState {
  readonly store: FacebookStore;
  readonly tokens = new TokenRegistry();
  readonly usage = new UsageMeter();
  /** Photos and videos uploaded through /{page}/photos and /{page}/videos. */
  readonly media = new MediaLibrary();
  /** Resumable Upload API and chunked /videos sessions. */
  readonly uploads = new UploadSessions();
  /** Send API personas (POST /{page}/personas) and the page's Messenger profile (ice breakers, menu). */
  readonly personas = new Personas();
  readonly messengerProfile = new MessengerProfile('messenger');
  readonly app = DEMO_FACEBOOK_APP;
  readonly pageId = DEMO_FACEBOOK_PAGE.id;
  readonly pageName = DEMO_FACEBOOK_PAGE.name;
  readonly adminUser = { id: DEMO_FACEBOOK_PAGE.userId, name: DEMO_FACEBOOK_PAGE.userName };

  constructor(readonly ctx: SimContext) {
    this.store = new FacebookStore(this.pageId, this.pageName, ctx.settings.seed);
    // The demo page token: never expires, so `npm start` keeps working (faults can still break it).
    this.tokens.register({
      token: DEMO_FACEBOOK_PAGE.pageAccessToken,
      kind: 'page',
      userId: DEMO_FACEBOOK_PAGE.userId,
      pageId: this.pageId,
      appId: this.app.appId,
      scopes: DEFAULT_SCOPES,
      expiresAt: null,
    });
  }

  now(): number {
    return this.ctx.clock.now();
  }

  /**
   * The request's token, or the Graph API's error for it. Faults can make every token read as
   * expired or revoked.
   */
  authenticate(req: SimRequest): { token: FbToken } | { error: SimResponse } {
    const value = requestToken(req);
    if (!value) return { error: errors.tokenRequired() };
    const token = this.tokens.get(value);
    if (!token) return { error: errors.tokenInvalid() };
    const now = this.now();
    if (token.revoked || this.ctx.faults.hit('facebook', 'token_revoked')) return { error: errors.tokenRevoked(token.appId) };
    if (this.ctx.faults.hit('facebook', 'token_expired')) return { error: errors.tokenExpired(new Date(now - 60_000), new Date(now)) };
    if (token.expiresAt !== null && token.expiresAt <= now) return { error: errors.tokenExpired(new Date(token.expiresAt), new Date(now)) };
    return { token };
  }
}
