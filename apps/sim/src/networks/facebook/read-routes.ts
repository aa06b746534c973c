import { joinedParam, json, type SimRequest, type SimResponse } from '../../core/http';
import { errors } from './errors';
import { fbTime, parseFields, unixSeconds, type FieldSpec } from './fields';
import { cursorPage, decodeCursor, encodeCursor, pageLink } from './paging';
import { reactionsField } from './reactions';
import { renderComment, renderConversation, renderMessage, renderPost, type EdgeRenderer } from './serialize';
import type { FacebookState } from './state';
import { isLive, upperBound, type FbComment, type FbConversation, type FbPost, type Ordered } from './store';
import type { FbToken } from './tokens';
import { must } from '../../core/must';
import { DEMO_INSTAGRAM_ACCOUNT } from '../../demo-accounts';

/** What every read route gets: the request, its token, and where its links point. */
export interface ReadCall {
  req: SimRequest;
  token: FbToken;
  version: string;
  /** `${origin}${mount}/${version}` */
  base: string;
}

const MAX_LIMIT = 100;

function limitOf(req: SimRequest, fallback = 25): number | SimResponse {
  const raw = req.query.get('limit');
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) return errors.invalidParam('Param limit must be a non-negative integer');
  return Math.min(n, MAX_LIMIT);
}

function cursorParam(req: SimRequest, name: 'after' | 'before'): number | null | SimResponse {
  const raw = req.query.get(name);
  if (raw === null || raw === '') return null;
  const order = decodeCursor(raw);
  return order ?? errors.invalidParam(`The ${name} parameter is not a valid cursor`);
}

const isResponse = (v: unknown): v is SimResponse => typeof v === 'object' && v !== null && 'status' in v;

/** A cursor-paged edge response: {data, paging: {cursors, previous?, next?}, summary?}. */
export function edgeResponse<T extends Ordered>(
  call: ReadCall,
  path: string,
  list: readonly T[],
  reverse: boolean,
  render: (item: T) => Record<string, unknown>,
  extra?: Record<string, unknown>,
): SimResponse {
  const limit = limitOf(call.req);
  if (isResponse(limit)) return limit;
  const after = cursorParam(call.req, 'after');
  if (isResponse(after)) return after;
  const before = cursorParam(call.req, 'before');
  if (isResponse(before)) return before;
  const page = cursorPage(list, { limit, after, before, reverse });
  const body: Record<string, unknown> = { data: page.items.map(render) };
  if (page.items.length > 0) {
    const first = encodeCursor(page.items[0].order);
    const last = encodeCursor(page.items[page.items.length - 1].order);
    const paging: Record<string, unknown> = { cursors: { before: first, after: last } };
    const link = (set: Record<string, string | null>) =>
      pageLink(call.base.replace(/\/v\d+\.\d+$/, ''), `/${call.version}${path}`, call.req.query, { limit: String(limit), ...set });
    if (page.hasPrevious) paging.previous = link({ before: first, after: null });
    if (page.hasNext) paging.next = link({ after: last, before: null });
    body.paging = paging;
  }
  if (extra) Object.assign(body, extra);
  return json(200, body);
}

function wantsSummary(req: SimRequest): boolean {
  const s = req.query.get('summary');
  return s !== null && s !== 'false' && s !== '0';
}

/** The request's `fields`, parsed once per request (not once per rendered item). */
function fieldsOf(call: ReadCall): FieldSpec[] | null {
  return parseFields(joinedParam(call.req.query, 'fields'));
}

/** Renders nested edges (`comments.summary(true).limit(0)`, `messages.limit(5){message}`) inside a node. */
export function nestedEdges(state: FacebookState): EdgeRenderer {
  const edges: EdgeRenderer = (owner, spec) => {
    if ((spec.name === 'reactions' || spec.name === 'likes') && !('messages' in owner)) return reactionsField(owner, state.store.page, spec.name, spec);
    const limit = spec.modifiers.limit !== undefined ? Math.min(Number(spec.modifiers.limit) || 0, MAX_LIMIT) : 25;
    if ('topLevel' in owner || 'replies' in owner) {
      const stream = spec.modifiers.filter === 'stream' && 'topLevel' in owner;
      const list: readonly FbComment[] = 'topLevel' in owner ? (stream ? owner.all : owner.topLevel) : owner.replies;
      const items = list.slice(0, limit).map((c) => renderComment(c, spec.sub, state.pageId, edges));
      const out: Record<string, unknown> = { data: items };
      if (items.length) out.paging = { cursors: { before: encodeCursor(list[0].order), after: encodeCursor(list[Math.min(limit, list.length) - 1].order) } };
      if (spec.modifiers.summary !== undefined && spec.modifiers.summary !== 'false') {
        out.summary = { order: 'chronological', total_count: list.length, can_comment: !('post' in owner) || owner.parent === null };
      }
      return out;
    }
    const messages = owner.messages;
    const newest = messages.slice(Math.max(0, messages.length - limit)).reverse();
    return { data: newest.map((m) => renderMessage(m, spec.sub, state.store.page)) };
  };
  return edges;
}

export function getFeed(state: FacebookState, call: ReadCall, pageId: string, edge: string): SimResponse {
  if (pageId !== state.pageId && pageId !== 'me') return errors.unsupportedGet(pageId);
  if (!call.token.scopes.includes('pages_read_engagement')) return errors.missingPermission('pages_read_engagement');
  // Unpublished and scheduled posts are in no feed until they go live (while there are none, no copy is made).
  const now = state.now();
  // Hidden posts only with include_hidden=true (a Page Feed parameter); the store counts neither, so filter only when asked.
  const includeHidden = call.req.query.get('include_hidden') === 'true';
  // /feed also lists what visitors wrote on the page and posts tagging it; /posts and /published_posts the page's own only.
  const own = edge !== 'feed';
  const filtered = state.store.unpublished > 0 || state.store.hiddenPosts > 0 || (own && state.store.visitorPosts > 0);
  const posts = filtered ? state.store.posts.filter((p) => isLive(p, now) && (includeHidden || !p.hidden) && !(own && p.visitor)) : state.store.posts;
  const edges = nestedEdges(state);
  const fields = fieldsOf(call);
  const render = (p: FbPost) => renderPost(p, fields, state.store.page, edges);
  const path = `/${pageId}/${edge}`;
  const q = call.req.query;
  // Cursor paging when the client sends cursors; otherwise Facebook's time-based paging.
  if (q.get('after') || q.get('before')) return edgeResponse(call, path, posts, true, render);

  const limit = limitOf(call.req);
  if (isResponse(limit)) return limit;
  // since/until are UNIX seconds, compared with the post's time in whole seconds.
  const since = q.get('since') ? Number(q.get('since')) : -Infinity;
  const until = q.get('until') ? Number(q.get('until')) : Infinity;
  if (Number.isNaN(since) || Number.isNaN(until)) return errors.invalidParam('since and until must be UNIX timestamps');
  const pagingToken = q.get('__paging_token');
  const token = pagingToken ? decodeCursor(pagingToken) : null;
  const previous = q.get('__previous') === '1';
  const items: FbPost[] = [];
  if (previous) {
    // Newer than the paging token, nearest first, shown newest first.
    for (let i = token !== null ? upperBound(posts, token) : 0; i < posts.length && items.length < limit; i++) {
      if (inWindow(posts[i], since, until)) items.push(posts[i]);
    }
    items.reverse();
  } else {
    for (let i = (token !== null ? upperBound(posts, token - 1) : posts.length) - 1; i >= 0 && items.length < limit; i--) {
      if (inWindow(posts[i], since, until)) items.push(posts[i]);
    }
  }
  const body: Record<string, unknown> = { data: items.map(render) };
  if (items.length > 0) {
    const first = items[0];
    const last = items[items.length - 1];
    const origin = call.base.replace(/\/v\d+\.\d+$/, '');
    const keep = new URLSearchParams([...q].filter(([k]) => !['since', 'until', '__paging_token', '__previous'].includes(k)));
    const paging: Record<string, unknown> = {
      previous: pageLink(origin, `/${call.version}${path}`, keep, {
        limit: String(limit),
        since: String(unixSeconds(first.createdAt)),
        __paging_token: encodeCursor(first.order),
        __previous: '1',
      }),
    };
    if (posts.indexOf(last) > 0 && items.length === limit) {
      paging.next = pageLink(origin, `/${call.version}${path}`, keep, {
        limit: String(limit),
        until: String(unixSeconds(last.createdAt)),
        __paging_token: encodeCursor(last.order),
      });
    }
    body.paging = paging;
  }
  return json(200, body);
}

const inWindow = (p: FbPost, since: number, until: number) => unixSeconds(p.createdAt) >= since && unixSeconds(p.createdAt) <= until;

export function getComments(state: FacebookState, call: ReadCall, objectId: string): SimResponse {
  const post = state.store.post(objectId);
  const comment = post ? undefined : state.store.comment(objectId);
  if (!post && !comment) return errors.unsupportedGet(objectId);
  if (!call.token.scopes.includes('pages_read_engagement')) return errors.missingPermission('pages_read_engagement');
  const q = call.req.query;
  const filter = q.get('filter') ?? 'toplevel';
  if (filter !== 'toplevel' && filter !== 'stream') return errors.invalidParam('Param filter must be one of {toplevel, stream}');
  // live_filter concerns live-video comments (low-quality filtering); the sim's posts are not live, so both values list all.
  const liveFilter = q.get('live_filter');
  if (liveFilter !== null && liveFilter !== 'filter_low_quality' && liveFilter !== 'no_filter')
    return errors.invalidParam('Param live_filter must be one of {filter_low_quality, no_filter}');
  const order = q.get('order') ?? 'chronological';
  if (order !== 'chronological' && order !== 'reverse_chronological' && order !== 'ranked') {
    return errors.invalidParam('Param order must be one of {chronological, reverse_chronological, ranked}');
  }
  const list: readonly FbComment[] = post ? (filter === 'stream' ? post.all : post.topLevel) : must(comment, 'comment').replies;
  const edges = nestedEdges(state);
  const fields = fieldsOf(call);
  const render = (c: FbComment) => renderComment(c, fields, state.pageId, edges);
  const summary = wantsSummary(call.req)
    ? { summary: { order: order === 'ranked' ? 'ranked' : order, total_count: list.length, can_comment: comment ? comment.parent === null : true } }
    : undefined;
  return edgeResponse(call, `/${objectId}/comments`, list, order === 'reverse_chronological', render, summary);
}

export function getConversations(state: FacebookState, call: ReadCall, pageId: string): SimResponse {
  if (pageId !== state.pageId && pageId !== 'me') return errors.unsupportedGet(pageId);
  if (call.token.kind !== 'page') return errors.pageTokenRequired();
  if (!call.token.scopes.includes('pages_messaging')) return errors.missingPermission('pages_messaging');
  const platform = call.req.query.get('platform')?.toLowerCase() ?? null;
  if (platform !== null && platform !== 'messenger' && platform !== 'instagram')
    return errors.invalidParam('Param platform must be one of {MESSENGER, INSTAGRAM}');
  // folder: every conversation of the sim is in the inbox (no spam, pending or done folders).
  const folder = call.req.query.get('folder')?.toLowerCase() ?? null;
  if (folder !== null && !FOLDERS.includes(folder)) return errors.invalidParam(`Param folder must be one of {${FOLDERS.join(', ')}}`);
  const limit = limitOf(call.req);
  if (isResponse(limit)) return limit;
  const after = cursorParam(call.req, 'after');
  if (isResponse(after)) return after;
  // Newest-updated first; the cursor is the update's order, so paging stays stable while walking.
  const items: Array<{ order: number; conversation: FbConversation }> = [];
  let more = false;
  // user_id (a PSID) narrows the list to the conversation with that person, as Graph documents.
  const userId = call.req.query.get('user_id');
  if (platform !== 'instagram' && (folder === null || folder === 'inbox')) {
    for (const u of state.store.conversationsNewestFirst(after ?? Infinity)) {
      if (userId !== null && u.conversation.customer.id !== userId) continue;
      if (items.length === limit) {
        more = true;
        break;
      }
      items.push(u);
    }
  }
  const edges = nestedEdges(state);
  const fields = fieldsOf(call);
  const body: Record<string, unknown> = {
    data: items.map((u) => renderConversation(u.conversation, fields, state.store.page, edges)),
  };
  if (items.length) {
    const first = encodeCursor(items[0].order);
    const last = encodeCursor(items[items.length - 1].order);
    const paging: Record<string, unknown> = { cursors: { before: first, after: last } };
    if (more)
      paging.next = pageLink(call.base.replace(/\/v\d+\.\d+$/, ''), `/${call.version}/${pageId}/conversations`, call.req.query, {
        limit: String(limit),
        after: last,
        before: null,
      });
    body.paging = paging;
  }
  return json(200, body);
}

const FOLDERS = ['inbox', 'page_done', 'other', 'pending', 'spam'];

export function getMessages(state: FacebookState, call: ReadCall, conversationId: string): SimResponse {
  const conversation = state.store.conversation(conversationId);
  if (!conversation) return errors.unsupportedGet(conversationId);
  if (call.token.kind !== 'page') return errors.pageTokenRequired();
  // Messages of a conversation come newest first.
  const fields = fieldsOf(call);
  return edgeResponse(call, `/${conversationId}/messages`, conversation.messages, true, (m) => renderMessage(m, fields, state.store.page));
}

/** GET /{id}: whatever node the id names. */
export function getNode(state: FacebookState, call: ReadCall, id: string): SimResponse {
  const fields = parseFields(joinedParam(call.req.query, 'fields'));
  const edges = nestedEdges(state);
  const { store } = state;
  if (id === 'me') {
    if (call.token.kind === 'page') return getNode(state, call, state.pageId);
    return json(200, pickUser({ name: state.adminUser.name, id: state.adminUser.id }, fields));
  }
  if (id === state.pageId) {
    const all: Record<string, unknown> = {
      name: state.pageName,
      id: state.pageId,
      username: 'resonancedemoshop',
      category: 'Sportswear Store',
      link: `https://www.facebook.com/resonancedemoshop`,
      fan_count: 48_210,
      followers_count: 51_377,
      // The Instagram professional account linked to the page (Instagram API with Facebook Login).
      instagram_business_account: { id: DEMO_INSTAGRAM_ACCOUNT.id },
      connected_instagram_account: { id: DEMO_INSTAGRAM_ACCOUNT.id },
    };
    return json(200, pickUser(all, fields));
  }
  const post = store.post(id);
  if (post) return json(200, renderPost(post, fields, store.page, edges));
  const comment = store.comment(id);
  if (comment) return json(200, renderComment(comment, fields, state.pageId, edges));
  const message = store.message(id);
  if (message) return json(200, renderMessage(message, fields, store.page));
  const conversation = store.conversation(id);
  if (conversation) return json(200, renderConversation(conversation, fields, store.page, edges));
  // Messenger's User Profile API: a PSID of someone who wrote to the page, read with the page token.
  const customer = store.conversationWith(id)?.customer;
  if (customer) {
    if (call.token.kind !== 'page') return errors.pageTokenRequired();
    const [first = '', ...rest] = customer.name.split(' ');
    const profile = {
      id: customer.id,
      name: customer.name,
      first_name: first,
      last_name: rest.join(' '),
      profile_pic: `https://platform-lookaside.fbsbx.com/platform/profilepic/?psid=${customer.id}`,
    };
    return json(
      200,
      fields ? pickUser(profile, fields) : { first_name: profile.first_name, last_name: profile.last_name, profile_pic: profile.profile_pic, id: profile.id },
    );
  }
  return errors.unsupportedGet(id);
}

function pickUser(all: Record<string, unknown>, fields: FieldSpec[] | null): Record<string, unknown> {
  if (!fields) return { name: all.name, id: all.id };
  const out: Record<string, unknown> = {};
  for (const f of fields) if (f.name in all) out[f.name] = all[f.name];
  out.id = all.id;
  return out;
}

/** GET /me/accounts with a user token: the pages the user manages, with their page tokens. */
export function getAccounts(state: FacebookState, call: ReadCall): SimResponse {
  if (call.token.kind !== 'user') return errors.nonexistingField('accounts', 'Page');
  if (call.token.userId !== state.adminUser.id || !call.token.scopes.includes('pages_show_list')) return json(200, { data: [] });
  // A page token derived from a long-lived user token does not expire; from a short-lived one it lives as long.
  const longLived = call.token.expiresAt === null || call.token.expiresAt - state.now() > 24 * 3600_000;
  const pageToken = state.tokens.issue({
    kind: 'page',
    userId: call.token.userId,
    pageId: state.pageId,
    appId: call.token.appId,
    scopes: call.token.scopes,
    expiresAt: longLived ? null : call.token.expiresAt,
  });
  const cursor = Buffer.from(state.pageId).toString('base64');
  return json(200, {
    data: [
      {
        access_token: pageToken.token,
        category: 'Sportswear Store',
        category_list: [{ id: '186982054657561', name: 'Sportswear Store' }],
        name: state.pageName,
        id: state.pageId,
        tasks: ['ANALYZE', 'ADVERTISE', 'MESSAGING', 'MODERATE', 'CREATE_CONTENT', 'MANAGE'],
        ...linkedInstagram(fieldsOf(call)),
      },
    ],
    paging: { cursors: { before: cursor, after: cursor } },
  });
}

/** `instagram_business_account{id,username,name}` in /me/accounts: the Instagram account linked to the page, when asked for. */
function linkedInstagram(fields: FieldSpec[] | null): Record<string, unknown> {
  const spec = fields?.find((f) => f.name === 'instagram_business_account');
  if (!spec) return {};
  const all: Record<string, unknown> = { id: DEMO_INSTAGRAM_ACCOUNT.id, username: DEMO_INSTAGRAM_ACCOUNT.username, name: DEMO_INSTAGRAM_ACCOUNT.name };
  return { instagram_business_account: spec.sub ? pickUser(all, spec.sub) : { id: DEMO_INSTAGRAM_ACCOUNT.id } };
}

export { fbTime };
