import { obj } from '@resonance/contracts';
import { json, type SimRequest, type SimResponse } from '../../core/http';
import { errors, graphError } from './errors';
import type { FacebookState } from './state';
import type { FbMessage } from './store';

/**
 * Private replies (developers.facebook.com/docs/messenger-platform/discovery/private-replies):
 * the Send API with `recipient: {comment_id}` answers a person's comment in Messenger. One per
 * comment, within 7 days of it, never to the page's own comment. The answer names the person
 * the message went to, and the comment's `private_reply_conversation` then names the conversation.
 */

const PRIVATE_REPLY_WINDOW_MS = 7 * 24 * 3600_000;

export function privateReply(
  state: FacebookState,
  req: SimRequest,
  commentId: string,
  message: unknown,
  pageId: string,
): { response: SimResponse; created?: FbMessage } {
  const comment = state.store.comment(commentId);
  if (!comment) return { response: errors.invalidParam(`Invalid comment_id: ${commentId}`) };
  const text = obj(message).text;
  if (typeof text !== 'string' || text === '') return { response: errors.invalidParam('param message must be non-empty.') };
  if (comment.fromPage) return { response: graphError({ status: 400, message: "(#10903) This activity can't be replied to", code: 10903 }) };
  if (comment.privateReply) return { response: graphError({ status: 400, message: '(#10900) Activity already replied to', code: 10900 }) };
  const now = state.now();
  if (now - comment.createdAt > PRIVATE_REPLY_WINDOW_MS)
    return { response: graphError({ status: 400, message: "(#10903) This activity can't be replied to", code: 10903 }) };
  const created = state.store.addApiMessage(comment.from, text, now);
  comment.privateReply = created.conversation.id;
  state.ctx.world.addReceived({
    network: 'facebook',
    at: new Date().toISOString(),
    kind: 'private_message',
    method: req.method,
    path: `/${pageId}/messages`,
    targetId: comment.from.id,
    externalId: created.id,
    text,
    body: { recipient: { comment_id: commentId }, message },
  });
  return { response: json(200, { recipient_id: comment.from.id, message_id: created.id }), created };
}
