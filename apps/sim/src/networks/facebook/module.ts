import type { GeneratedItem } from '../../generator';
import { json, listParam, type SimRequest, type SimResponse } from '../../core/http';
import type { FaultOptions } from '../../core/faults';
import type { IdCounters, NetworkControl, NetworkModule, SimContext } from '../../core/network-module';
import type { TruthItem } from '../../core/world';
import { errors } from './errors';
import { accessToken, oauthDialog } from './oauth-routes';
import { getAccounts, getComments, getConversations, getFeed, getMessages, getNode, type ReadCall } from './read-routes';
import { UnknownFieldError } from './serialize';
import { DEFAULT_GRAPH_VERSION, FacebookState } from './state';
import type { FbComment, FbMessage, FbPost } from './store';
import {
  commentAddChange,
  facebookEscape,
  feedPayload,
  messagingEvent,
  messagingPayload,
  postAddChange,
  postChange,
  reactionChange,
  signatureHeaders,
  type FeedChange,
} from './webhooks';
import { blockedEdge, deleteComment, likeComment, updateComment } from './moderation-routes';
import { postComment, sendMessage } from './write-routes';
import { deletePost, publishPost, updatePost } from './post-routes';
import { getMediaEdge, getMediaNode, getScheduledPosts, uploadPhoto, uploadVideo } from './media-routes';
import { debugToken, getReactions, isAppToken } from './graph-forms';
import { isBatch, runBatch } from './batch';
import { rupload } from './reels';
import { uploadRoute } from './upload-routes';
import { requestToken } from './tokens';
import { pageRoute } from './page-routes';
import { addVisitorPost, visitorTruth } from './visitor-posts';
import { must } from '../../core/must';
import type { InstagramModule } from '../instagram/module';

const VERSION = /^v\d+\.\d+$/;
const WEBHOOK_BATCH = 50;

/** graph.facebook.com (and the www.facebook.com login dialog) under /facebook. */
export class FacebookModule implements NetworkModule, NetworkControl {
  readonly network = 'facebook' as const;
  readonly state: FacebookState;
  /** The Instagram account linked to the page (Instagram API with Facebook Login is served on this host). */
  instagram: InstagramModule | null = null;

  constructor(private readonly ctx: SimContext) {
    this.state = new FacebookState(ctx);
  }

  handle(req: SimRequest): SimResponse {
    const segments = req.path.split('/').filter(Boolean);
    const first = segments[0];
    const versioned = first !== undefined && VERSION.test(first);
    if (versioned) segments.shift();
    const version = versioned ? first : DEFAULT_GRAPH_VERSION;
    const route = segments.join('/');
    if (route === 'dialog/oauth' && req.method === 'GET') return oauthDialog(this.state, req);
    if (route === 'oauth/access_token') return this.withHeaders(accessToken(this.state, req), null);
    if (segments.length === 0 && isBatch(req)) return runBatch(req, version, (sub) => this.handle(sub));
    if (route === 'debug_token' && req.method === 'GET' && isAppToken(this.state, requestToken(req) ?? null)) return debugToken(this.state, req);
    const multiple = segments.length === 0 && req.method === 'GET' && req.query.get('ids') !== null;
    if (segments.length === 0 && !multiple) return errors.unknownPath('/');

    const auth = this.state.authenticate(req);
    if ('error' in auth) return auth.error;
    const { token } = auth;
    const now = this.state.now();
    this.state.usage.record(now, token.pageId);
    // Budgets exhausted by real use answer like a storm: app first (#4), then the page (#32).
    if (this.state.usage.appPercent(now) >= 100) return errors.rateLimit(4, this.state.usage.headers(now, token.pageId));
    if (token.pageId && this.state.usage.pagePercent(now, token.pageId) >= 100) return errors.rateLimit(32, this.state.usage.headers(now, token.pageId));

    this.publishDuePosts();
    // rupload.facebook.com/video-upload/{version}/{video-id}: reel and video story bytes, served on this origin.
    if (segments.length === 3 && segments[0] === 'video-upload' && VERSION.test(segments[1]))
      return this.withHeaders(rupload(this.state, req, token, segments[2]), token.pageId);
    const call: ReadCall = { req, token, version, base: `${req.origin}${req.mount}/${version}` };
    // Instagram nodes (the linked account, its media, comments and Direct) answer with a Page token of the linked page.
    const instagram =
      token.kind === 'page' && token.pageId === this.state.pageId && !multiple ? this.instagram?.facebookHost(req, segments, version) : undefined;
    if (instagram) return this.withHeaders(instagram, token.pageId);
    try {
      if (multiple) return this.withHeaders(this.nodes(call), token.pageId);
      return this.withHeaders(this.route(call, segments), token.pageId);
    } catch (error) {
      if (error instanceof UnknownFieldError) return this.withHeaders(errors.nonexistingField(error.field, error.nodeType), token.pageId);
      throw error;
    }
  }

  /** Whether `token` is one this Graph API issued (the Instagram origin hands requests carrying one over). */
  knowsToken(token: string): boolean {
    return this.state.tokens.get(token) !== undefined || isAppToken(this.state, token);
  }

  /** GET /?ids=a,b&fields=…: several nodes in one answer, keyed by the ids as asked; one unknown id fails the whole request (#803). */
  private nodes(call: ReadCall): SimResponse {
    const ids = listParam(call.req.query, 'ids') ?? [];
    if (ids.length === 0) return errors.invalidParam('The parameter ids is required');
    if (ids.length > 50) return errors.invalidParam('Too many IDs. Maximum: 50');
    const out: Record<string, unknown> = {};
    const missing: string[] = [];
    for (const id of ids) {
      const res = getMediaNode(this.state, call, id) ?? getNode(this.state, call, id);
      if (res.status === 200) out[id] = res.body;
      else if (res.status === 400 || res.status === 404) missing.push(id);
      else return res;
    }
    return missing.length ? errors.aliasesMissing(missing) : json(200, out);
  }

  private route(call: ReadCall, segments: string[]): SimResponse {
    const { req, token } = call;
    const [id, edge, ...rest] = segments;
    if (rest.length > 0) return errors.unknownPath(`/${rest.join('/')}`);
    const method = req.method === 'POST' && req.query.get('method') === 'delete' ? 'DELETE' : req.method;
    const upload = uploadRoute(this.state, call, method, id, edge);
    if (upload) {
      if (upload.created) this.afterCreate([upload.created]);
      return upload.response;
    }
    const extra = pageRoute(this.state, call, method, id, edge);
    if (extra) return extra;
    if (method === 'GET') {
      if (id === 'debug_token' && edge === undefined) return debugToken(this.state, req);
      if (edge === undefined) return getMediaNode(this.state, call, id) ?? getNode(this.state, call, id);
      if (edge === 'photos' || edge === 'videos') return getMediaEdge(this.state, call, id, edge);
      if (edge === 'scheduled_posts') return getScheduledPosts(this.state, call, id);
      if (edge === 'feed' || edge === 'posts' || edge === 'published_posts') return getFeed(this.state, call, id, edge);
      if (edge === 'comments') return getComments(this.state, call, id);
      if (edge === 'blocked') return blockedEdge(this.state, req, token, id);
      if (edge === 'conversations') return getConversations(this.state, call, id);
      if (edge === 'messages') return getMessages(this.state, call, id);
      if (edge === 'accounts' && id === 'me') return getAccounts(this.state, call);
      if (edge === 'reactions' || edge === 'likes') return getReactions(this.state, call, id, edge);
      if (edge === 'subscribed_apps')
        return json(200, { data: [{ name: 'Resonance', id: this.state.app.appId, subscribed_fields: ['feed', 'messages', 'message_echoes'] }] });
      return errors.nonexistingField(edge, this.state.store.post(id) ? 'PagePost' : this.state.store.comment(id) ? 'Comment' : 'Page');
    }
    if (method === 'POST') {
      if (edge === 'feed' || edge === 'photos' || edge === 'videos') {
        const publish = edge === 'feed' ? publishPost : edge === 'photos' ? uploadPhoto : uploadVideo;
        const { response, created } = publish(this.state, req, token, id);
        if (created) this.afterCreate([created]);
        return response;
      }
      const post = edge === undefined ? this.state.store.post(id) : undefined;
      if (post) {
        const { response, edited } = updatePost(this.state, req, token, post);
        if (edited) this.deliverFeed([postChange(edited, 'edited', this.state.pageId, this.state.pageName, this.state.now())]);
        return response;
      }
      if (edge === 'comments') {
        const { response, created } = postComment(this.state, req, token, id);
        if (created) this.afterCreate([created]);
        return response;
      }
      if (edge === 'messages') {
        const { response, created } = sendMessage(this.state, req, token, id);
        if (created) this.afterCreate([created]);
        return response;
      }
      if (edge === 'subscribed_apps') return json(200, { success: true });
      if (edge === 'likes') return this.afterLike(likeComment(this.state, req, token, id, true), id, true);
      if (edge === 'blocked') return blockedEdge(this.state, req, token, id);
      if (edge === undefined && this.state.store.comment(id)) return updateComment(this.state, req, token, id);
      return errors.unsupportedGet(id, 'post');
    }
    if (method === 'DELETE') {
      if (edge === 'permissions' && (id === 'me' || id === token.userId)) {
        this.state.tokens.revokeUser(token.userId);
        return json(200, { success: true });
      }
      if (edge === 'likes') return this.afterLike(likeComment(this.state, req, token, id, false), id, false);
      const post = edge === undefined ? this.state.store.post(id) : undefined;
      if (post) {
        const response = deletePost(this.state, req, token, post);
        if (response.status === 200) this.deliverFeed([postChange(post, 'remove', this.state.pageId, this.state.pageName, this.state.now())]);
        return response;
      }
      if (edge === undefined) return deleteComment(this.state, req, token, id);
      return errors.unsupportedGet(id, 'delete');
    }
    return errors.unsupportedGet(id, method.toLowerCase());
  }

  private withHeaders(response: SimResponse, pageId: string | null): SimResponse {
    const headers = {
      ...this.state.usage.headers(this.state.now(), pageId),
      'facebook-api-version': DEFAULT_GRAPH_VERSION,
      'x-fb-rev': '1010000000',
      ...response.headers,
    };
    return { ...response, headers };
  }

  faultResponse(kind: 'rate_limit' | 'server_error', options: FaultOptions): SimResponse {
    const now = this.state.now();
    if (kind === 'server_error') return options.status === 503 ? errors.unexpected() : errors.unknown(options.status ?? 500);
    const code = [4, 17, 32, 613].includes(options.code ?? 4) ? (options.code ?? 4) : 4;
    return errors.rateLimit(code, this.state.usage.headers(now, this.state.pageId, { regainMinutes: 10 }));
  }

  internalError(): SimResponse {
    return errors.unknown(500);
  }

  /** The store's id counters: a restarted world continues above them. */
  get ids(): IdCounters {
    return this.state.store;
  }

  /**
   * Scheduled posts whose time has come go live: published from then on (is_published true, out of
   * /scheduled_posts) and announced by a feed webhook (status, photo or video add with published 1).
   * Checked on every Graph call and every generated batch, so the announcement comes with the
   * first activity after the time (the sim has no timer of its own).
   */
  private publishDuePosts(): void {
    const store = this.state.store;
    if (store.unpublished === 0) return;
    const now = this.state.now();
    const due = store.posts.filter((p) => p.published === false && p.scheduledAt !== undefined && p.scheduledAt <= now);
    for (const post of due) {
      post.published = true;
      store.unpublished -= 1;
    }
    if (due.length) this.deliverFeed(due.map((p) => ({ change: postAddChange(p, this.state.pageId, this.state.pageName), time: p.scheduledAt ?? now })));
  }

  /** Generated items appear on the page and are announced by webhook, as Facebook would. */
  ingest(items: GeneratedItem[]): TruthItem[] {
    this.publishDuePosts();
    const truth: TruthItem[] = [];
    const created: Array<FbPost | FbComment | FbMessage> = [];
    for (const item of items) {
      const node = this.state.store.add(item);
      if (!node) continue;
      created.push(node);
      const t = this.truthOf(node, item.kind === 'post' ? null : item.intent, item.language, 'generator');
      if (item.kind === 'comment' && item.reaction) t.reaction = item.reaction;
      this.ctx.world.addTruth(t);
      truth.push(t);
    }
    this.afterCreate(created, false);
    return truth;
  }

  /** Records truth for items created through the API and sends their webhooks. */
  private afterCreate(created: Array<FbPost | FbComment | FbMessage>, recordTruth = true): void {
    if (recordTruth) for (const node of created) this.ctx.world.addTruth(this.truthOf(node, null, null, 'api'));
    // Taken whether or not anyone listens, so they never pile up.
    const reactions = this.state.store.takeReactionEvents();
    if (!this.ctx.settings.webhookUrl) return;
    const feed: Array<{ change: FeedChange; time: number }> = [];
    const messaging: Array<{ event: Record<string, unknown>; time: number }> = [];
    for (const node of created) {
      if ('topLevel' in node) feed.push({ change: postAddChange(node, this.state.pageId, this.state.pageName), time: node.createdAt });
      else if ('post' in node) feed.push({ change: commentAddChange(node), time: node.createdAt });
      else messaging.push({ event: messagingEvent(node, this.state.pageId, this.state.app.appId), time: node.createdAt });
    }
    // Reactions that came with the new items follow them (a reaction to a comment never arrives before the comment).
    feed.push(...reactions.map(reactionChange));
    this.deliverFeed(feed);
    for (let i = 0; i < messaging.length; i += WEBHOOK_BATCH) this.deliver(messagingPayload(this.state.pageId, messaging.slice(i, i + WEBHOOK_BATCH)));
  }

  /** The page's like of a comment changed: announced as a reaction from the page. */
  private afterLike(response: SimResponse, commentId: string, liked: boolean): SimResponse {
    const comment = response.status === 200 ? this.state.store.comment(commentId) : undefined;
    if (comment) {
      this.state.store.notePageLike(comment, liked, this.state.now());
      this.deliverFeed(this.state.store.takeReactionEvents().map(reactionChange));
    }
    return response;
  }

  /** `feed` changes in deliveries of at most WEBHOOK_BATCH entries (none without a webhook URL). */
  private deliverFeed(feed: Array<{ change: FeedChange; time: number }>): void {
    if (!this.ctx.settings.webhookUrl) return;
    for (let i = 0; i < feed.length; i += WEBHOOK_BATCH) this.deliver(feedPayload(this.state.pageId, feed.slice(i, i + WEBHOOK_BATCH)));
  }

  /** Signs the escaped body with the app secret and hands it to the dispatcher. */
  deliver(payload: Record<string, unknown>): void {
    const body = facebookEscape(JSON.stringify(payload));
    const url = `${must(this.ctx.settings.webhookUrl, 'webhook URL').replace(/\/+$/, '')}/facebook`;
    this.ctx.webhooks.send('facebook', url, body, { ...signatureHeaders(this.state.app.appSecret, body), 'user-agent': 'facebookexternalua' });
  }

  private truthOf(node: FbPost | FbComment | FbMessage, intent: TruthItem['intent'], language: TruthItem['language'], source: TruthItem['source']): TruthItem {
    const base = { network: 'facebook' as const, intent, language, source, createdAt: fbTimeIso(node.createdAt) };
    if ('topLevel' in node && node.visitor) return { ...base, ...visitorTruth(node, node.visitor.author) };
    if ('topLevel' in node) {
      return {
        ...base,
        kind: 'post',
        externalId: node.id,
        postExternalId: null,
        parentExternalId: null,
        threadExternalId: null,
        author: { externalId: this.state.pageId, name: this.state.pageName },
        fromAccount: true,
        text: node.message,
      };
    }
    if ('post' in node) {
      return {
        ...base,
        kind: 'comment',
        externalId: node.id,
        postExternalId: node.post.id,
        parentExternalId: node.parent ? node.parent.id : null,
        threadExternalId: node.parent ? node.parent.id : node.id,
        author: { externalId: node.from.id, name: node.from.name },
        fromAccount: node.fromPage,
        text: node.message,
      };
    }
    const from = node.fromPage ? this.state.store.page : node.conversation.customer;
    return {
      ...base,
      kind: 'message',
      externalId: node.id,
      postExternalId: null,
      parentExternalId: null,
      threadExternalId: node.conversation.id,
      author: { externalId: from.id, name: from.name },
      fromAccount: node.fromPage,
      text: node.text,
    };
  }

  /** /_sim/facebook/...: the verification handshake, token controls and usage limits. */
  async control(req: SimRequest, subpath: string): Promise<SimResponse | undefined> {
    const input = { ...Object.fromEntries(req.query), ...req.body } as Record<string, unknown>;
    if (req.method === 'POST' && subpath === '/verify-webhook')
      return this.verifyWebhook(typeof input.url === 'string' ? input.url : undefined, input.verifyToken as string | undefined);
    if (req.method === 'GET' && subpath === '/tokens') {
      return json(200, {
        tokens: this.state.tokens.list().map((t) => ({ ...t, expiresAt: t.expiresAt === null ? null : new Date(t.expiresAt).toISOString() })),
      });
    }
    if (req.method === 'POST' && (subpath === '/tokens/expire' || subpath === '/tokens/revoke')) {
      const token = typeof input.token === 'string' ? this.state.tokens.get(input.token) : undefined;
      if (!token) return json(404, { error: { message: 'unknown token' } });
      if (subpath === '/tokens/expire') token.expiresAt = this.state.now() - 1;
      else token.revoked = true;
      return json(200, { token: token.token, expired: subpath === '/tokens/expire', revoked: token.revoked });
    }
    if (req.method === 'POST' && subpath === '/quick-reply') return this.tapQuickReply(input);
    if (req.method === 'POST' && subpath === '/visitor-post') {
      const { response, created } = addVisitorPost(this.state, input);
      if (created) this.afterCreate([created]);
      return response;
    }
    if (subpath === '/limits') {
      if (req.method === 'POST') {
        const app = Number(input.appCallsPerHour ?? this.state.usage.limits.appCallsPerHour);
        const page = Number(input.pageCallsPerHour ?? this.state.usage.limits.pageCallsPerHour);
        if (!(app >= 1 && page >= 1)) return json(400, { error: { message: 'appCallsPerHour and pageCallsPerHour must be ≥ 1' } });
        this.state.usage.limits = { appCallsPerHour: app, pageCallsPerHour: page };
      }
      return json(200, { limits: this.state.usage.limits });
    }
    return undefined;
  }

  /**
   * POST /_sim/facebook/quick-reply {psid, index?}: the customer taps quick reply `index` (0) of the
   * page's latest message that offered some: their message has the reply's title as text and
   * `quick_reply: {payload}` in the messages webhook. The Graph API has no call for a customer's side.
   */
  private tapQuickReply(input: Record<string, unknown>): SimResponse {
    const conversation = typeof input.psid === 'string' ? this.state.store.conversationWith(input.psid) : undefined;
    if (!conversation) return json(404, { error: { message: 'unknown psid' } });
    const offer = [...conversation.messages].reverse().find((m) => m.fromPage && m.sent?.quickReplies?.length);
    const reply = offer?.sent?.quickReplies?.[Number(input.index ?? 0)];
    if (reply?.content_type !== 'text') return json(400, { error: { message: 'no text quick reply offered at that index' } });
    const created = this.state.store.addCustomerMessage(conversation.customer, reply.title ?? '', this.state.now(), String(reply.payload));
    this.afterCreate([created]);
    return json(200, { mid: created.id, text: created.text, payload: created.quickReply });
  }

  /** Performs Facebook's subscription handshake against the receiver: GET with hub.* and expect the challenge back. */
  async verifyWebhook(url?: string, verifyToken?: string): Promise<SimResponse> {
    const target = url ?? (this.ctx.settings.webhookUrl ? `${this.ctx.settings.webhookUrl.replace(/\/+$/, '')}/facebook` : undefined);
    if (!target) return json(400, { error: { message: 'no webhook URL configured; pass {"url": ...}' } });
    const challenge = String(1_000_000_000 + Math.floor(Math.random() * 1_000_000_000));
    const u = new URL(target);
    u.searchParams.set('hub.mode', 'subscribe');
    u.searchParams.set('hub.challenge', challenge);
    u.searchParams.set('hub.verify_token', verifyToken ?? this.state.app.verifyToken);
    try {
      const res = await fetch(u, { signal: AbortSignal.timeout(10_000) });
      const text = await res.text();
      return json(200, { url: target, status: res.status, challenge, echoed: text, verified: res.status === 200 && text === challenge });
    } catch (error) {
      return json(200, { url: target, status: null, challenge, error: (error as Error).message, verified: false });
    }
  }
}

// Facebook reports times in whole seconds; the ground truth says the same.
const fbTimeIso = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString();
