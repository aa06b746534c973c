import { json, type SimRequest, type SimResponse } from '../../core/http';
import type { ReceivedItem } from '../../core/world';
import { errors, graphError } from './errors';
import type { FacebookState } from './state';
import type { FbComment } from './store';
import type { FbToken } from './tokens';

/**
 * Comment moderation as the page (Graph API):
 *   POST   /{comment-id}/likes              like as the page
 *   DELETE /{comment-id}/likes              take the like back
 *   POST   /{comment-id}  is_hidden=true|false   hide / unhide
 *   DELETE /{comment-id}                    delete
 * Each answers {"success": true}. Unknown ids get GraphMethodException 100/33; a token that is not
 * the page's own (a user token, another page) gets (#200) Permissions error; a token without
 * pages_manage_engagement gets the missing-permission error. Every accepted call is recorded in
 * /_sim/received, and its effect shows in later reads (is_hidden, user_likes, like_count; deleted
 * comments disappear from /comments and GET /{id}).
 */
export type ModerationKind = 'like' | 'unlike' | 'hide' | 'unhide' | 'delete' | 'edit';

const permissionsError = () => graphError({ status: 403, message: '(#200) Permissions error', code: 200 });

function authorize(state: FacebookState, token: FbToken, commentId: string, method: string): { comment: FbComment } | { error: SimResponse } {
  const comment = state.store.comment(commentId);
  if (!comment) return { error: errors.unsupportedGet(commentId, method) };
  if (!token.scopes.includes('pages_manage_engagement')) return { error: errors.missingPermission('pages_manage_engagement') };
  // Only the page whose post the comment is on may moderate it, and only with its page token.
  if (token.kind !== 'page' || token.pageId !== state.pageId) return { error: permissionsError() };
  return { comment };
}

function record(state: FacebookState, req: SimRequest, kind: ModerationKind, path: string, comment: FbComment): void {
  const item: ReceivedItem = {
    network: 'facebook',
    at: new Date().toISOString(),
    kind: `comment_${kind}`,
    method: req.method,
    path,
    targetId: comment.id,
    externalId: comment.id,
    text: comment.message,
    body: { ...Object.fromEntries(req.query), ...req.body, access_token: undefined },
  };
  state.ctx.world.addReceived(item);
}

const success = () => json(200, { success: true });

/** POST|DELETE /{comment-id}/likes */
export function likeComment(state: FacebookState, req: SimRequest, token: FbToken, commentId: string, like: boolean): SimResponse {
  const found = authorize(state, token, commentId, like ? 'post' : 'delete');
  if ('error' in found) return found.error;
  const { comment } = found;
  if (comment.likedByPage !== like) comment.likeCount += like ? 1 : -1;
  comment.likedByPage = like;
  record(state, req, like ? 'like' : 'unlike', `/${commentId}/likes`, comment);
  return success();
}

/** POST /{comment-id} with is_hidden: hide or unhide; with message: edit a comment the page wrote. */
export function updateComment(state: FacebookState, req: SimRequest, token: FbToken, commentId: string): SimResponse {
  const found = authorize(state, token, commentId, 'post');
  if ('error' in found) return found.error;
  const { comment } = found;
  const message = req.body.message ?? req.query.get('message');
  if (message !== undefined && message !== null) {
    // Only its author edits a comment; the page's token writes as the page.
    if (!comment.fromPage) return permissionsError();
    if (typeof message !== 'string' || message.trim() === '') return errors.emptyMessage();
    comment.message = message;
    record(state, req, 'edit', `/${commentId}`, comment);
    return success();
  }
  const raw = req.body.is_hidden ?? req.query.get('is_hidden');
  if (raw === undefined || raw === null) return errors.invalidParam('The parameter is_hidden or message is required');
  const value = (typeof raw === 'string' ? raw : JSON.stringify(raw)).toLowerCase();
  if (!['true', 'false', '1', '0'].includes(value)) return errors.invalidParam('Param is_hidden must be a boolean');
  const hide = value === 'true' || value === '1';
  if (comment.fromPage) return errors.invalidParam("A comment posted by the page can't be hidden");
  comment.hidden = hide;
  record(state, req, hide ? 'hide' : 'unhide', `/${commentId}`, comment);
  return success();
}

/** DELETE /{comment-id} */
export function deleteComment(state: FacebookState, req: SimRequest, token: FbToken, commentId: string): SimResponse {
  const found = authorize(state, token, commentId, 'delete');
  if ('error' in found) return found.error;
  record(state, req, 'delete', `/${commentId}`, found.comment);
  state.store.removeComment(found.comment);
  return success();
}

/**
 * The Page's blocked edge (page token): POST /{page}/blocked user={id} → {"<id>": true} (recorded as
 * user_block), GET /{page}/blocked[?user={id}] → {data: [{id, name}]} — the one person when they are
 * blocked, else empty. Unknown people: (#100) invalid user id.
 */
export function blockedEdge(state: FacebookState, req: SimRequest, token: FbToken, pageId: string): SimResponse {
  if (token.kind !== 'page' || token.pageId !== state.pageId || pageId !== state.pageId) return permissionsError();
  const raw = req.body.user ?? req.query.get('user');
  const userId = typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : null;
  if (req.method === 'GET') {
    const list = userId === null ? [...state.store.blocked.values()] : [state.store.blocked.get(userId)].filter((u) => u !== undefined);
    return json(200, { data: list.map((u) => ({ id: u.id, name: u.name })) });
  }
  if (!token.scopes.includes('pages_manage_engagement')) return errors.missingPermission('pages_manage_engagement');
  const user = userId === null ? undefined : state.store.commenter(userId);
  if (!user) return errors.invalidParam('Invalid user id');
  state.store.blocked.set(user.id, user);
  state.ctx.world.addReceived({
    network: 'facebook',
    at: new Date().toISOString(),
    kind: 'user_block',
    method: req.method,
    path: `/${pageId}/blocked`,
    targetId: user.id,
    externalId: user.id,
    text: user.name,
    body: { user: user.id },
  });
  return json(200, { [user.id]: true });
}
