import type { GeneratedItem } from '../../generator';
import type { FaultOptions } from '../../core/faults';
import { json, type SimRequest, type SimResponse } from '../../core/http';
import type { IdCounters, NetworkControl, NetworkModule, SimContext } from '../../core/network-module';
import type { TruthItem } from '../../core/world';
import { putOrganizationAcl } from './acl-writes';
import { errors } from './errors';
import { entityRoute, introspect } from './entity-routes';
import { accessToken, authorization, revoke } from './oauth-routes';
import {
  createComment,
  findOrganizations,
  getComments,
  getOrganization,
  getOrganizationAcls,
  getPeople,
  getPerson,
  getPost,
  getPosts,
  getSocialActions,
  getSocialActionsBatch,
  organizationJson,
  type Call,
} from './routes';
import { personJson } from './serialize';
import { project } from './projection';
import { likes, unlike } from './likes';
import { batchGetReactions, comment, createReaction, reaction, reactionsOfEntity } from './moderation-routes';
import { LinkedInState } from './state';
import type { LiComment, LiPost } from './store';
import { LinkedInWebhooks } from './webhooks';
import { mediaRoute, uploadRoute } from './media-routes';
import { changePost, createPost } from './post-routes';

/**
 * api.linkedin.com (Community Management API: /rest with Linkedin-Version and Restli 2.0, and
 * /v2/organizationAcls) and www.linkedin.com/oauth/v2 under /linkedin. LinkedIn has no API for a
 * company page's private messages, so the generator's messages never appear here.
 */
export class LinkedInModule implements NetworkModule, NetworkControl {
  readonly network = 'linkedin' as const;
  readonly state: LinkedInState;
  private readonly webhooks: LinkedInWebhooks;

  constructor(private readonly ctx: SimContext) {
    this.state = new LinkedInState(ctx);
    this.webhooks = new LinkedInWebhooks(ctx, this.state.app, { urn: this.state.orgUrn, adminUrn: this.state.admin.urn });
  }

  handle(req: SimRequest): SimResponse {
    const path = req.path.replace(/\/+$/, '');
    if (path === '/oauth/v2/authorization' && req.method === 'GET') return authorization(this.state, req);
    if (path === '/oauth/v2/accessToken') return accessToken(this.state, req);
    if (path === '/oauth/v2/revoke' && req.method === 'POST') return revoke(this.state, req);
    if (path === '/oauth/v2/introspectToken') return introspect(this.state, req);
    // The upload URLs of the Images, Videos and Documents APIs (www.linkedin.com/dms-uploads on LinkedIn) take the bytes with the member's token, unversioned.
    const upload = uploadRoute(this.state, req, path);
    if (upload) return upload;
    const versioned = path.startsWith('/rest/');
    if (!versioned && !path.startsWith('/v2/')) return errors.notFound();
    if (versioned) {
      const bad = this.state.checkVersion(req);
      if (bad) return bad;
    }
    const auth = this.state.authenticate(req);
    if ('error' in auth) return auth.error;
    // Daily limits: every call counts, and once spent only a 429 says so (no usage headers).
    if (this.state.limits.count(auth.token.memberUrn, this.state.now())) return errors.throttled();
    return project(req, this.route({ req, token: auth.token }, path), (urn) => this.decoration(urn));
  }

  /** What a decorated URN (`field~`) expands to: a member the sim knows (and who discloses themselves) or the organization. */
  private decoration(urn: string): Record<string, unknown> | undefined {
    if (urn === this.state.orgUrn) return organizationJson(this.state);
    const person = urn.startsWith('urn:li:person:') ? this.state.store.people.get(urn) : undefined;
    return person && !person.hidden ? personJson(person) : undefined;
  }

  private route(call: Call, path: string): SimResponse {
    const { req } = call;
    const get = req.method === 'GET';
    const entity = entityRoute(this.state, call, path);
    if (entity) return entity;
    if (path === '/rest/organizationAcls' || path === '/v2/organizationAcls') return get ? getOrganizationAcls(this.state, call) : errors.methodNotAllowed();
    const acl = /^\/(?:rest|v2)\/organizationAcls\/(\(.+\))$/.exec(path);
    if (acl) return putOrganizationAcl(this.state, call, acl[1]) ?? errors.methodNotAllowed();
    if (path === '/rest/posts') {
      if (get) return getPosts(this.state, call);
      if (req.method !== 'POST') return errors.methodNotAllowed();
      const { response, created } = createPost(this.state, call);
      // A member's own post is not on the page: the truth holds the page's posts only.
      if (created && !created.created?.author) this.ctx.world.addTruth(this.truthOf(created, null, null, 'api'));
      return response;
    }
    const media = mediaRoute(this.state, call, path);
    if (media) return media;
    if (path === '/rest/socialActions') return get && req.query.get('ids') !== null ? getSocialActionsBatch(this.state, call) : errors.methodNotAllowed();
    if (path === '/rest/organizations') return get ? findOrganizations(this.state, call) : errors.methodNotAllowed();
    if (path === '/rest/people') return get ? getPeople(this.state, call) : errors.methodNotAllowed();
    let m = /^\/rest\/people\/\(id:([^)]+)\)$/.exec(path);
    if (m) return get ? getPerson(this.state, m[1]) : errors.methodNotAllowed();
    m = /^\/rest\/organizations\/(\d+)$/.exec(path);
    if (m) return get ? getOrganization(this.state, m[1]) : errors.methodNotAllowed();
    m = /^\/rest\/posts\/(urn:li:[^/]+)$/.exec(path);
    if (m)
      return get
        ? getPost(this.state, m[1])
        : req.method === 'POST' || req.method === 'DELETE'
          ? changePost(this.state, call, m[1])
          : errors.methodNotAllowed();
    if (path === '/rest/reactions')
      return req.method === 'POST'
        ? createReaction(this.state, call)
        : get && req.query.get('ids') !== null
          ? batchGetReactions(this.state, call)
          : errors.methodNotAllowed();
    m = /^\/rest\/reactions\/\(entity:(urn:li:.+)\)$/.exec(path);
    if (m) return req.method === 'GET' ? reactionsOfEntity(this.state, call, m[1]) : errors.methodNotAllowed();
    m = /^\/rest\/reactions\/\(actor:(urn:li:[^,]+),entity:(.+)\)$/.exec(path);
    if (m) return req.method === 'GET' || req.method === 'DELETE' ? reaction(this.state, call, m[1], m[2]) : errors.methodNotAllowed();
    m = /^\/rest\/socialActions\/(urn:li:[^/]+?)\/likes(?:\/(urn:li:[^/]+))?$/.exec(path);
    if (m) return m[2] ? unlike(this.state, call, m[1], m[2]) : likes(this.state, call, m[1]);
    m = /^\/rest\/socialActions\/(urn:li:[^/]+?)\/comments\/([^/]+)$/.exec(path);
    if (m) return req.method === 'GET' || req.method === 'DELETE' ? comment(this.state, call, m[1], m[2]) : errors.methodNotAllowed();
    m = /^\/rest\/socialActions\/(urn:li:[^/]+?)(\/comments)?$/.exec(path);
    if (m) {
      const [, urn, comments] = m;
      if (!comments) return get ? getSocialActions(this.state, urn) : errors.methodNotAllowed();
      if (get) return getComments(this.state, call, urn);
      if (req.method === 'POST') {
        const { response, created } = createComment(this.state, call, urn);
        if (created) {
          this.ctx.world.addTruth(this.truthOf(created, null, null, 'api'));
          this.webhooks.comments([created]);
        }
        return response;
      }
      return errors.methodNotAllowed();
    }
    return errors.notFound();
  }

  faultResponse(kind: 'rate_limit' | 'server_error', options: FaultOptions): SimResponse {
    return kind === 'rate_limit' ? errors.throttled() : errors.serverError(options.status ?? 500);
  }

  internalError(): SimResponse {
    return errors.serverError(500);
  }

  readonly privateMessages = false;

  /** The store's id counters: a restarted world continues above them. */
  get ids(): IdCounters {
    return this.state.store;
  }

  /** Generated posts and comments appear on the page (messages have no LinkedIn API, so they are not kept). */
  ingest(items: GeneratedItem[]): TruthItem[] {
    const truth: TruthItem[] = [];
    const comments: LiComment[] = [];
    for (const item of items) {
      const node = this.state.store.add(item);
      if (!node) continue;
      if ('post' in node) comments.push(node);
      const t = this.truthOf(node, item.kind === 'post' ? null : item.intent, item.language, 'generator');
      if (item.kind === 'comment' && item.reaction) t.reaction = item.reaction;
      this.ctx.world.addTruth(t);
      truth.push(t);
    }
    this.webhooks.comments(comments);
    return truth;
  }

  private truthOf(node: LiPost | LiComment, intent: TruthItem['intent'], language: TruthItem['language'], source: TruthItem['source']): TruthItem {
    const base = { network: 'linkedin' as const, intent, language, source, createdAt: new Date(node.createdAt).toISOString() };
    const org = { externalId: this.state.orgUrn, name: this.state.org.name };
    if (!('post' in node)) {
      return {
        ...base,
        kind: 'post',
        externalId: node.urn,
        postExternalId: null,
        parentExternalId: null,
        threadExternalId: null,
        author: org,
        fromAccount: true,
        text: node.text,
      };
    }
    const fromAccount = node.actor === this.state.orgUrn;
    // A member who does not disclose themselves is unknown to every client: the truth says so too.
    const author = fromAccount
      ? org
      : node.person && !node.person.hidden
        ? { externalId: node.person.urn, name: `${node.person.firstName} ${node.person.lastName}`.trim() }
        : null;
    return {
      ...base,
      kind: 'comment',
      externalId: node.urn,
      postExternalId: node.post.urn,
      parentExternalId: node.parent ? node.parent.urn : null,
      threadExternalId: node.parent ? node.parent.urn : node.urn,
      author,
      fromAccount,
      text: node.text,
    };
  }

  /** /_sim/linkedin/...: daily limits, usage, token controls and the webhook endpoint validation. */
  async control(req: SimRequest, subpath: string): Promise<SimResponse | undefined> {
    const input = { ...Object.fromEntries(req.query), ...req.body } as Record<string, unknown>;
    if (req.method === 'POST' && subpath === '/validate-webhook') return this.webhooks.validate(typeof input.url === 'string' ? input.url : undefined);
    if (subpath === '/limits') {
      if (req.method === 'POST') {
        const app = Number(input.appCallsPerDay ?? this.state.limits.limits.appCallsPerDay);
        const member = Number(input.memberCallsPerDay ?? this.state.limits.limits.memberCallsPerDay);
        if (!(app >= 1 && member >= 1)) return json(400, { error: { message: 'appCallsPerDay and memberCallsPerDay must be ≥ 1' } });
        this.state.limits.limits = { appCallsPerDay: app, memberCallsPerDay: member };
      }
      return json(200, { limits: this.state.limits.limits, usage: this.state.limits.usage() });
    }
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
    return undefined;
  }
}
