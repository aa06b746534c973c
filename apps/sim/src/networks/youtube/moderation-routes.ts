import type { SimRequest, SimResponse } from '../../core/http';
import type { ReceivedItem } from '../../core/world';
import { errors } from './errors';
import type { YoutubeState } from './state';
import type { YtComment } from './store';
import { WRITE_SCOPES, type YtToken } from './tokens';

/**
 * Moderation as the channel (YouTube Data API v3, youtube.force-ssl):
 *   POST   /youtube/v3/comments/setModerationStatus?id=…&moderationStatus=published|heldForReview|rejected[&banAuthor=true]
 *   DELETE /youtube/v3/comments?id=…
 * Both answer 204 without a body and cost 50 units. setModerationStatus applies to comments on the
 * channel's videos by others (banAuthor only with rejected); delete only to the channel's own
 * comments. Unknown ids: commentNotFound. Accepted calls are recorded in /_sim/received
 * (comment_hide for rejected, comment_unhide for published, comment_hold, comment_ban, comment_delete).
 */
const STATUSES = ['published', 'heldForReview', 'rejected'] as const;
const noContent = (): SimResponse => ({ status: 204, raw: { contentType: 'application/json', data: '' } });
const forbidden = (message: string): SimResponse => errors.invalidParam('id', message, 'forbidden');

function record(state: YoutubeState, req: SimRequest, kind: ReceivedItem['kind'], path: string, c: YtComment): void {
  state.record(req, kind, path, c.id, c.id, c.text, Object.fromEntries(req.query));
}

function target(state: YoutubeState, req: SimRequest, token: YtToken): { comment: YtComment } | { error: SimResponse } {
  if (!token.scopes.some((s) => WRITE_SCOPES.includes(s))) return { error: errors.insufficientScope() };
  const id = req.query.get('id');
  if (!id) return { error: errors.required('id') };
  const comment = state.store.comment(id);
  return comment ? { comment } : { error: errors.commentNotFound() };
}

export function setModerationStatus(state: YoutubeState, req: SimRequest, token: YtToken): SimResponse {
  const found = target(state, req, token);
  if ('error' in found) return found.error;
  const status = req.query.get('moderationStatus');
  const known = STATUSES.find((s) => s === status);
  if (!known)
    return errors.invalidParam('moderationStatus', 'The moderationStatus parameter must be published, heldForReview or rejected.', 'invalidModerationStatus');
  const ban = req.query.get('banAuthor') === 'true';
  if (ban && known !== 'rejected')
    return errors.invalidParam('banAuthor', 'The banAuthor parameter can only be used with moderationStatus rejected.', 'banWithoutReject');
  const c = found.comment;
  if (c.fromChannel) return forbidden("The channel's own comments cannot be moderated.");
  c.moderationStatus = known;
  if (ban) state.store.bannedAuthors.add(c.author.channelId);
  const kind = ban ? 'comment_ban' : known === 'rejected' ? 'comment_hide' : known === 'published' ? 'comment_unhide' : 'comment_hold';
  record(state, req, kind, '/youtube/v3/comments/setModerationStatus', c);
  return noContent();
}

export function deleteComment(state: YoutubeState, req: SimRequest, token: YtToken): SimResponse {
  const found = target(state, req, token);
  if ('error' in found) return found.error;
  if (!found.comment.fromChannel) return forbidden('Only the comment author can delete a comment; use setModerationStatus for comments by others.');
  record(state, req, 'comment_delete', '/youtube/v3/comments', found.comment);
  state.store.removeComment(found.comment);
  return noContent();
}
