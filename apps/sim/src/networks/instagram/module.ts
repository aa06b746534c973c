import type { GeneratedItem } from '../../generator';
import { json, type SimRequest, type SimResponse } from '../../core/http';
import type { FaultOptions } from '../../core/faults';
import type { IdCounters, NetworkControl, NetworkModule, SimContext } from '../../core/network-module';
import type { TruthItem } from '../../core/world';
import { must } from '../../core/must';
import { UnknownFieldError } from '../facebook/serialize';
import { requestToken } from '../facebook/tokens';
import { facebookEscape, signatureHeaders } from '../facebook/webhooks';
import { igErrors, RATE_LIMIT_CODES } from './errors';
import { codeExchange, consent, exchangeToken, refreshToken } from './oauth-routes';
import { getComments, getConversations, getMedia, getMessages, getNode, getStories, getTags } from './read-routes';
import { DEFAULT_IG_VERSION, InstagramState, type IgCall } from './state';
import type { InstagramScope } from './tokens';
import type { IgComment, IgMedia, IgMessage } from './store';
import { deleteComment, hideComment, jsonParam, postMentionReply, postReply, sendMessage, setCommentEnabled, type IgCreated } from './write-routes';
import { uploadAttachment } from './send-api';
import { messengerProfileRoute } from '../facebook/messenger-profile';
import { collaboratorsEdge } from './publish-options';
import { changesPayload, commentChange, mentionChange, messageEvent, messagingPayload, type IgChange } from './webhooks';
import { instagramControl } from './control-routes';
import { createContainer, getContainer, publishContainer, publishingLimit } from './publish-routes';

const VERSION = /^v\d+\.\d+$/;

/** What this module uses of the Facebook module (an interface: the Facebook module imports this one). */
export interface FacebookGraph {
  knowsToken(token: string): boolean;
  handle(req: SimRequest): SimResponse;
}
const WEBHOOK_BATCH = 50;

/** The `platform` of a Send API upload, from the body or the query. */
function platformOf(req: SimRequest): string | undefined {
  const value = req.body.platform ?? req.query.get('platform');
  return typeof value === 'string' ? value.toLowerCase() : undefined;
}

/**
 * Instagram at its own origin: graph.instagram.com (Instagram Login, `IGAA…` tokens), with
 * api.instagram.com's /oauth/access_token and www.instagram.com's /oauth/authorize on the same
 * origin. The Facebook-Login host is the Facebook module's origin: it hands requests for Instagram
 * nodes (the account, its media, comments, Direct) here through `facebookHost`.
 */
export class InstagramModule implements NetworkModule, NetworkControl {
  readonly network = 'instagram' as const;
  readonly state: InstagramState;
  /**
   * The Facebook module: a client that points its Facebook-Login host at this origin (the
   * connector's fallback when no Facebook URL is set) still reaches graph.facebook.com's answers.
   */
  facebookGraph: FacebookGraph | null = null;

  constructor(private readonly ctx: SimContext) {
    this.state = new InstagramState(ctx);
  }

  handle(req: SimRequest): SimResponse {
    const segments = req.path.split('/').filter(Boolean);
    const first = segments[0];
    const versioned = first !== undefined && VERSION.test(first);
    if (versioned) segments.shift();
    const version = versioned ? first : DEFAULT_IG_VERSION;
    const route = segments.join('/');
    if (route === 'oauth/authorize' && req.method === 'GET') return consent(this.state, req);
    // Facebook Login's dialog and graph.facebook.com's token endpoint (code exchange, fb_exchange_token),
    // for a client whose Facebook-Login host is this origin (the connector's default against the sim).
    if ((route === 'dialog/oauth' || route === 'oauth/access_token') && req.method === 'GET' && this.facebookGraph) return this.facebookGraph.handle(req);
    if (route === 'oauth/access_token' && req.method === 'POST') return codeExchange(this.state, req);
    if (route === 'access_token' && req.method === 'GET') return this.withHeaders(exchangeToken(this.state, req));
    if (route === 'refresh_access_token' && req.method === 'GET') return this.withHeaders(refreshToken(this.state, req));
    const errors = igErrors('instagram');
    if (segments.length === 0) return errors.unknownPath('/');
    // A Facebook token (Instagram API with Facebook Login) sent here is answered as graph.facebook.com would.
    const value = requestToken(req);
    if (value && !this.state.tokens.get(value) && this.facebookGraph?.knowsToken(value)) return this.facebookGraph.handle(req);
    const auth = this.state.authenticate(req);
    if ('error' in auth) return auth.error;
    if (this.ctx.faults.hit('instagram', 'permission_denied')) return errors.noPermission();
    const limited = this.budget();
    if (limited) return limited;
    const call: IgCall = { req, host: 'instagram', errors, version, base: `${req.origin}${req.mount}`, token: auth.token };
    return this.withHeaders(this.answer(call, segments) ?? errors.unsupported(segments[0]));
  }

  /**
   * graph.facebook.com (Instagram API with Facebook Login): the Facebook module authenticated the
   * Page token; undefined when the request is not about an Instagram node.
   */
  facebookHost(req: SimRequest, segments: string[], version: string): SimResponse | undefined {
    const [id, edge] = segments;
    const { store } = this.state;
    const pageConversations = edge === 'conversations' && req.query.get('platform')?.toLowerCase() === 'instagram';
    const pageMessage = edge === 'messages' && req.method === 'POST' && this.isInstagramRecipient(req);
    const pageUpload = (edge === 'message_attachments' || edge === 'messenger_profile') && platformOf(req) === 'instagram';
    const igNode =
      id === this.state.account.id ||
      store.mediaItem(id) !== undefined ||
      store.comment(id) !== undefined ||
      store.conversation(id) !== undefined ||
      store.message(id) !== undefined ||
      this.state.containers.get(id) !== undefined;
    if (!igNode && !pageConversations && !pageMessage && !pageUpload) return undefined;
    const errors = igErrors('facebook');
    // The account's token faults hold on this host too, with its subcodes (expired 463, invalidated 460).
    const now = this.state.now();
    if (this.ctx.faults.hit('instagram', 'token_revoked')) return errors.tokenRevoked();
    if (this.ctx.faults.hit('instagram', 'token_expired')) return errors.tokenExpired(new Date(now - 60_000), new Date(now));
    if (this.ctx.faults.hit('instagram', 'permission_denied')) return errors.noPermission();
    const limited = this.budget();
    if (limited) return limited;
    const call: IgCall = { req, host: 'facebook', errors, version, base: `${req.origin}${req.mount}`, token: null };
    return this.withHeaders(this.answer(call, segments) ?? errors.unsupported(id));
  }

  private isInstagramRecipient(req: SimRequest): boolean {
    const recipient = jsonParam(req.body.recipient ?? req.query.get('recipient'));
    const commentId = recipient?.comment_id;
    const userId = recipient?.id;
    return (
      (typeof commentId === 'string' && this.state.store.comment(commentId) !== undefined) ||
      ((typeof userId === 'string' || typeof userId === 'number') && this.state.store.conversationWith(String(userId)) !== undefined)
    );
  }

  /** Budgets exhausted by real use answer with #4 (app) or #80002 (the Instagram account). */
  private budget(): SimResponse | undefined {
    const now = this.state.now();
    const accountId = this.state.account.id;
    this.state.usage.record(now, accountId);
    const errors = igErrors('instagram');
    if (this.state.usage.appPercent(now) >= 100) return errors.rateLimit(4, this.state.usage.headers(now, accountId));
    if (this.state.usage.pagePercent(now, accountId) >= 100) return errors.rateLimit(80002, this.state.usage.headers(now, accountId));
    return undefined;
  }

  private answer(call: IgCall, segments: string[]): SimResponse | undefined {
    try {
      return this.route(call, segments);
    } catch (error) {
      if (error instanceof UnknownFieldError) return call.errors.nonexistingField(error.field, error.nodeType);
      throw error;
    }
  }

  private route(call: IgCall, segments: string[]): SimResponse | undefined {
    const { req, errors } = call;
    const { store } = this.state;
    const [id, edge, ...rest] = segments;
    if (rest.length > 0) return errors.unknownPath(`/${rest.join('/')}`);
    const method = req.method === 'POST' && req.query.get('method') === 'delete' ? 'DELETE' : req.method;
    // An Instagram-Login token acts only within the permissions the person granted at the consent page.
    if (call.token && !call.token.scopes.includes(this.scopeFor(id, edge, method))) return errors.noPermission();
    const isAccount =
      this.state.isAccount(id) || (call.host === 'facebook' && (edge === 'conversations' || edge === 'message_attachments' || edge === 'messenger_profile'));
    if (edge === 'messenger_profile' && isAccount) return messengerProfileRoute(this.state.messengerProfile, req, method, (m) => errors.invalidParam(m));
    const container = this.state.containers.get(id);
    if (method === 'GET') {
      if (edge === undefined && container) return getContainer(call, container, this.state.now());
      if (edge === undefined) return getNode(this.state, call, id);
      if (edge === 'content_publishing_limit' && isAccount) return publishingLimit(this.state, call, id);
      if (edge === 'media' && isAccount) return getMedia(this.state, call, id);
      if (edge === 'tags' && isAccount) return getTags(this.state, call, id);
      if (edge === 'stories' && isAccount) return getStories(this.state, call, id);
      if (edge === 'conversations' && isAccount) return getConversations(this.state, call, id);
      if (edge === 'comments' || edge === 'replies') return getComments(this.state, call, id, edge);
      if (edge === 'collaborators' && store.mediaItem(id)) return json(200, collaboratorsEdge(store.mediaItem(id)?.options));
      if (edge === 'children') {
        const media = store.mediaItem(id);
        return media ? json(200, { data: media.children.map((child) => ({ id: child })) }) : errors.unsupported(id);
      }
      const conversation = store.conversation(id);
      if (edge === 'messages' && conversation) return getMessages(this.state, call, conversation);
      return errors.nonexistingField(edge, isAccount ? 'IGUser' : store.comment(id) ? 'IGComment' : 'IGMedia');
    }
    if (method === 'POST') {
      if (edge === 'replies') return this.created(postReply(this.state, call, id));
      if (edge === 'mentions') return this.created(postMentionReply(this.state, call, id));
      if (edge === 'media' && isAccount) return createContainer(this.state, call, id);
      if (edge === 'media_publish' && isAccount) {
        const { response, created } = publishContainer(this.state, call, id);
        if (created) this.ctx.world.addTruth(this.truthOf(created, null, null, 'api'));
        return response;
      }
      if (edge === 'messages' && (isAccount || call.host === 'facebook')) return this.created(sendMessage(this.state, call, id));
      if (edge === 'message_attachments' && isAccount) {
        const upload = uploadAttachment(this.state, jsonParam(req.body.message ?? req.query.get('message')));
        return 'problem' in upload ? errors.invalidParam(upload.problem) : json(200, { attachment_id: upload.attachmentId });
      }
      if (edge === undefined && store.mediaItem(id) && (req.body.comment_enabled ?? req.query.get('comment_enabled')) !== undefined)
        return setCommentEnabled(this.state, call, id);
      if (edge === undefined && store.comment(id)) return hideComment(this.state, call, id);
      return errors.unsupported(id, 'post');
    }
    if (method === 'DELETE' && edge === undefined) return deleteComment(this.state, call, id);
    return errors.unsupported(id, method.toLowerCase());
  }

  private scopeFor(id: string, edge: string | undefined, method: string): InstagramScope {
    const { store } = this.state;
    const messaging = edge === 'messages' || edge === 'message_attachments' || edge === 'messenger_profile';
    if (edge === 'conversations' || messaging || store.conversation(id) || store.message(id)) return 'instagram_business_manage_messages';
    const mediaWrite = edge === undefined && method === 'POST' && store.mediaItem(id) !== undefined;
    if (edge === 'comments' || edge === 'replies' || edge === 'mentions' || (edge === undefined && store.comment(id)) || mediaWrite)
      return 'instagram_business_manage_comments';
    if (edge === 'media_publish' || edge === 'content_publishing_limit' || this.state.containers.get(id) || (edge === 'media' && method === 'POST'))
      return 'instagram_business_content_publish';
    return 'instagram_business_basic';
  }

  private created(result: { response: SimResponse; created?: IgCreated }): SimResponse {
    if (result.created) {
      const node = result.created.kind === 'comment' ? result.created.comment : result.created.message;
      this.ctx.world.addTruth(this.truthOf(node, null, null, 'api'));
      this.announce([node]);
    }
    return result.response;
  }

  private withHeaders(response: SimResponse): SimResponse {
    const now = this.state.now();
    return {
      ...response,
      headers: { ...this.state.usage.headers(now, this.state.account.id), 'facebook-api-version': DEFAULT_IG_VERSION, ...response.headers },
    };
  }

  faultResponse(kind: 'rate_limit' | 'server_error', options: FaultOptions): SimResponse {
    const errors = igErrors('instagram');
    if (kind === 'server_error') return options.status === 503 ? errors.unexpected() : errors.unknown(options.status ?? 500);
    const code = RATE_LIMIT_CODES.includes(options.code ?? 4) ? (options.code ?? 4) : 4;
    return errors.rateLimit(code, this.state.usage.headers(this.state.now(), this.state.account.id, { regainMinutes: 10 }));
  }

  internalError(): SimResponse {
    return igErrors('instagram').unknown(500);
  }

  get ids(): IdCounters {
    return this.state.store;
  }

  ingest(items: GeneratedItem[]): TruthItem[] {
    const truth: TruthItem[] = [];
    const created: Array<IgMedia | IgComment | IgMessage> = [];
    for (const item of items) {
      const node = this.state.store.add(item, this.state.webhooks.adCommentShare);
      if (!node) continue;
      created.push(node);
      const t = this.truthOf(node, item.kind === 'post' ? null : item.intent, item.language, 'generator');
      this.ctx.world.addTruth(t);
      truth.push(t);
    }
    this.announce(created);
    return truth;
  }

  /**
   * Webhooks for new items: comments (and the account's own, which Instagram also sends), mentions
   * for comments elsewhere that name the account, Direct messages and their echoes. Media are not
   * announced (Instagram has no webhook for the account's own posts). Ad comments come twice.
   */
  announce(created: Array<IgMedia | IgComment | IgMessage>): void {
    if (!this.ctx.settings.webhookUrl) return;
    const accountId = this.state.account.id;
    const changes: Array<{ change: IgChange; time: number }> = [];
    const messaging: Array<{ event: Record<string, unknown>; time: number }> = [];
    for (const node of created) {
      if ('caption' in node) continue;
      if ('media' in node) {
        // Someone else's media: Instagram sends `mentions` for a comment there that names the
        // account, and nothing for the rest of that thread (`comments` covers the account's own media).
        if (node.media.owner !== null && !(node.mention && !node.fromAccount)) continue;
        const change = node.mention && !node.fromAccount ? mentionChange(node) : commentChange(node, this.state.store.account);
        changes.push({ change, time: node.createdAt });
        if (node.ad) changes.push({ change, time: node.createdAt });
      } else messaging.push({ event: messageEvent(node, accountId), time: node.createdAt });
    }
    for (let i = 0; i < changes.length; i += WEBHOOK_BATCH) this.deliver(changesPayload(accountId, changes.slice(i, i + WEBHOOK_BATCH)));
    for (let i = 0; i < messaging.length; i += WEBHOOK_BATCH) this.deliver(messagingPayload(accountId, messaging.slice(i, i + WEBHOOK_BATCH)));
  }

  /** Signs the body with the Instagram app secret (or the Facebook app's, for Facebook-Login apps). */
  deliver(payload: Record<string, unknown>): void {
    const body = facebookEscape(JSON.stringify(payload));
    const url = `${must(this.ctx.settings.webhookUrl, 'webhook URL').replace(/\/+$/, '')}/instagram`;
    const secret = this.state.webhooks.signWith === 'facebook' ? this.state.facebookApp.appSecret : this.state.app.appSecret;
    this.ctx.webhooks.send('instagram', url, body, { ...signatureHeaders(secret, body), 'user-agent': 'facebookexternalua' });
  }

  /**
   * Meta's subscription handshake against the receiver, as for the Instagram product in the app
   * dashboard: GET {url}?hub.mode=subscribe&hub.challenge=…&hub.verify_token=…, verified when the
   * answer is 200 with the challenge as its whole body.
   */
  async verifyWebhook(url?: string, verifyToken?: string): Promise<SimResponse> {
    const target = url ?? (this.ctx.settings.webhookUrl ? `${this.ctx.settings.webhookUrl.replace(/\/+$/, '')}/instagram` : undefined);
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
      return json(200, { url: target, status: null, challenge, error: error instanceof Error ? error.message : String(error), verified: false });
    }
  }

  truthOf(node: IgMedia | IgComment | IgMessage, intent: TruthItem['intent'], language: TruthItem['language'], source: TruthItem['source']): TruthItem {
    const account = this.state.store.account;
    const base = { network: 'instagram' as const, intent, language, source, createdAt: secondsIso(node.createdAt) };
    if ('caption' in node) {
      const text = node.caption ?? '';
      return {
        ...base,
        kind: 'post',
        externalId: node.id,
        postExternalId: null,
        parentExternalId: null,
        threadExternalId: null,
        author: { externalId: account.id, name: account.name },
        fromAccount: true,
        text,
      };
    }
    if ('media' in node) {
      return {
        ...base,
        kind: 'comment',
        externalId: node.id,
        postExternalId: node.media.id,
        parentExternalId: node.parent ? node.parent.id : null,
        threadExternalId: node.parent ? node.parent.id : node.id,
        author: { externalId: node.from.id, name: node.from.username },
        fromAccount: node.fromAccount,
        text: node.text,
      };
    }
    const from = node.fromAccount ? account : node.conversation.customer;
    return {
      ...base,
      kind: 'message',
      externalId: node.id,
      postExternalId: null,
      parentExternalId: null,
      threadExternalId: node.conversation.id,
      author: { externalId: from.id, name: from.username },
      fromAccount: node.fromAccount,
      text: node.text,
    };
  }

  control(req: SimRequest, subpath: string): Promise<SimResponse | undefined> | SimResponse | undefined {
    return instagramControl(this, req, subpath);
  }
}

// Instagram reports times in whole seconds; the ground truth says the same.
const secondsIso = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString();
