import { deleteComment, setModerationStatus } from './moderation-routes';
import type { GeneratedItem } from '../../generator';
import { json, type SimRequest, type SimResponse } from '../../core/http';
import type { FaultOptions } from '../../core/faults';
import type { IdCounters, NetworkControl, NetworkModule, SimContext } from '../../core/network-module';
import type { TruthItem } from '../../core/world';
import { errors } from './errors';
import { consent, revoke, token } from './oauth-routes';
import { BUCKETS, COST, type QuotaBucket } from './quota';
import type { YtToken } from './tokens';
import { insertVideo, mediaBodyRequired, resumeUpload } from './upload-routes';
import { deleteVideo, listAbuseReasons, reportAbuse, setThumbnail, updateVideo } from './video-routes';
import { listChannels } from './channel-routes';
import { updateChannel } from './channel-update';
import { deleteSubscription, insertSubscription, listSubscriptions } from './subscription-routes';
import { deleteChannelSection, insertChannelSection, listChannelSections, updateChannelSection } from './section-routes';
import { search } from './search-routes';
import {
  deletePlaylist,
  deletePlaylistItem,
  insertPlaylist,
  insertPlaylistItem,
  listPlaylistItems,
  listPlaylists,
  updatePlaylist,
  updatePlaylistItem,
} from './playlist-routes';
import { deleteCaption, downloadCaption, insertCaption, listCaptions, resumeCaption, updateCaption } from './caption-routes';
import { listI18nLanguages, listI18nRegions, listVideoCategories } from './catalog-routes';
import { listComments, listCommentThreads, listVideos } from './read-routes';
import { ytTime } from './serialize';
import { YoutubeState } from './state';
import type { YtComment, YtVideo } from './store';
import { insertComment, insertCommentThread } from './write-routes';
import { tokenInfo, updateComment } from './update-routes';
import { getRating, markAsSpam, rateVideo } from './rating-routes';

const API = '/youtube/v3/';
const UPLOAD = '/upload/youtube/v3/';

/**
 * www.googleapis.com (YouTube Data API v3 below /youtube/v3), accounts.google.com's consent page
 * (/o/oauth2/v2/auth) and oauth2.googleapis.com (/token, /revoke), all under /youtube. Every API
 * call is charged to the OAuth client's daily quota before it runs; a spent quota answers 403
 * quotaExceeded until midnight Pacific time. YouTube sends no webhooks for comments.
 */
export class YoutubeModule implements NetworkModule, NetworkControl {
  readonly network = 'youtube' as const;
  readonly state: YoutubeState;

  constructor(private readonly ctx: SimContext) {
    this.state = new YoutubeState(ctx);
  }

  handle(req: SimRequest): SimResponse {
    if (req.path === '/o/oauth2/v2/auth' && req.method === 'GET') return consent(this.state, req);
    if (req.path === '/token') return token(this.state, req);
    if (req.path === '/revoke') return revoke(this.state, req);
    if (req.path === '/tokeninfo') return tokenInfo(this.state, req);
    this.state.publishDue();
    const upload = req.path.startsWith(UPLOAD);
    if (!upload && !req.path.startsWith(API)) return errors.notFound();
    const resource = req.path.slice((upload ? UPLOAD : API).length);
    const method = req.method === 'POST' && req.query.get('alt') === 'delete' ? 'DELETE' : req.method;
    // The bytes of a resumable upload go to the session URL, which authorizes them itself.
    if (upload && resource === 'videos' && method === 'PUT' && req.query.has('upload_id')) return this.created(resumeUpload(this.state, req));
    if (upload && resource === 'captions' && method === 'PUT' && req.query.has('upload_id')) return resumeCaption(this.state, req);
    const route = upload ? this.uploadRoute(resource, method) : this.route(resource, method);
    if (!route) return (upload ? UPLOAD_KNOWN : KNOWN).has(resource) ? errors.methodNotAllowed() : errors.notFound();

    const auth = this.state.authenticate(req);
    if ('error' in auth) return auth.error;
    // Quota is charged per call, whether it succeeds or not (invalid requests cost too), to the method's bucket.
    if (!this.state.quota.charge(auth.token.clientId, route.cost, this.state.now(), route.bucket)) return errors.quotaExceeded();
    return route.run(req, auth.token);
  }

  /** The upload origin's routes: videos.insert (all upload types) and thumbnails.set. */
  private uploadRoute(resource: string, method: string): Route | undefined {
    const s = this.state;
    if (method === 'POST' && resource === 'videos') return { cost: COST.call, bucket: 'upload', run: (req, t) => this.created(insertVideo(s, req, t)) };
    if (method === 'POST' && resource === 'thumbnails/set') return { cost: COST.insert, run: (req, t) => setThumbnail(s, req, t) };
    if (method === 'POST' && resource === 'captions') return { cost: COST.captionInsert, run: (req, t) => insertCaption(s, req, t) };
    if (method === 'PUT' && resource === 'captions') return { cost: COST.captionUpdate, run: (req, t) => updateCaption(s, req, t, true) };
    return undefined;
  }

  /** A new video's ground truth: the channel's post, written through the API. */
  private created(result: { response: SimResponse; created?: YtVideo }): SimResponse {
    if (result.created) this.ctx.world.addTruth(this.truthOf(result.created, null, null, 'api'));
    return result.response;
  }

  private route(resource: string, method: string): Route | undefined {
    const s = this.state;
    if (method === 'GET') {
      if (resource === 'commentThreads') return { cost: COST.list, run: (req) => listCommentThreads(s, req) };
      if (resource === 'comments') return { cost: COST.list, run: (req) => listComments(s, req) };
      if (resource === 'videos') return { cost: COST.list, run: (req, t) => listVideos(s, req, t.channelId) };
      if (resource === 'channels') return { cost: COST.list, run: (req, t) => listChannels(s, req, t.channelId) };
      if (resource === 'playlistItems') return { cost: COST.list, run: (req) => listPlaylistItems(s, req) };
      if (resource === 'playlists') return { cost: COST.list, run: (req, t) => listPlaylists(s, req, t) };
      if (resource === 'captions') return { cost: COST.captionList, run: (req, t) => listCaptions(s, req, t) };
      if (resource.startsWith('captions/'))
        return { cost: COST.captionDownload, run: (req, t) => downloadCaption(s, req, t, decodeURIComponent(resource.slice('captions/'.length))) };
      if (resource === 'videoCategories') return { cost: COST.list, run: (req) => listVideoCategories(req) };
      if (resource === 'i18nLanguages') return { cost: COST.list, run: (req) => listI18nLanguages(req) };
      if (resource === 'i18nRegions') return { cost: COST.list, run: (req) => listI18nRegions(req) };
      if (resource === 'subscriptions') return { cost: COST.list, run: (req, t) => listSubscriptions(s, req, t) };
      if (resource === 'channelSections') return { cost: COST.list, run: (req, t) => listChannelSections(s, req, t) };
      if (resource === 'search') return { cost: COST.call, bucket: 'search', run: (req) => search(s, req) };
      if (resource === 'videos/getRating') return { cost: COST.list, run: (req, t) => getRating(s, req, t) };
      if (resource === 'videoAbuseReportReasons') return { cost: COST.list, run: (req, t) => listAbuseReasons(s, req, t) };
    }
    if (method === 'PUT' && resource === 'videos') return { cost: COST.insert, run: (req, t) => updateVideo(s, req, t) };
    if (method === 'PUT' && resource === 'channels') return { cost: COST.insert, run: (req, t) => updateChannel(s, req, t) };
    const playlistWrite = PLAYLIST_WRITES[`${method} ${resource}`];
    if (playlistWrite) return { cost: COST.insert, run: (req, t) => playlistWrite(s, req, t) };
    // captions.insert takes the file at the upload origin only; here it can only lack it.
    if (method === 'POST' && resource === 'captions') return { cost: COST.captionInsert, run: (req, t) => insertCaption(s, req, t) };
    if (method === 'PUT' && resource === 'captions') return { cost: COST.captionUpdate, run: (req, t) => updateCaption(s, req, t, false) };
    if (method === 'DELETE' && resource === 'captions') return { cost: COST.moderate, run: (req, t) => deleteCaption(s, req, t) };
    if (method === 'DELETE' && resource === 'videos') return { cost: COST.moderate, run: (req, t) => deleteVideo(s, req, t) };
    if (method === 'POST' && resource === 'videos/reportAbuse') return { cost: COST.moderate, run: (req, t) => reportAbuse(s, req, t) };
    // videos.insert takes the media at the upload origin only; here it can only lack it.
    if (method === 'POST' && resource === 'videos') return { cost: COST.call, bucket: 'upload', run: () => mediaBodyRequired() };
    if (method === 'POST' && resource === 'videos/rate') return { cost: COST.moderate, run: (req, t) => rateVideo(s, req, t) };
    if (method === 'POST' && resource === 'comments/markAsSpam') return { cost: COST.moderate, run: (req, t) => markAsSpam(s, req, t) };
    if (method === 'POST' && resource === 'comments/setModerationStatus') return { cost: COST.moderate, run: (req, t) => setModerationStatus(s, req, t) };
    if (method === 'DELETE' && resource === 'comments') return { cost: COST.moderate, run: (req, t) => deleteComment(s, req, t) };
    if (method === 'POST' && resource === 'commentThreads') {
      return {
        cost: COST.insert,
        run: (req, t) => {
          const { response, created } = insertCommentThread(s, req, t);
          if (created) this.ctx.world.addTruth(this.truthOf(created, null, null, 'api'));
          return response;
        },
      };
    }
    if (method === 'PUT' && resource === 'comments') return { cost: COST.insert, run: (req, t) => updateComment(s, req, t) };
    if (method === 'POST' && resource === 'comments') {
      return {
        cost: COST.insert,
        run: (req, t) => {
          const { response, created } = insertComment(s, req, t);
          if (created) this.ctx.world.addTruth(this.truthOf(created, null, null, 'api'));
          return response;
        },
      };
    }
    return undefined;
  }

  /**
   * Injected faults in Google's shapes: rate_limit is 403 rateLimitExceeded (usageLimits), or 429
   * RESOURCE_EXHAUSTED with Retry-After when options.code is 429, or the real 403 quotaExceeded
   * body when options.code is 403; server_error is 500/503 backendError.
   */
  faultResponse(kind: 'rate_limit' | 'server_error', options: FaultOptions): SimResponse {
    if (kind === 'server_error') return errors.backendError(options.status === 503 ? 503 : (options.status ?? 500));
    if (options.code === 403) return errors.quotaExceeded();
    return errors.rateLimited(options.code === 429 ? 429 : 403);
  }

  internalError(): SimResponse {
    return errors.backendError(500);
  }

  readonly privateMessages = false;

  /** The store's id counters: a restarted world continues above them. */
  get ids(): IdCounters {
    return this.state.store;
  }

  /** Generated videos and comments appear on the channel (YouTube has no private messages: those are skipped). */
  ingest(items: GeneratedItem[]): TruthItem[] {
    const truth: TruthItem[] = [];
    for (const item of items) {
      const node = this.state.store.add(item);
      if (!node) continue;
      const t = this.truthOf(node, item.kind === 'post' ? null : item.intent, item.language, 'generator');
      this.ctx.world.addTruth(t);
      truth.push(t);
    }
    return truth;
  }

  private truthOf(node: YtVideo | YtComment, intent: TruthItem['intent'], language: TruthItem['language'], source: TruthItem['source']): TruthItem {
    const channel = this.state.store.channel;
    if (!('thread' in node)) {
      return {
        network: 'youtube',
        kind: 'post',
        externalId: node.id,
        postExternalId: null,
        parentExternalId: null,
        threadExternalId: null,
        author: { externalId: channel.channelId, name: channel.name },
        fromAccount: true,
        text: node.description ? `${node.title}\n\n${node.description}` : node.title,
        language,
        intent,
        createdAt: isoSeconds(node.publishedAt),
        source,
      };
    }
    return {
      network: 'youtube',
      kind: 'comment',
      externalId: node.id,
      postExternalId: node.thread.video?.id ?? null,
      parentExternalId: node.parentId,
      threadExternalId: node.thread.id,
      author: { externalId: node.author.channelId, name: node.author.name },
      fromAccount: node.fromChannel,
      text: node.text,
      language,
      intent,
      createdAt: isoSeconds(node.publishedAt),
      source,
    };
  }

  /**
   * /_sim/youtube/...: the quota (GET; POST {dailyUnits, used}), holding a comment for review (POST /hold), uploads (the daily
   * upload limit and upload outcomes, upload-outcome.ts) and token controls.
   */
  control(req: SimRequest, subpath: string): SimResponse | undefined {
    const input = { ...Object.fromEntries(req.query), ...req.body } as Record<string, unknown>;
    const now = this.state.now();
    const clientId = this.state.client.clientId;
    if (subpath === '/quota') {
      // {bucket: search|upload, daily, used}: the calls buckets of search.list and videos.insert.
      const bucket = BUCKETS.find((b) => b !== 'units' && b === input.bucket);
      if (req.method === 'POST' && bucket) {
        for (const [key, set] of [
          ['daily', (n: number) => this.state.quota.setLimit(bucket, n)],
          ['used', (n: number) => this.state.quota.set(clientId, n, now, bucket)],
        ] as const) {
          if (input[key] === undefined) continue;
          const n = Number(input[key]);
          if (!(Number.isInteger(n) && n >= 0)) return json(400, { error: { message: `${key} must be an integer ≥ 0` } });
          set(n);
        }
      } else if (req.method === 'POST') {
        if (input.dailyUnits !== undefined) {
          const units = Number(input.dailyUnits);
          if (!(Number.isInteger(units) && units >= 1)) return json(400, { error: { message: 'dailyUnits must be an integer ≥ 1' } });
          this.state.quota.dailyUnits = units;
        }
        if (input.used !== undefined) {
          const used = Number(input.used);
          if (!(Number.isInteger(used) && used >= 0)) return json(400, { error: { message: 'used must be an integer ≥ 0' } });
          this.state.quota.set(clientId, used, now);
        }
      }
      return json(200, {
        dailyUnits: this.state.quota.dailyUnits,
        used: this.state.quota.usedToday(clientId, now),
        resetsAt: new Date(this.state.quota.resetsAt(now)).toISOString(),
        buckets: Object.fromEntries(BUCKETS.map((b) => [b, { daily: this.state.quota.limit(b), used: this.state.quota.usedToday(clientId, now, b) }])),
      });
    }
    // YouTube holds a comment for the channel's review (its spam filter, or the channel's "hold all"
    // setting): POST {commentId} puts a top-level comment into heldForReview.
    if (req.method === 'POST' && subpath === '/hold') {
      const comment = typeof input.commentId === 'string' ? this.state.store.comment(input.commentId) : undefined;
      if (comment?.parentId !== null || comment.fromChannel) return json(404, { error: { message: 'no such top-level comment by others' } });
      comment.moderationStatus = 'heldForReview';
      return json(200, { commentId: comment.id, moderationStatus: comment.moderationStatus });
    }
    if (subpath === '/uploads') return this.state.uploadOutcomes.control(req.method, input, now, (id) => this.state.store.video(id));
    if (req.method === 'GET' && subpath === '/tokens') {
      return json(200, {
        tokens: this.state.tokens.listAccess().map((t) => ({ ...t, expiresAt: t.expiresAt === null ? null : new Date(t.expiresAt).toISOString() })),
      });
    }
    if (req.method === 'POST' && (subpath === '/tokens/expire' || subpath === '/tokens/revoke')) {
      const t = typeof input.token === 'string' ? this.state.tokens.getAccess(input.token) : undefined;
      if (!t) return json(404, { error: { message: 'unknown token' } });
      if (subpath === '/tokens/expire') t.expiresAt = now - 1;
      else this.state.tokens.revoke(t.token);
      return json(200, { token: t.token, expired: subpath === '/tokens/expire', revoked: t.revoked });
    }
    return undefined;
  }
}

interface Route {
  cost: number;
  bucket?: QuotaBucket;
  run: (req: SimRequest, t: YtToken) => SimResponse;
}

const UPLOAD_KNOWN = new Set(['videos', 'thumbnails/set', 'captions']);

/** playlists, playlistItems and channelSections insert, update and delete, subscriptions insert and delete: 50 units each. */
const PLAYLIST_WRITES: Record<string, (s: YoutubeState, req: SimRequest, t: YtToken) => SimResponse> = {
  'POST playlists': insertPlaylist,
  'PUT playlists': updatePlaylist,
  'DELETE playlists': deletePlaylist,
  'POST playlistItems': insertPlaylistItem,
  'PUT playlistItems': updatePlaylistItem,
  'DELETE playlistItems': deletePlaylistItem,
  'POST subscriptions': insertSubscription,
  'DELETE subscriptions': deleteSubscription,
  'POST channelSections': insertChannelSection,
  'PUT channelSections': updateChannelSection,
  'DELETE channelSections': deleteChannelSection,
};

const KNOWN = new Set([
  'commentThreads',
  'comments',
  'comments/setModerationStatus',
  'comments/markAsSpam',
  'videos',
  'videos/rate',
  'videos/getRating',
  'videos/reportAbuse',
  'videoAbuseReportReasons',
  'channels',
  'playlistItems',
  'playlists',
  'captions',
  'videoCategories',
  'i18nLanguages',
  'i18nRegions',
  'subscriptions',
  'channelSections',
  'search',
]);

// YouTube reports times in whole seconds; the ground truth says the same.
const isoSeconds = (ms: number): string => new Date(ytTime(ms)).toISOString();
