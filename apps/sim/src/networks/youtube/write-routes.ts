import { obj } from '@resonance/contracts';
import { json, type SimRequest, type SimResponse } from '../../core/http';
import { errors } from './errors';
import { parts } from './params';
import { commentJson, threadJson } from './serialize';
import type { YoutubeState } from './state';
import type { YtComment } from './store';
import { WRITE_SCOPES, type YtToken } from './tokens';

/**
 * comments.insert (POST /youtube/v3/comments?part=snippet, body {snippet: {parentId, textOriginal}}):
 * a reply as the token's channel under a top-level comment. Replies to a reply go under its
 * top-level comment, as YouTube keeps two levels. Recorded in /_sim/received.
 */
export function insertComment(state: YoutubeState, req: SimRequest, token: YtToken): { response: SimResponse; created?: YtComment } {
  const p = parts(req, ['id', 'snippet']);
  if ('error' in p) return { response: p.error };
  if (!token.scopes.some((s) => WRITE_SCOPES.includes(s))) return { response: errors.insufficientScope() };
  if (req.badBody) return { response: errors.parseError() };
  const snippet = obj(req.body.snippet);
  const parentId = typeof snippet.parentId === 'string' ? snippet.parentId : '';
  const text = typeof snippet.textOriginal === 'string' ? snippet.textOriginal : '';
  if (!parentId)
    return {
      response: errors.invalidParam(
        'snippet.parentId',
        'The comment must specify snippet.parentId (top-level comments are inserted with commentThreads.insert).',
        'parentIdMissing',
      ),
    };
  if (!text.trim()) return { response: errors.commentTextRequired() };
  const parent = state.store.comment(parentId);
  if (!parent) return { response: errors.parentCommentNotFound() };
  const created = state.store.addApiReply(parent.thread, text, state.now());
  const body = commentJson(created, state.store.channel.channelId, 'html');
  state.ctx.world.addReceived({
    network: 'youtube',
    at: new Date(state.now()).toISOString(),
    kind: 'comment_reply',
    method: 'POST',
    path: '/youtube/v3/comments',
    targetId: parent.thread.id,
    externalId: created.id,
    text,
    body: req.body,
  });
  return { response: json(200, body), created };
}

/**
 * commentThreads.insert (POST /youtube/v3/commentThreads?part=snippet, body {snippet: {videoId,
 * topLevelComment: {snippet: {textOriginal}}}}): a new top-level comment as the token's channel
 * under one of its videos. Recorded in /_sim/received as comment_create.
 */
export function insertCommentThread(state: YoutubeState, req: SimRequest, token: YtToken): { response: SimResponse; created?: YtComment } {
  const p = parts(req, ['id', 'snippet', 'replies']);
  if ('error' in p) return { response: p.error };
  if (!token.scopes.some((s) => WRITE_SCOPES.includes(s))) return { response: errors.insufficientScope() };
  if (req.badBody) return { response: errors.parseError() };
  const snippet = obj(req.body.snippet);
  const videoId = typeof snippet.videoId === 'string' ? snippet.videoId : '';
  const text = obj(obj(snippet.topLevelComment).snippet).textOriginal;
  if (!videoId) return { response: errors.invalidParam('snippet.videoId', 'The comment thread must specify snippet.videoId.', 'invalidVideoId') };
  if (typeof text !== 'string' || !text.trim()) return { response: errors.commentTextRequired() };
  const video = state.store.video(videoId);
  if (!video) return { response: errors.videoNotFound() };
  const created = state.store.addApiThread(video, text, state.now());
  state.ctx.world.addReceived({
    network: 'youtube',
    at: new Date(state.now()).toISOString(),
    kind: 'comment_create',
    method: 'POST',
    path: '/youtube/v3/commentThreads',
    targetId: video.id,
    externalId: created.id,
    text,
    body: req.body,
  });
  return { response: json(200, threadJson(created.thread, state.store.channel.channelId, p.ok, 'html')), created };
}
