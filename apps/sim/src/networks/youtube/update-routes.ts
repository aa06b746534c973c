import { obj } from '@resonance/contracts';
import { json, type SimRequest, type SimResponse } from '../../core/http';
import { errors, google } from './errors';
import { parts } from './params';
import { commentJson } from './serialize';
import type { YoutubeState } from './state';
import { WRITE_SCOPES, type YtToken } from './tokens';

/**
 * comments.update (PUT /youtube/v3/comments?part=snippet, body {id, snippet: {textOriginal}}):
 * its author edits a comment; anyone else's gets Google's 403 forbidden. Answers the comment as
 * it now stands (updatedAt moves, publishedAt stays).
 */
export function updateComment(state: YoutubeState, req: SimRequest, token: YtToken): SimResponse {
  const p = parts(req, ['id', 'snippet']);
  if ('error' in p) return p.error;
  if (!token.scopes.some((s) => WRITE_SCOPES.includes(s))) return errors.insufficientScope();
  if (req.badBody) return errors.parseError();
  const id = typeof req.body.id === 'string' ? req.body.id : '';
  if (!id) return errors.required('id');
  const text = obj(req.body.snippet).textOriginal;
  if (typeof text !== 'string' || !text.trim()) return errors.commentTextRequired();
  const comment = state.store.comment(id);
  if (!comment) return errors.commentNotFound();
  if (!comment.fromChannel || comment.author.channelId !== token.channelId)
    return google(403, 'forbidden', 'The comment could not be updated due to insufficient permissions. The request might not be properly authorized.', {
      domain: 'youtube.comment',
    });
  comment.text = text;
  comment.updatedAt = state.now();
  return json(200, commentJson(comment, state.store.channel.channelId, 'html'));
}

/**
 * oauth2.googleapis.com/tokeninfo: what Google knows of an access token, given as
 * ?access_token=, a form field, or (google-auth-library's getTokenInfo) a Bearer header.
 * Numbers come as strings, as Google sends them.
 */
export function tokenInfo(state: YoutubeState, req: SimRequest): SimResponse {
  const header = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  const value = req.query.get('access_token') ?? (typeof req.body.access_token === 'string' ? req.body.access_token : undefined) ?? header?.[1].trim();
  const token = value ? state.tokens.getAccess(value) : undefined;
  const now = state.now();
  if (!token || token.revoked || (token.expiresAt !== null && token.expiresAt <= now)) return errors.oauth(400, 'invalid_token', 'Invalid Value');
  const expiresAt = token.expiresAt ?? now + 3600_000;
  return json(200, {
    azp: token.clientId,
    aud: token.clientId,
    scope: token.scopes.join(' '),
    exp: String(Math.floor(expiresAt / 1000)),
    expires_in: String(Math.max(0, Math.floor((expiresAt - now) / 1000))),
  });
}
