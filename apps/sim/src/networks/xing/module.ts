import { randomBytes } from 'node:crypto';
import type { GeneratedItem } from '../../generator';
import type { FaultOptions } from '../../core/faults';
import { form, json, redirect, type SimRequest, type SimResponse } from '../../core/http';
import type { IdCounters, NetworkControl, NetworkModule, SimContext } from '../../core/network-module';
import type { TruthItem } from '../../core/world';
import { DEMO_XING_COMPANY, DEMO_XING_CONSUMER } from '../../demo-accounts';
import { xingErrors } from './errors';
import { checkOAuth1, type OAuthFailure } from '../../core/oauth1';
import { commentJson, conversationJson, listJson, messageJson, updateJson, xingTime } from './serialize';
import { XingStore, type XingComment, type XingMessage, type XingUpdate } from './store';
import { must } from '../../core/must';

/** How far an oauth_timestamp may be from the server clock (OAuth providers commonly allow 5 minutes). */
const TIMESTAMP_WINDOW_S = 300;
const MAX_LIMIT = 100;
const DEFAULT_LIMIT = 10;
/** Comments and messages of up to 600 characters, as the dashboard's composer assumes (apps/web/src/shared/networks.ts). */
const MAX_CONTENT = 600;

interface Token {
  token: string;
  secret: string;
  kind: 'request' | 'access';
  userId: string;
  verifier?: string;
  callback?: string;
  authorized?: boolean;
  revoked?: boolean;
}

/**
 * api.xing.com under /xing — MODELLED on XING's former public API and its archived official client
 * xing/xing_api (no recorded payload exists; the public API closed on 2019-04-01 and partners keep
 * access). Base /v1, OAuth 1.0a HMAC-SHA1 with real signature, timestamp and nonce checks, company
 * updates and their flat comments, likes, conversations and messages, limit/offset paging, a per-token
 * rate limit answered with 403 RATE_LIMIT_EXCEEDED, and `{error_name, message, errors}` errors.
 */
export class XingModule implements NetworkModule, NetworkControl {
  readonly network = 'xing' as const;
  readonly store = new XingStore(
    { id: DEMO_XING_COMPANY.id, displayName: DEMO_XING_COMPANY.name, type: 'company' },
    { id: DEMO_XING_COMPANY.userId, displayName: DEMO_XING_COMPANY.userName, type: 'user' },
  );
  private readonly consumers = new Map<string, string>([[DEMO_XING_CONSUMER.consumerKey, DEMO_XING_CONSUMER.consumerSecret]]);
  private readonly tokens = new Map<string, Token>([
    [
      DEMO_XING_COMPANY.accessToken,
      { token: DEMO_XING_COMPANY.accessToken, secret: DEMO_XING_COMPANY.accessTokenSecret, kind: 'access', userId: DEMO_XING_COMPANY.userId },
    ],
  ]);
  /** Nonces seen with their timestamp; entries older than the window are dropped. */
  private readonly nonces = new Map<string, number>();
  /** Calls per access token per fixed minute (modelled: XING published no per-partner numbers we know of). */
  limits = { callsPerMinute: 600 };
  private readonly usage = new Map<string, { windowStart: number; calls: number }>();

  constructor(private readonly ctx: SimContext) {}

  private now(): number {
    return this.ctx.clock.now();
  }

  handle(req: SimRequest): SimResponse {
    const segments = req.path.split('/').filter(Boolean);
    if (segments[0] !== 'v1') return xingErrors.notFound();
    const route = segments.slice(1);
    if (route[0] === 'authorize' && req.method === 'GET') return this.authorize(req);
    // A path no resource serves is 404 whoever asks (as before the OAuth check on api.xing.com, modelled).
    if (!KNOWN_ROUTES.some((r) => r.test(route.join('/')))) return xingErrors.notFound();
    const auth = this.verify(req, route[0] === 'request_token' ? 'none' : route[0] === 'access_token' ? 'request' : 'access');
    if ('error' in auth) return auth.error;
    if (route[0] === 'request_token' && req.method === 'POST') return this.requestToken(auth.params);
    if (route[0] === 'access_token' && req.method === 'POST') return this.accessToken(must(auth.token, 'OAuth token'), auth.params);
    const token = must(auth.token, 'OAuth token');
    if (!this.spend(token.token)) return xingErrors.rateLimit();
    return this.route(req, route, token);
  }

  /** Checks the OAuth 1.0a signature, timestamp, nonce, consumer and token of a request. */
  private verify(req: SimRequest, tokenKind: 'none' | 'request' | 'access'): { error: SimResponse } | { token?: Token; params: Record<string, string> } {
    const faulted = () => (this.ctx.faults.hit('xing', 'token_revoked') ?? this.ctx.faults.hit('xing', 'token_expired')) !== undefined;
    const result = checkOAuth1<Token>(req, {
      consumerSecret: (key) => this.consumers.get(key),
      token:
        tokenKind === 'none'
          ? null
          : (value) => {
              const t = this.tokens.get(value);
              if (t?.kind !== tokenKind || t.revoked || (tokenKind === 'access' && faulted())) return undefined;
              return { record: t, secret: t.secret };
            },
      baseUris: [`${req.origin}${req.mount}${req.path}`],
      nonces: this.nonces,
      nowS: Math.floor(this.now() / 1000),
      windowS: TIMESTAMP_WINDOW_S,
    });
    if ('params' in result) return { token: result.record, params: result.params };
    const f = result.failure;
    const error: Record<OAuthFailure['kind'], () => SimResponse> = {
      missing: () => xingErrors.missing(f.kind === 'missing' ? f.name : ''),
      version: xingErrors.invalidVersion,
      signature_method: xingErrors.invalidSignatureMethod,
      consumer: xingErrors.invalidConsumer,
      token: xingErrors.invalidToken,
      signature: xingErrors.invalidSignature,
      timestamp: xingErrors.timestampExpired,
      nonce: xingErrors.nonceUsed,
    };
    return { error: error[f.kind]() };
  }

  private spend(token: string): boolean {
    const now = this.now();
    const u = this.usage.get(token);
    if (!u || now - u.windowStart >= 60_000) {
      this.usage.set(token, { windowStart: now, calls: 1 });
      return true;
    }
    u.calls += 1;
    return u.calls <= this.limits.callsPerMinute;
  }

  private requestToken(p: Record<string, string>): SimResponse {
    const t: Token = {
      token: `req-${randomBytes(12).toString('hex')}`,
      secret: randomBytes(16).toString('hex'),
      kind: 'request',
      userId: DEMO_XING_COMPANY.userId,
      callback: p.oauth_callback,
    };
    this.tokens.set(t.token, t);
    return form(201, { oauth_token: t.token, oauth_token_secret: t.secret, oauth_callback_confirmed: 'true' });
  }

  /** The consent page: the demo user always agrees and goes back to the callback with a verifier. */
  private authorize(req: SimRequest): SimResponse {
    const t = this.tokens.get(req.query.get('oauth_token') ?? '');
    if (t?.kind !== 'request') return xingErrors.invalidToken();
    t.authorized = true;
    t.verifier = randomBytes(8).toString('hex');
    if (!t.callback || t.callback === 'oob') return json(200, { oauth_verifier: t.verifier });
    const u = new URL(t.callback);
    u.searchParams.set('oauth_token', t.token);
    u.searchParams.set('oauth_verifier', t.verifier);
    return redirect(u.toString());
  }

  private accessToken(request: Token, p: Record<string, string>): SimResponse {
    if (!request.authorized || !p.oauth_verifier || p.oauth_verifier !== request.verifier) return xingErrors.invalidToken();
    this.tokens.delete(request.token);
    const t: Token = { token: `acc-${randomBytes(12).toString('hex')}`, secret: randomBytes(16).toString('hex'), kind: 'access', userId: request.userId };
    this.tokens.set(t.token, t);
    return form(201, { oauth_token: t.token, oauth_token_secret: t.secret, user_id: t.userId });
  }

  private page(req: SimRequest): { offset: number; limit: number } | SimResponse {
    const limit = req.query.has('limit') ? Number(req.query.get('limit')) : DEFAULT_LIMIT;
    const offset = req.query.has('offset') ? Number(req.query.get('offset')) : 0;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return xingErrors.invalidParameters('limit', `must be an integer from 1 to ${MAX_LIMIT}`);
    if (!Number.isInteger(offset) || offset < 0) return xingErrors.invalidParameters('offset', 'must be an integer of 0 or more');
    return { offset, limit };
  }

  private route(req: SimRequest, r: string[], token: Token): SimResponse {
    const m = req.method;
    // /v1/companies/{id}/updates
    if (r[0] === 'companies' && r[2] === 'updates' && r.length === 3 && r[1] !== 'updates') {
      if (r[1] !== this.store.company.id) return xingErrors.notFound();
      if (m === 'GET') {
        const pg = this.page(req);
        if ('status' in pg) return pg;
        const newest = [...this.store.updates].reverse().map((u) => updateJson(u, DEMO_XING_COMPANY.slug, this.store.company));
        return json(200, listJson('updates', newest, pg.offset, pg.limit));
      }
      if (m === 'POST') {
        const headline = str(req.body.headline);
        const content = str(req.body.content);
        if (!headline) return xingErrors.invalidParameters('headline', 'FIELD_REQUIRED');
        if (!content) return xingErrors.invalidParameters('content', 'FIELD_REQUIRED');
        const u = this.store.addUpdate(headline, content, this.now());
        this.ctx.world.addTruth(this.truthOf(u, null, 'api'));
        return json(201, { update: updateJson(u, DEMO_XING_COMPANY.slug, this.store.company) });
      }
      return xingErrors.methodNotAllowed();
    }
    // /v1/companies/updates/{update_id}[/comments[/{comment_id}] | /like]
    if (r[0] === 'companies' && r[1] === 'updates' && r[2]) {
      const update = this.store.update(r[2]);
      if (!update) return xingErrors.notFound();
      if (r[3] === 'like' && r.length === 4) {
        if (m === 'PUT') update.likes.add(token.userId);
        else if (m === 'DELETE') update.likes.delete(token.userId);
        else return xingErrors.methodNotAllowed();
        return { status: 204, raw: { contentType: 'application/json', data: '' } };
      }
      if (r[3] === 'comments' && r.length === 4) {
        if (m === 'GET') {
          const pg = this.page(req);
          if ('status' in pg) return pg;
          return json(200, listJson('comments', update.comments.map(commentJson), pg.offset, pg.limit));
        }
        if (m === 'POST') {
          const content = str(req.body.content);
          if (!content) return xingErrors.invalidParameters('content', 'FIELD_REQUIRED');
          if (Array.from(content).length > MAX_CONTENT) return xingErrors.invalidParameters('content', 'TOO_LONG');
          const c = this.store.addComment(update, this.store.company, true, content, this.now());
          this.ctx.world.addTruth(this.truthOf(c, null, 'api'));
          this.ctx.world.addReceived({
            network: 'xing',
            at: new Date(this.now()).toISOString(),
            kind: 'comment_reply',
            method: m,
            path: req.path,
            targetId: update.id,
            externalId: c.id,
            text: content,
            body: { content },
          });
          return json(201, { comment: commentJson(c) });
        }
        return xingErrors.methodNotAllowed();
      }
      if (r[3] === 'comments' && r[4] && r.length === 5 && m === 'DELETE') {
        const c = this.store.comment(r[4]);
        if (c?.update !== update) return xingErrors.notFound();
        if (!c.fromCompany) return xingErrors.accessDenied('Only the company may delete this comment');
        this.ctx.world.addReceived({
          network: 'xing',
          at: new Date(this.now()).toISOString(),
          kind: 'comment_delete',
          method: m,
          path: req.path,
          targetId: c.id,
          externalId: c.id,
          text: c.content,
          body: {},
        });
        this.store.deleteComment(c);
        return { status: 204, raw: { contentType: 'application/json', data: '' } };
      }
      return xingErrors.notFound();
    }
    // /v1/users/{me|id}/managed_companies — MODELLED (the former API's company-admin listing is not
    // documented anywhere we found): the companies this token's user acts for, for the page picker.
    if (r[0] === 'users' && r[2] === 'managed_companies' && r.length === 3) {
      if (r[1] !== 'me' && r[1] !== token.userId) return xingErrors.accessDenied();
      if (m !== 'GET') return xingErrors.methodNotAllowed();
      const c = this.store.company;
      return json(200, listJson('managed_companies', [{ id: c.id, name: c.displayName, page_name: DEMO_XING_COMPANY.slug }], 0, MAX_LIMIT));
    }
    // /v1/users/{me|id}/conversations[/{id}/messages]
    if (r[0] === 'users' && r[2] === 'conversations') {
      if (r[1] !== 'me' && r[1] !== token.userId) return xingErrors.accessDenied();
      if (r.length === 3 && m === 'GET') {
        const pg = this.page(req);
        if ('status' in pg) return pg;
        const all = this.store.conversationsNewestFirst();
        const unread = all.reduce((n, c) => n + (c.unread > 0 ? 1 : 0), 0);
        return json(
          200,
          listJson(
            'conversations',
            all.map((c) => conversationJson(c, this.store.agent)),
            pg.offset,
            pg.limit,
            { unread_count: unread },
          ),
        );
      }
      const conversation = r[3] ? this.store.conversation(r[3]) : undefined;
      if (!conversation) return xingErrors.notFound();
      if (r.length === 5 && r[4] === 'messages') {
        if (m === 'GET') {
          const pg = this.page(req);
          if ('status' in pg) return pg;
          return json(200, listJson('messages', [...conversation.messages].reverse().map(messageJson), pg.offset, pg.limit));
        }
        if (m === 'POST') {
          const content = str(req.body.content);
          if (!content) return xingErrors.invalidParameters('content', 'FIELD_REQUIRED');
          if (Array.from(content).length > MAX_CONTENT) return xingErrors.invalidParameters('content', 'TOO_LONG');
          const msg = this.store.addMessage(conversation.customer, true, content, this.now());
          this.ctx.world.addTruth(this.truthOf(msg, null, 'api'));
          this.ctx.world.addReceived({
            network: 'xing',
            at: new Date(this.now()).toISOString(),
            kind: 'private_message',
            method: m,
            path: req.path,
            targetId: conversation.id,
            externalId: msg.id,
            text: content,
            body: { content },
          });
          return json(201, { message: messageJson(msg) });
        }
        return xingErrors.methodNotAllowed();
      }
      return xingErrors.notFound();
    }
    return xingErrors.notFound();
  }

  faultResponse(kind: 'rate_limit' | 'server_error', options: FaultOptions): SimResponse {
    return kind === 'rate_limit' ? xingErrors.rateLimit() : xingErrors.server(options.status ?? 500);
  }

  internalError(): SimResponse {
    return xingErrors.server(500);
  }

  /** The store's id counters: a restarted world continues above them. */
  get ids(): IdCounters {
    return this.store;
  }

  ingest(items: GeneratedItem[]): TruthItem[] {
    const truth: TruthItem[] = [];
    for (const item of items) {
      const node = this.store.add(item);
      if (!node) continue;
      const t = this.truthOf(node, item.kind === 'post' ? null : item.intent, 'generator', item.language);
      this.ctx.world.addTruth(t);
      truth.push(t);
    }
    return truth;
  }

  private truthOf(
    node: XingUpdate | XingComment | XingMessage,
    intent: TruthItem['intent'],
    source: TruthItem['source'],
    language: TruthItem['language'] = null,
  ): TruthItem {
    const base = { network: 'xing' as const, intent, language, source, createdAt: new Date(xingTime(node.createdAt)).toISOString() };
    if ('headline' in node) {
      const company = this.store.company;
      return {
        ...base,
        kind: 'post',
        externalId: node.id,
        postExternalId: null,
        parentExternalId: null,
        threadExternalId: null,
        author: { externalId: company.id, name: company.displayName },
        fromAccount: true,
        text: `${node.headline}\n\n${node.content}`,
      };
    }
    if ('update' in node) {
      return {
        ...base,
        kind: 'comment',
        externalId: node.id,
        postExternalId: node.update.id,
        parentExternalId: null,
        threadExternalId: node.update.id,
        author: { externalId: node.commenter.id, name: node.commenter.displayName },
        fromAccount: node.fromCompany,
        text: node.content,
      };
    }
    return {
      ...base,
      kind: 'message',
      externalId: node.id,
      postExternalId: null,
      parentExternalId: null,
      threadExternalId: node.conversation.id,
      author: { externalId: node.sender.id, name: node.sender.displayName },
      fromAccount: node.fromCompany,
      text: node.content,
    };
  }

  /** /_sim/xing/limits (calls per token per minute) and /_sim/xing/tokens/revoke. */
  control(req: SimRequest, subpath: string): SimResponse | undefined {
    const input = { ...Object.fromEntries(req.query), ...req.body } as Record<string, unknown>;
    if (subpath === '/limits') {
      if (req.method === 'POST') {
        const n = Number(input.callsPerMinute);
        if (!(Number.isInteger(n) && n >= 1)) return json(400, { error: { message: 'callsPerMinute must be an integer ≥ 1' } });
        this.limits = { callsPerMinute: n };
        this.usage.clear();
      }
      return json(200, { limits: this.limits });
    }
    if (subpath === '/tokens/revoke' && req.method === 'POST') {
      const t = typeof input.token === 'string' ? this.tokens.get(input.token) : undefined;
      if (!t) return json(404, { error: { message: 'unknown token' } });
      t.revoked = true;
      return json(200, { token: t.token, revoked: true });
    }
    return undefined;
  }
}

const KNOWN_ROUTES = [
  /^(request_token|access_token)$/,
  /^companies\/[^/]+\/updates$/,
  /^companies\/updates\/[^/]+(\/like|\/comments(\/[^/]+)?)?$/,
  /^users\/[^/]+\/conversations(\/[^/]+\/messages)?$/,
  /^users\/[^/]+\/managed_companies$/,
];
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
