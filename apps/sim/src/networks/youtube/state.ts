import { DEMO_YOUTUBE_CHANNEL, DEMO_YOUTUBE_CLIENT } from '../../demo-accounts';
import type { SimContext } from '../../core/network-module';
import type { SimRequest, SimResponse } from '../../core/http';
import type { ReceivedItem } from '../../core/world';
import { errors } from './errors';
import { QuotaMeter } from './quota';
import { UploadOutcomes } from './upload-outcome';
import { YoutubePlaylists } from './playlists';
import { YoutubeStore, type YtAuthor, type YtLocalization } from './store';
import type { CaptionSession, UploadSession } from './upload-session';
import { FORCE_SSL_SCOPE, requestToken, YoutubeTokens, type YtToken } from './tokens';

export interface ChannelSettings {
  description: string;
  keywords: string;
  country: string;
  defaultLanguage?: string;
  unsubscribedTrailer?: string;
  localizations?: Record<string, YtLocalization>;
  selfDeclaredMadeForKids: boolean;
}

/** Everything the YouTube routes share: the channel's world, OAuth, the quota, and the sim core. */
export class YoutubeState {
  readonly store: YoutubeStore;
  readonly tokens = new YoutubeTokens();
  readonly quota = new QuotaMeter();
  readonly client = DEMO_YOUTUBE_CLIENT;
  readonly channelTitle = DEMO_YOUTUBE_CHANNEL.title;
  /** Resumable upload sessions by upload_id. */
  readonly uploads = new Map<string, UploadSession>();
  /** The daily upload limit and the outcomes of uploads (the control API sets them). */
  readonly uploadOutcomes = new UploadOutcomes();
  /** Resumable caption uploads by upload_id. */
  readonly captionUploads = new Map<string, CaptionSession>();
  readonly customUrl = DEMO_YOUTUBE_CHANNEL.customUrl;
  /** What channels.update writes (brandingSettings, localizations, status); the description is the demo channel's until then. */
  readonly channelSettings: ChannelSettings = {
    description: 'Demo channel of the Resonance sim',
    keywords: '',
    country: 'DE',
    selfDeclaredMadeForKids: false,
  };
  /** The channels the demo channel subscribed to (subscriptions.insert), oldest first. */
  readonly subscriptions: Array<{ subscriber: YtAuthor; publisher: YtAuthor; since: number }> = [];
  /** The channel's own playlists (the uploads playlist is derived from its videos). */
  readonly playlists = new YoutubePlaylists();
  /** The channel's sections once channelSections.insert/update/delete wrote them (null: YouTube's layout for a new channel). */
  channelSections: YtSection[] | null = null;
  /** Makes each inserted section's id unique. */
  sectionCounter = 0;

  constructor(readonly ctx: SimContext) {
    this.store = new YoutubeStore(DEMO_YOUTUBE_CHANNEL.id, DEMO_YOUTUBE_CHANNEL.title, ctx.settings.seed);
    const grant = { grant: 'demo', clientId: this.client.clientId, channelId: DEMO_YOUTUBE_CHANNEL.id, scopes: [FORCE_SSL_SCOPE] };
    // The demo channel's tokens: the access token never expires, so `npm start` keeps working (faults can still break it).
    this.tokens.registerAccess({ ...grant, token: DEMO_YOUTUBE_CHANNEL.accessToken, expiresAt: null });
    this.tokens.registerRefresh({ ...grant, token: DEMO_YOUTUBE_CHANNEL.refreshToken });
  }

  /** The channel as resources name it (snippet.channelId, channelTitle). */
  get channelRef(): { channelId: string; channelTitle: string } {
    return { channelId: this.store.channel.channelId, channelTitle: this.channelTitle };
  }

  /** Records a write in /_sim/received, as every YouTube write route does. */
  record(req: SimRequest, kind: ReceivedItem['kind'], path: string, targetId: string, externalId: string, text: string, body: Record<string, unknown>): void {
    this.ctx.world.addReceived({
      network: 'youtube',
      at: new Date(this.now()).toISOString(),
      kind,
      method: req.method,
      path,
      targetId,
      externalId,
      text,
      body,
    });
  }

  now(): number {
    return this.ctx.clock.now();
  }

  /** Scheduled videos (status.publishAt) whose time has come turn public, as YouTube publishes them. */
  publishDue(): void {
    const now = this.now();
    for (const v of this.store.videos) {
      if (v.meta?.publishAt !== undefined && v.meta.publishAt <= now) v.meta = { ...v.meta, privacyStatus: 'public', publishAt: undefined };
    }
  }

  /** The request's access token, or Google's 401 for it. Faults can make every token read as expired or revoked. */
  authenticate(req: SimRequest): { token: YtToken } | { error: SimResponse } {
    const value = requestToken(req);
    if (!value) return { error: errors.loginRequired() };
    const token = this.tokens.getAccess(value);
    // Google answers unknown, expired and revoked tokens alike: 401 authError "Invalid Credentials".
    if (!token || token.revoked) return { error: errors.invalidCredentials() };
    // While the fault is on, the grant reads as revoked (the refresh token too, see /token); nothing is revoked for good.
    if (this.ctx.faults.hit('youtube', 'token_revoked')) return { error: errors.invalidCredentials() };
    if (this.ctx.faults.hit('youtube', 'token_expired')) return { error: errors.invalidCredentials() };
    if (token.expiresAt !== null && token.expiresAt <= this.now()) return { error: errors.invalidCredentials() };
    return { token };
  }
}

/** A channel section as channelSections.insert/update wrote it; its position is its index. */
export interface YtSection {
  id: string;
  type: string;
  title?: string;
  playlists?: string[];
  channels?: string[];
}
