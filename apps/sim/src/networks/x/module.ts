import { randomBytes } from 'node:crypto';
import { DEMO_X_ACCOUNT, DEMO_X_APP } from '../../demo-accounts';
import type { GeneratedItem } from '../../generator';
import { json, type SimRequest, type SimResponse } from '../../core/http';
import type { FaultOptions } from '../../core/faults';
import type { IdCounters, NetworkControl, NetworkModule, SimContext } from '../../core/network-module';
import type { TruthItem } from '../../core/world';
import { errors } from './errors';
import { lookupRoute } from './lookup-routes';
import { appOnlyRefusal, appToken } from './app-auth';
import { XRateLimits } from './limits';
import { authorize, revoke, token } from './oauth-routes';
import { getConversationEvents, getDmEvents, getEventsOfConversation, getMe, getMentions, getTweet, getUserTweets, searchRecent } from './read-routes';
import { XStore, type XDmEvent, type XTweet, type XUser } from './store';
import { bearer, XTokenRegistry, type XToken } from './tokens';
import { directMessageEvents, favoriteEvents, tweetCreateEvents, xSignature } from './webhooks';
import { deleteTweet, hideReply, likedTweets, likeTweet, type XModerationInput } from './moderation-routes';
import { createGroupConversation, postTweet, sendDm, sendGroupDm } from './write-routes';
import { must } from '../../core/must';
import { mediaRoute, XMediaStore } from './media';
import { retweetRoute, retweetsOf } from './retweet-routes';
import { v1MediaRoute } from './media-v1';
import { controlTweet } from './control-tweets';
import { XOAuth1 } from './oauth1-routes';

const ALL_SCOPES = [
  'tweet.read',
  'tweet.write',
  'users.read',
  'dm.read',
  'dm.write',
  'offline.access',
  'tweet.moderate.write',
  'like.read',
  'like.write',
  'media.write',
];
const WEBHOOK_BATCH = 50;

/** The rate-limit window a path belongs to (X limits each endpoint separately). */
export function endpointOf(method: string, path: string): string {
  const p = path.replace(/\/+$/, '');
  if (/^\/2\/users\/\d+\/mentions$/.test(p)) return 'GET /2/users/:id/mentions';
  if (/^\/2\/users\/\d+\/tweets$/.test(p)) return 'GET /2/users/:id/tweets';
  if (/^\/2\/tweets\/\d+$/.test(p)) return method === 'DELETE' ? 'DELETE /2/tweets/:id' : 'GET /2/tweets/:id';
  if (/^\/2\/users\/\d+$/.test(p)) return 'GET /2/users/:id';
  if (/^\/2\/users\/by\/username\/[^/]+$/.test(p)) return 'GET /2/users/by/username/:username';
  if (/^\/2\/tweets\/\d+\/hidden$/.test(p)) return 'PUT /2/tweets/:id/hidden';
  if (/^\/2\/users\/\d+\/likes$/.test(p)) return 'POST /2/users/:id/likes';
  if (/^\/2\/users\/\d+\/likes\/\d+$/.test(p)) return 'DELETE /2/users/:id/likes/:tweet_id';
  if (/^\/2\/tweets\/\d+\/liking_users$/.test(p)) return 'GET /2/tweets/:id/liking_users';
  if (/^\/2\/users\/\d+\/liked_tweets$/.test(p)) return 'GET /2/users/:id/liked_tweets';
  if (/^\/2\/dm_conversations\/with\/\d+\/dm_events$/.test(p)) return 'GET /2/dm_conversations/with/:id/dm_events';
  if (/^\/2\/dm_conversations\/with\/\d+\/messages$/.test(p)) return 'POST /2/dm_conversations/with/:id/messages';
  if (/^\/2\/dm_conversations\/[\d-]+\/dm_events$/.test(p)) return 'GET /2/dm_conversations/:id/dm_events';
  if (/^\/2\/dm_conversations\/[\d-]+\/messages$/.test(p)) return 'POST /2/dm_conversations/:id/messages';
  if (p === '/2/dm_conversations') return 'POST /2/dm_conversations';
  if (/^\/2\/media\/upload\/\d+\/(append|finalize)$/.test(p)) return `POST /2/media/upload/:id/${p.split('/').pop()}`;
  if (/^\/2\/tweets\/\d+\/quote_tweets$/.test(p)) return 'GET /2/tweets/:id/quote_tweets';
  if (/^\/2\/users\/\d+\/retweets$/.test(p)) return 'POST /2/users/:id/retweets';
  if (/^\/2\/users\/\d+\/retweets\/\d+$/.test(p)) return 'DELETE /2/users/:id/retweets/:source_tweet_id';
  if (/^\/2\/tweets\/\d+\/retweeted_by$/.test(p)) return 'GET /2/tweets/:id/retweeted_by';
  if (/^\/2\/tweets\/\d+\/retweets$/.test(p)) return 'GET /2/tweets/:id/retweets';
  return `${method} ${p}`;
}

/** api.x.com (and x.com/i/oauth2/authorize) under /x. */
export class XModule implements NetworkModule, NetworkControl {
  readonly network = 'x' as const;
  readonly account = { id: DEMO_X_ACCOUNT.id, name: DEMO_X_ACCOUNT.name, username: DEMO_X_ACCOUNT.username };
  readonly app = DEMO_X_APP;
  readonly store = new XStore(this.account);
  readonly tokens = new XTokenRegistry();
  readonly limits = new XRateLimits();
  readonly media = new XMediaStore();
  readonly oauth1 = new XOAuth1(this.app, this.account);

  constructor(private readonly ctx: SimContext) {
    this.store.now = () => this.now();
    this.store.onLike = (tweet, user, at) => this.liked(tweet, user, at);
    this.tokens.registerAccess({ token: DEMO_X_ACCOUNT.accessToken, userId: this.account.id, scopes: ALL_SCOPES, expiresAt: null, revoked: false });
    this.tokens.registerRefresh(DEMO_X_ACCOUNT.refreshToken, this.account.id, ALL_SCOPES, true);
    this.oauth1.registerAccess(DEMO_X_ACCOUNT.oauth1Token, DEMO_X_ACCOUNT.oauth1TokenSecret, this.account.id);
  }

  private now(): number {
    return this.ctx.clock.now();
  }

  handle(req: SimRequest): SimResponse {
    const path = req.path.replace(/\/+$/, '');
    const now = this.now();
    if (path === '/i/oauth2/authorize' && req.method === 'GET') return authorize(this.tokens, this.app, this.account.id, req, now);
    if (path === '/2/oauth2/token' && req.method === 'POST') return token(this.tokens, this.app, req, now);
    if (path === '/2/oauth2/revoke' && req.method === 'POST') return revoke(this.tokens, this.app, req);
    if (path === '/oauth2/token' && req.method === 'POST') return appToken(this.tokens, this.app, req);
    const oauth1 = path.startsWith('/oauth/') ? this.oauth1.route(req, path, now) : undefined;
    if (oauth1) return oauth1;
    // The v1.1 media upload (upload.twitter.com) is served here too: clients reach it by the host override.
    if (!path.startsWith('/2/') && !path.startsWith('/1.1/media/')) return errors.notFound();

    const auth = this.authenticate(req, now);
    if ('error' in auth) return auth.error;
    const userId = auth.token.userId;
    const refused = appOnlyRefusal(auth.token, req.method, path);
    if (refused) return refused;
    this.store.viewer = userId;
    const endpoint = endpointOf(req.method, path);
    const window = this.limits.take(endpoint, userId, now);
    if (!window.allowed) return errors.tooManyRequests(window.headers);
    const response = this.route(req, path, userId, now, auth.token.scopes);
    return { ...response, headers: { ...window.headers, ...response.headers } };
  }

  private authenticate(req: SimRequest, now: number): { token: XToken } | { error: SimResponse } {
    if (this.oauth1.isSigned(req)) {
      // OAuth 1.0a user context: the signed-for user, with every permission of the app.
      const signed = this.oauth1.verify(req, now, () => (this.ctx.faults.hit('x', 'token_revoked') ?? this.ctx.faults.hit('x', 'token_expired')) !== undefined);
      if ('error' in signed) return signed;
      return { token: { token: 'oauth1', userId: signed.userId, scopes: ALL_SCOPES, expiresAt: null, revoked: false } };
    }
    const value = bearer(req);
    const t = value ? this.tokens.get(value) : undefined;
    if (!t || t.revoked) return { error: errors.unauthorized() };
    if (this.ctx.faults.hit('x', 'token_revoked') || this.ctx.faults.hit('x', 'token_expired')) return { error: errors.unauthorized() };
    if (t.expiresAt !== null && t.expiresAt <= now) return { error: errors.unauthorized() };
    return { token: t };
  }

  private route(req: SimRequest, path: string, userId: string, now: number, scopes: readonly string[]): SimResponse {
    const seg = path.split('/').slice(2);
    const moderation: XModerationInput = { store: this.store, world: this.ctx.world, req, userId, scopes, now };
    if (req.method === 'PUT' && seg[0] === 'tweets' && seg[2] === 'hidden' && seg.length === 3) return hideReply(moderation, seg[1]);
    if (req.method === 'POST' && seg[0] === 'users' && seg[2] === 'likes' && seg.length === 3) return likeTweet(moderation, seg[1], true);
    if (req.method === 'DELETE' && seg[0] === 'users' && seg[2] === 'likes' && seg.length === 4) return likeTweet(moderation, seg[1], false, seg[3]);
    if (req.method === 'DELETE' && seg[0] === 'tweets' && seg.length === 2 && /^\d{1,19}$/.test(seg[1])) return deleteTweet(moderation, seg[1]);
    if (req.method === 'GET' && seg[0] === 'users' && seg[2] === 'liked_tweets' && seg.length === 3) return likedTweets(moderation, seg[1]);
    if (path.startsWith('/1.1/')) return v1MediaRoute({ media: this.media, world: this.ctx.world, req, userId, scopes, now }, path) ?? errors.notFound();
    if (req.method === 'POST' && seg[0] === 'users' && seg[2] === 'retweets' && seg.length === 3) return this.created(retweetRoute(moderation, seg[1]));
    if (req.method === 'DELETE' && seg[0] === 'users' && seg[2] === 'retweets' && seg.length === 4) return retweetRoute(moderation, seg[1], seg[3]).response;
    if (req.method === 'GET' && seg[0] === 'tweets' && seg.length === 3 && (seg[2] === 'retweeted_by' || seg[2] === 'retweets'))
      return retweetsOf(moderation, seg[1], seg[2]);
    const media = mediaRoute({ media: this.media, world: this.ctx.world, req, userId, scopes, now }, seg);
    if (media) return media;
    if (req.method === 'GET') {
      if (seg[0] === 'users' && seg[1] === 'me' && seg.length === 2) return getMe(this.store, req, userId);
      if (seg[0] === 'users' && seg.length === 3 && seg[2] === 'mentions') return getMentions(this.store, req, seg[1]);
      if (seg[0] === 'users' && seg.length === 3 && seg[2] === 'tweets') return getUserTweets(this.store, req, seg[1]);
      if (seg[0] === 'tweets' && seg[1] === 'search' && seg[2] === 'recent' && seg.length === 3) return searchRecent(this.store, req, now);
      if (seg[0] === 'tweets' && seg.length === 2 && /^\d{1,19}$/.test(seg[1])) return getTweet(this.store, req, seg[1]);
      if (seg[0] === 'dm_events' && seg.length === 1) return getDmEvents(this.store, req, userId);
      if (seg[0] === 'dm_conversations' && seg[1] === 'with' && seg[3] === 'dm_events' && seg.length === 4)
        return getConversationEvents(this.store, req, userId, seg[2]);
      if (seg[0] === 'dm_conversations' && seg[2] === 'dm_events' && seg.length === 3) return getEventsOfConversation(this.store, req, userId, seg[1]);
      const lookup = lookupRoute(this.store, req, seg);
      if (lookup) return lookup;
    }
    if (req.method === 'POST') {
      if (seg[0] === 'tweets' && seg.length === 1) {
        const { response, created } = postTweet(this.store, this.media, this.ctx.world, req, userId, now);
        if (created) this.afterCreate([created], 'api');
        return response;
      }
      if (seg[0] === 'dm_conversations' && seg[1] === 'with' && seg[3] === 'messages' && seg.length === 4) {
        const { response, created } = sendDm(this.store, this.media, this.ctx.world, req, userId, seg[2], now);
        if (created) this.afterCreate([created], 'api');
        return response;
      }
      if (seg[0] === 'dm_conversations' && seg.length === 1) {
        const { response, created } = createGroupConversation(this.store, this.media, this.ctx.world, req, userId, now);
        if (created) this.afterCreate([created], 'api');
        return response;
      }
      const group = seg[0] === 'dm_conversations' && seg[2] === 'messages' && seg.length === 3 ? this.store.dmGroups.get(seg[1]) : undefined;
      if (group) {
        const { response, created } = sendGroupDm(this.store, this.media, this.ctx.world, req, userId, group, now);
        if (created) this.afterCreate([created], 'api');
        return response;
      }
      if (seg[0] === 'dm_conversations' && seg[2] === 'messages' && seg.length === 3 && seg[1] !== 'with') {
        // A 1:1 conversation id is both members' ids.
        const members = /^(\d{1,19})-(\d{1,19})$/.exec(seg[1]);
        if (!members || (members[1] !== userId && members[2] !== userId)) return errors.forbidden('You cannot send messages to this conversation.');
        const other = members[1] === userId ? members[2] : members[1];
        const { response, created } = sendDm(this.store, this.media, this.ctx.world, req, userId, other, now, `/2/dm_conversations/${seg[1]}/messages`);
        if (created) this.afterCreate([created], 'api');
        return response;
      }
    }
    return errors.notFound();
  }

  /** A write's response; what it created goes on to truth and webhooks. */
  private created(result: { response: SimResponse; created?: XTweet | XDmEvent }): SimResponse {
    if (result.created) this.afterCreate([result.created], 'api');
    return result.response;
  }

  /** A storm answers in either of X's real 429 shapes (code 88 → the v1-style body), with the window's spent headers. */
  faultResponse(kind: 'rate_limit' | 'server_error', options: FaultOptions, req: SimRequest): SimResponse {
    if (kind === 'server_error') return errors.internal(options.status ?? 500);
    const t = bearer(req);
    const userId = (t && this.tokens.get(t)?.userId) || 'app';
    const headers = this.limits.spent(endpointOf(req.method, req.path), userId, this.now());
    return options.code === 88 ? errors.rateLimitCode88(headers) : errors.tooManyRequests(headers);
  }

  internalError(): SimResponse {
    return errors.internal(500);
  }

  /** The store's id counters: a restarted world continues above them. */
  get ids(): IdCounters {
    return this.store;
  }

  ingest(items: GeneratedItem[]): TruthItem[] {
    const truth: TruthItem[] = [];
    const created: Array<XTweet | XDmEvent> = [];
    for (const item of items) {
      const node = this.store.add(item);
      if (!node) continue;
      created.push(node);
      const t = this.truthOf(node, item.kind === 'post' ? null : item.intent, item.language, 'generator');
      if (item.kind === 'comment' && item.reaction) t.reaction = item.reaction;
      this.ctx.world.addTruth(t);
      truth.push(t);
    }
    this.afterCreate(created, null);
    return truth;
  }

  private afterCreate(created: Array<XTweet | XDmEvent>, source: 'api' | null): void {
    // A retweet is no item of its own (no words, no thread): it counts in the original's retweet_count.
    // An edit is no new item either: the original's truth gets the new text (the product keeps one message per post).
    if (source)
      for (const node of created) {
        if ('retweets' in node && node.retweeted) continue;
        const first = 'versions' in node && node.versions ? node.versions[0] : undefined;
        if (first && first !== node) this.editTruth(first.id, node.text);
        else this.ctx.world.addTruth(this.truthOf(node, null, null, source));
      }
    if (!this.ctx.settings.webhookUrl) return;
    const account = this.account.id;
    // Account Activity sends the user's own tweets, mentions and replies to the user, and DMs either way.
    const tweets = created
      .filter((n): n is XTweet => 'conversationId' in n && 'mentions' in n)
      .filter((t) => t.author.id === account || t.mentions.includes(account) || t.parent?.author.id === account);
    const dms = created.filter((n): n is XDmEvent & { recipient: XUser } => 'sender' in n && n.recipient !== null);
    for (let i = 0; i < tweets.length; i += WEBHOOK_BATCH) this.deliver(tweetCreateEvents(account, tweets.slice(i, i + WEBHOOK_BATCH)));
    for (let i = 0; i < dms.length; i += WEBHOOK_BATCH) this.deliver(directMessageEvents(account, dms.slice(i, i + WEBHOOK_BATCH)));
  }

  private editTruth(originalId: string, text: string): void {
    const truth = this.ctx.world.truthFor('x').find((t) => t.externalId === originalId);
    if (truth) truth.text = text;
  }

  /** Account Activity favorite_events: a like by the account, or of one of its tweets. */
  private liked(tweet: XTweet, user: XUser, at: number): void {
    if (!this.ctx.settings.webhookUrl || (user.id !== this.account.id && tweet.author.id !== this.account.id)) return;
    this.deliver(favoriteEvents(this.account.id, tweet, user, at));
  }

  deliver(payload: Record<string, unknown>): void {
    const body = JSON.stringify(payload);
    const url = `${must(this.ctx.settings.webhookUrl, 'webhook URL').replace(/\/+$/, '')}/x`;
    this.ctx.webhooks.send('x', url, body, { 'x-twitter-webhooks-signature': xSignature(this.app.consumerSecret, body), 'user-agent': 'Twitter-Webhooks/1.0' });
  }

  /** The inbox thread of a tweet: the reply directly under the account's post, or the first tweet of any other conversation. */
  private threadOf(t: XTweet): { thread: string; post: string | null; parent: string | null } {
    const root = this.store.tweet(t.conversationId) ?? t;
    if (root.author.id !== this.account.id) return { thread: root.id, post: null, parent: t.parent?.id ?? null };
    let top = t;
    while (top.parent && top.parent.id !== root.id) top = top.parent;
    return { thread: top.id, post: root.id, parent: t.parent && t.parent.id !== root.id ? t.parent.id : null };
  }

  private truthOf(node: XTweet | XDmEvent, intent: TruthItem['intent'], language: TruthItem['language'], source: TruthItem['source']): TruthItem {
    const base = { network: 'x' as const, intent, language, source, createdAt: new Date(node.createdAt).toISOString() };
    if ('sender' in node) {
      return {
        ...base,
        kind: 'message',
        externalId: node.id,
        postExternalId: null,
        parentExternalId: null,
        threadExternalId: node.conversationId,
        author: { externalId: node.sender.id, name: node.sender.name },
        fromAccount: node.sender.id === this.account.id,
        text: node.text,
      };
    }
    const own = node.author.id === this.account.id;
    if (own && !node.parent) {
      return {
        ...base,
        kind: 'post',
        externalId: node.id,
        postExternalId: null,
        parentExternalId: null,
        threadExternalId: null,
        author: { externalId: node.author.id, name: node.author.name },
        fromAccount: true,
        text: node.text,
      };
    }
    const where = this.threadOf(node);
    return {
      ...base,
      kind: 'comment',
      externalId: node.id,
      postExternalId: where.post,
      parentExternalId: where.parent,
      threadExternalId: where.thread,
      author: { externalId: node.author.id, name: node.author.name },
      fromAccount: own,
      text: node.text,
    };
  }

  /** /_sim/x/...: tokens, rate-limit windows, and the Account Activity CRC check against the receiver. */
  async control(req: SimRequest, subpath: string): Promise<SimResponse | undefined> {
    const input = { ...Object.fromEntries(req.query), ...req.body } as Record<string, unknown>;
    if (req.method === 'GET' && subpath === '/tokens') {
      return json(200, { tokens: this.tokens.list().map((t) => ({ ...t, expiresAt: t.expiresAt === null ? null : new Date(t.expiresAt).toISOString() })) });
    }
    if (req.method === 'POST' && (subpath === '/tokens/expire' || subpath === '/tokens/revoke')) {
      const t = typeof input.token === 'string' ? this.tokens.get(input.token) : undefined;
      if (!t) return json(404, { error: { message: 'unknown token' } });
      if (subpath === '/tokens/expire') t.expiresAt = this.now() - 1;
      else t.revoked = true;
      return json(200, { expired: subpath === '/tokens/expire', revoked: t.revoked });
    }
    if (subpath === '/limits') {
      if (req.method === 'POST') {
        const windowSeconds = input.windowSeconds === undefined ? undefined : Number(input.windowSeconds);
        if (windowSeconds !== undefined && !(windowSeconds >= 1)) return json(400, { error: { message: 'windowSeconds must be ≥ 1' } });
        const limits = (input.limits ?? {}) as Record<string, unknown>;
        for (const [k, v] of Object.entries(limits)) if (!(Number(v) >= 1)) return json(400, { error: { message: `limit of ${k} must be ≥ 1` } });
        if (windowSeconds !== undefined) this.limits.windowMs = windowSeconds * 1000;
        for (const [k, v] of Object.entries(limits)) this.limits.limits[k] = Number(v);
        this.limits.reset();
      }
      return json(200, { windowSeconds: this.limits.windowMs / 1000, limits: this.limits.limits });
    }
    if (req.method === 'POST' && (subpath === '/tweets' || subpath === '/retweets')) {
      const result = controlTweet(this.store, subpath === '/retweets' ? 'retweet' : 'tweet', input, this.now());
      if (result.created) this.afterCreate([result.created], 'api');
      return result.response;
    }
    const leave = /^\/dm_conversations\/(\d+)\/leave$/.exec(subpath);
    if (req.method === 'POST' && leave) return this.leaveGroup(leave[1], input.user_id);
    if (req.method === 'POST' && subpath === '/crc') return this.crc(typeof input.url === 'string' ? input.url : undefined);
    return undefined;
  }

  /** POST /_sim/x/dm_conversations/:id/leave {user_id}: a member leaves a group (X's API has no call for it). */
  private leaveGroup(conversationId: string, userId: unknown): SimResponse {
    const group = this.store.dmGroups.get(conversationId);
    if (!group) return json(404, { error: { message: `no group conversation ${conversationId}` } });
    const member = typeof userId === 'string' && group.members.has(userId) ? this.store.user(userId) : undefined;
    if (!member) return json(400, { error: { message: 'user_id must name a member of the conversation' } });
    const event = this.store.leaveGroup(group, member, this.now());
    return json(200, { dm_event_id: event.id, members: [...group.members] });
  }

  /** What X does when a webhook is registered (and hourly after): GET ?crc_token=…, expect the HMAC back. */
  async crc(url?: string): Promise<SimResponse> {
    const target = url ?? (this.ctx.settings.webhookUrl ? `${this.ctx.settings.webhookUrl.replace(/\/+$/, '')}/x` : undefined);
    if (!target) return json(400, { error: { message: 'no webhook URL configured; pass {"url": ...}' } });
    // Opaque base64 like X's own tokens ("+" and "/" included, so the receiver's URL decoding is exercised).
    const crcToken = randomBytes(24).toString('base64');
    const u = new URL(target);
    u.searchParams.set('crc_token', crcToken);
    const expected = xSignature(this.app.consumerSecret, crcToken);
    try {
      const res = await fetch(u, { signal: AbortSignal.timeout(3_000) });
      const body = (await res.json().catch(() => null)) as { response_token?: string } | null;
      return json(200, {
        url: target,
        status: res.status,
        crcToken,
        responseToken: body?.response_token ?? null,
        valid: res.status === 200 && body?.response_token === expected,
      });
    } catch (error) {
      return json(200, { url: target, status: null, crcToken, error: (error as Error).message, valid: false });
    }
  }
}
