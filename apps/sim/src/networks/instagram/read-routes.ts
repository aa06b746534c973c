import { joinedParam, json, type SimResponse } from '../../core/http';
import { parseFields, type FieldSpec } from '../facebook/fields';
import { cursorPage, decodeCursor, encodeCursor, pageLink } from '../facebook/paging';
import type { Ordered } from '../facebook/store';
import { renderAccount, renderComment, renderConversation, renderMedia, renderMessage, type IgEdges } from './serialize';
import type { IgCall, InstagramState } from './state';
import { STORY_LIFETIME_MS, type IgComment, type IgConversation, type IgMedia } from './store';

/**
 * The read edges of both hosts. Paging reproduces the three forms of the recorded payloads
 * (FACTS.md §2): a page with more after it carries `cursors` and `next`; the last page of media,
 * comments, replies and conversations has no `paging` key at all; the last page of `/tags` keeps
 * `cursors.after` without `next`. Lists are newest first, as Instagram's.
 */
const MAX_LIMIT = 100;
type PagingForm = 'media' | 'after-next' | 'tags';

const isResponse = (v: unknown): v is SimResponse => typeof v === 'object' && v !== null && 'status' in v;

function limitOf(call: IgCall, fallback = 25): number | SimResponse {
  const raw = call.req.query.get('limit');
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) return call.errors.invalidParam('Param limit must be a non-negative integer');
  return Math.min(n, MAX_LIMIT);
}

function cursorOf(call: IgCall, name: 'after' | 'before'): number | null | SimResponse {
  const raw = call.req.query.get(name);
  if (raw === null || raw === '') return null;
  return decodeCursor(raw) ?? call.errors.invalidParam(`The ${name} parameter is not a valid cursor`);
}

const fieldsOf = (call: IgCall): FieldSpec[] | null => parseFields(joinedParam(call.req.query, 'fields'));

/** A paged edge, newest first, in one of Instagram's three paging forms. */
export function pagedEdge<T extends Ordered>(
  call: IgCall,
  path: string,
  list: readonly T[],
  form: PagingForm,
  render: (item: T) => Record<string, unknown>,
): SimResponse {
  const limit = limitOf(call);
  if (isResponse(limit)) return limit;
  const after = cursorOf(call, 'after');
  if (isResponse(after)) return after;
  const before = cursorOf(call, 'before');
  if (isResponse(before)) return before;
  const page = cursorPage(list, { limit, after, before, reverse: true });
  const body: Record<string, unknown> = { data: page.items.map(render) };
  if (page.items.length > 0 && (page.hasNext || form === 'tags')) {
    const first = encodeCursor(page.items[0].order);
    const last = encodeCursor(page.items[page.items.length - 1].order);
    const cursors = form === 'media' ? { before: first, after: last } : { after: last };
    const paging: Record<string, unknown> = { cursors };
    if (page.hasNext) paging.next = pageLink(call.base, `/${call.version}${path}`, call.req.query, { limit: String(limit), after: last, before: null });
    body.paging = paging;
  }
  return json(200, body);
}

/** Nested edges inside a node: `replies{…}` and `comments{…}` ({data} only), `messages{…}` (paged). */
export function nestedEdges(state: InstagramState, call: IgCall): IgEdges {
  const edges: IgEdges = (owner, spec) => {
    const limit = spec.modifiers.limit !== undefined ? Math.min(Number(spec.modifiers.limit) || 0, MAX_LIMIT) : 25;
    if ('messages' in owner) return messagesPage(state, call, owner, spec.sub, limit, null);
    const list: readonly IgComment[] = 'caption' in owner ? owner.comments : owner.replies;
    const newest = [...list].reverse().slice(0, limit);
    return { data: newest.map((c) => renderComment(c, spec.sub, state.store.account, edges)) };
  };
  return edges;
}

function messagesPage(
  state: InstagramState,
  call: IgCall,
  c: IgConversation,
  fields: FieldSpec[] | null,
  limit: number,
  after: number | null,
): Record<string, unknown> {
  const page = cursorPage(c.messages, { limit, after, reverse: true });
  const out: Record<string, unknown> = { data: page.items.map((m) => renderMessage(m, fields, state.store.account)) };
  if (page.items.length > 0 && page.hasNext) {
    const last = encodeCursor(page.items[page.items.length - 1].order);
    const keep = new URLSearchParams();
    const token = call.req.query.get('access_token');
    if (token) keep.set('access_token', token);
    if (fields) keep.set('fields', joinedParam(call.req.query, 'fields')?.match(/messages\{(.*)\}/)?.[1] ?? '');
    out.paging = { cursors: { after: last }, next: pageLink(call.base, `/${call.version}/${c.id}/messages`, keep, { limit: String(limit), after: last }) };
  }
  return out;
}

/** `since` / `until` (Unix seconds or a date), in whole seconds as Instagram's times are: null when absent, NaN when unreadable. */
function timeParam(call: IgCall, name: 'since' | 'until'): number | null {
  const raw = call.req.query.get(name);
  if (raw === null || raw === '') return null;
  return /^\d+$/.test(raw) ? Number(raw) : Math.floor(Date.parse(raw) / 1000);
}

export function getMedia(state: InstagramState, call: IgCall, userId: string): SimResponse {
  if (!state.isAccount(userId)) return call.errors.unsupported(userId);
  const fields = fieldsOf(call);
  const edges = nestedEdges(state, call);
  const since = timeParam(call, 'since');
  const until = timeParam(call, 'until');
  if (Number.isNaN(since) || Number.isNaN(until)) return call.errors.invalidParam('The parameters since and until must be Unix timestamps or dates');
  const list =
    since === null && until === null
      ? state.store.media
      : state.store.media.filter((m) => {
          const at = Math.floor(m.createdAt / 1000);
          return (since === null || at >= since) && (until === null || at <= until);
        });
  return pagedEdge(call, `/${userId}/media`, list, 'media', (m) => renderMedia(m, fields, state.store.account, edges));
}

export function getTags(state: InstagramState, call: IgCall, userId: string): SimResponse {
  if (!state.isAccount(userId)) return call.errors.unsupported(userId);
  const fields = fieldsOf(call);
  const edges = nestedEdges(state, call);
  return pagedEdge(call, `/${userId}/tags`, state.store.tagged, 'tags', (m) => renderMedia(m, fields, state.store.account, edges));
}

/** GET /{ig-user-id}/stories: the account's stories of the last 24 hours (`{data: [{id}]}` by default, no paging beyond them). */
export function getStories(state: InstagramState, call: IgCall, userId: string): SimResponse {
  if (!state.isAccount(userId)) return call.errors.unsupported(userId);
  const fields = fieldsOf(call);
  const edges = nestedEdges(state, call);
  return pagedEdge(call, `/${userId}/stories`, state.store.liveStories(state.now()), 'after-next', (m) => renderMedia(m, fields, state.store.account, edges));
}

/** GET /{media-id}/comments (top-level, newest first) and GET /{comment-id}/replies. */
export function getComments(state: InstagramState, call: IgCall, id: string, edge: 'comments' | 'replies'): SimResponse {
  const media = edge === 'comments' ? state.store.mediaItem(id) : undefined;
  const comment = edge === 'replies' ? state.store.comment(id) : undefined;
  // Comments on other people's media are read only through mentioned_comment / mentioned_media.
  if (media?.owner !== null && !comment) return call.errors.unsupported(id);
  if (comment?.parent) return json(200, { data: [] });
  const list: readonly IgComment[] = media ? media.comments : (comment?.replies ?? []);
  const fields = fieldsOf(call);
  const edges = nestedEdges(state, call);
  return pagedEdge(call, `/${id}/${edge}`, list, 'after-next', (c) => renderComment(c, fields, state.store.account, edges));
}

/** GET /{ig-user-id}/conversations?platform=instagram (Instagram Login) or /{page-id}/conversations?platform=instagram (Facebook Login). */
export function getConversations(state: InstagramState, call: IgCall, ownerId: string): SimResponse {
  const platform = call.req.query.get('platform')?.toLowerCase() ?? 'instagram';
  if (platform !== 'instagram') return call.errors.invalidParam('Param platform must be one of {INSTAGRAM}');
  const limit = limitOf(call);
  if (isResponse(limit)) return limit;
  const after = cursorOf(call, 'after');
  if (isResponse(after)) return after;
  const userId = call.req.query.get('user_id');
  const items: Array<{ order: number; conversation: IgConversation }> = [];
  let more = false;
  for (const u of state.store.conversationsNewestFirst(after ?? Infinity)) {
    if (userId !== null && u.conversation.customer.id !== userId) continue;
    if (items.length === limit) {
      more = true;
      break;
    }
    items.push(u);
  }
  const fields = fieldsOf(call);
  const edges = nestedEdges(state, call);
  const body: Record<string, unknown> = { data: items.map((u) => renderConversation(u.conversation, fields, state.store.account, edges)) };
  if (more) {
    const last = encodeCursor(items[items.length - 1].order);
    body.paging = {
      cursors: { after: last },
      next: pageLink(call.base, `/${call.version}/${ownerId}/conversations`, call.req.query, { limit: String(limit), after: last }),
    };
  }
  return json(200, body);
}

export function getMessages(state: InstagramState, call: IgCall, conversation: IgConversation): SimResponse {
  const limit = limitOf(call);
  if (isResponse(limit)) return limit;
  const after = cursorOf(call, 'after');
  if (isResponse(after)) return after;
  return json(200, messagesPage(state, call, conversation, fieldsOf(call), limit, after));
}

/** GET /{id}: the account (with mentioned_comment / mentioned_media expansions), a media, comment, conversation or message. */
export function getNode(state: InstagramState, call: IgCall, id: string): SimResponse {
  const fields = fieldsOf(call);
  const edges = nestedEdges(state, call);
  const { store } = state;
  const account = store.account;
  if (state.isAccount(id)) {
    // On graph.instagram.com the node's id is the app-scoped id; with Facebook Login the professional id.
    const ids =
      call.host === 'instagram' && id !== state.account.id
        ? { id: state.account.appScopedId, userId: state.account.id }
        : { id: state.account.id, userId: state.account.id };
    // An expansion naming a comment or media that does not mention the account fails the whole request.
    const problem: { error: SimResponse | null } = { error: null };
    const expansions = {
      mentioned_comment: (_: null, spec: FieldSpec) => {
        const c = store.comment(spec.modifiers.comment_id ?? '');
        if (!c?.mention) problem.error = call.errors.invalidParam('Invalid comment_id or the comment does not mention this account');
        return c?.mention ? renderComment(c, spec.sub ?? [{ name: 'id', modifiers: {}, sub: null }], account, edges) : undefined;
      },
      mentioned_media: (_: null, spec: FieldSpec) => {
        const m = store.mediaItem(spec.modifiers.media_id ?? '');
        if (m?.owner == null) problem.error = call.errors.invalidParam('Invalid media_id or the media does not mention this account');
        return m && m.owner !== null ? renderMedia(m, spec.sub ?? [{ name: 'id', modifiers: {}, sub: null }], account, edges) : undefined;
      },
    };
    const body = renderAccount(fields, ids, { username: account.username, name: account.name, mediaCount: store.media.length }, expansions);
    return problem.error ?? json(200, body);
  }
  const media = store.mediaItem(id);
  // A story is gone after 24 hours: its id no longer loads.
  if (media?.productType === 'STORY' && state.now() - media.createdAt >= STORY_LIFETIME_MS) return call.errors.unsupported(id);
  if (media) return json(200, renderMedia(media, fields, account, edges));
  const comment = store.comment(id);
  if (comment) return json(200, renderComment(comment, fields, account, edges));
  const conversation = store.conversation(id);
  if (conversation) return json(200, renderConversation(conversation, fields, account, edges));
  const message = store.message(id);
  if (message) return json(200, renderMessage(message, fields, account));
  return call.errors.unsupported(id);
}

export type { IgMedia };
