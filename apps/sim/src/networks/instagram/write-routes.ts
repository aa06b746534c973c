import { obj } from '@resonance/contracts';
import { json, type SimRequest, type SimResponse } from '../../core/http';
import type { ReceivedItem } from '../../core/world';
import { parseFields } from '../facebook/fields';
import { nestedEdges } from './read-routes';
import { renderComment } from './serialize';
import type { IgCall, InstagramState } from './state';
import type { IgComment, IgMessage } from './store';
import { sendContent } from './send-api';

/**
 * The writes of both hosts, each recorded in /_sim/received exactly when Instagram would have
 * acted (a refused call records nothing):
 *   POST   /{comment-id}/replies  message=…       reply (to a reply: attaches to its top-level comment)
 *   POST   /{ig-user-id}/mentions media_id, comment_id, message   reply to a comment that mentions the account
 *   POST   /{comment-id}  hide=true|false         hide / unhide → {"success": true}
 *   DELETE /{comment-id}                          delete → {"success": true}
 *   POST   /{ig-user-id}/messages (Instagram Login) or /{page-id}/messages (Facebook Login):
 *          recipient {id} → a DM inside the 24-hour window (HUMAN_AGENT tag: 7 days);
 *          recipient {comment_id} → a private reply, one per comment within 7 days of it.
 */
const STANDARD_WINDOW_MS = 24 * 3600_000;
const HUMAN_AGENT_WINDOW_MS = 7 * 24 * 3600_000;
const PRIVATE_REPLY_WINDOW_MS = 7 * 24 * 3600_000;

export type IgCreated = { kind: 'comment'; comment: IgComment } | { kind: 'message'; message: IgMessage };

const param = (req: SimRequest, name: string): unknown => req.body[name] ?? req.query.get(name) ?? undefined;

function record(state: InstagramState, call: IgCall, item: Omit<ReceivedItem, 'network' | 'at' | 'method'>): void {
  state.ctx.world.addReceived({ network: 'instagram', at: new Date().toISOString(), method: call.req.method, ...item });
}

const cleanBody = (req: SimRequest) => ({ ...Object.fromEntries(req.query), ...req.body, access_token: undefined });

/** POST /{comment-id}/replies: the reply, and with `fields` the new comment object as the fixture shows. */
export function postReply(state: InstagramState, call: IgCall, commentId: string): { response: SimResponse; created?: IgCreated } {
  const target = state.store.comment(commentId);
  if (!target) return { response: call.errors.unsupported(commentId, 'post') };
  const message = param(call.req, 'message');
  if (typeof message !== 'string' || message.trim() === '') return { response: call.errors.invalidParam('The parameter message is required') };
  const top = target.parent ?? target;
  if (target.hidden || top.hidden) return { response: call.errors.hiddenComment() };
  if (!top.media.commentEnabled) return { response: call.errors.commentsDisabled() };
  const reply = state.store.addApiReply(top, message, state.now());
  record(state, call, {
    kind: 'comment_reply',
    path: `/${commentId}/replies`,
    targetId: commentId,
    externalId: reply.id,
    text: reply.text,
    body: cleanBody(call.req),
  });
  const fields = parseFields(call.req.query.get('fields'));
  const body = fields ? renderComment(reply, fields, state.store.account, nestedEdges(state, call)) : { id: reply.id };
  return { response: json(200, body), created: { kind: 'comment', comment: reply } };
}

/** POST /{ig-user-id}/mentions: a reply to a comment on someone else's media that mentions the account. */
export function postMentionReply(state: InstagramState, call: IgCall, userId: string): { response: SimResponse; created?: IgCreated } {
  if (!state.isAccount(userId)) return { response: call.errors.unsupported(userId, 'post') };
  const commentId = param(call.req, 'comment_id');
  const mediaId = param(call.req, 'media_id');
  const message = param(call.req, 'message');
  const comment = typeof commentId === 'string' ? state.store.comment(commentId) : undefined;
  if (!comment?.mention || comment.media.id !== mediaId) return { response: call.errors.invalidParam('Invalid media_id or comment_id for a mention reply') };
  if (typeof message !== 'string' || message.trim() === '') return { response: call.errors.invalidParam('The parameter message is required') };
  const reply = state.store.addApiReply(comment, message, state.now());
  record(state, call, {
    kind: 'comment_reply',
    path: `/${userId}/mentions`,
    targetId: comment.id,
    externalId: reply.id,
    text: reply.text,
    body: cleanBody(call.req),
  });
  return { response: json(200, { id: reply.id }), created: { kind: 'comment', comment: reply } };
}

/** POST /{media-id}?comment_enabled=true|false: turns comments on the account's media on or off. */
export function setCommentEnabled(state: InstagramState, call: IgCall, mediaId: string): SimResponse {
  const media = state.store.mediaItem(mediaId);
  if (media?.owner !== null || media.productType === 'STORY') return call.errors.unsupported(mediaId, 'post');
  const raw = param(call.req, 'comment_enabled');
  const value = typeof raw === 'string' ? raw.toLowerCase() : typeof raw === 'boolean' ? String(raw) : null;
  if (value !== 'true' && value !== 'false') return call.errors.invalidParam('The parameter comment_enabled is required and must be true or false');
  media.commentEnabled = value === 'true';
  return json(200, { success: true });
}

/** POST /{comment-id}?hide=true|false */
export function hideComment(state: InstagramState, call: IgCall, commentId: string): SimResponse {
  const comment = state.store.comment(commentId);
  if (!comment) return call.errors.unsupported(commentId, 'post');
  const raw = param(call.req, 'hide');
  const value = typeof raw === 'string' ? raw.toLowerCase() : typeof raw === 'boolean' ? String(raw) : null;
  if (value !== 'true' && value !== 'false') return call.errors.invalidParam('The parameter hide is required and must be true or false');
  if (comment.fromAccount) return call.errors.invalidParam("The account's own comments cannot be hidden");
  comment.hidden = value === 'true';
  record(state, call, {
    kind: comment.hidden ? 'comment_hide' : 'comment_unhide',
    path: `/${commentId}`,
    targetId: commentId,
    externalId: commentId,
    text: comment.text,
    body: cleanBody(call.req),
  });
  return json(200, { success: true });
}

/** DELETE /{comment-id} */
export function deleteComment(state: InstagramState, call: IgCall, commentId: string): SimResponse {
  const comment = state.store.comment(commentId);
  if (!comment) return call.errors.unsupported(commentId, 'delete');
  record(state, call, { kind: 'comment_delete', path: `/${commentId}`, targetId: commentId, externalId: commentId, text: comment.text, body: {} });
  state.store.removeComment(comment);
  return json(200, { success: true });
}

/** Send API parameters: JSON objects, or form fields holding JSON text. */
export function jsonParam(value: unknown): Record<string, unknown> | null {
  if (value && typeof value === 'object') return obj(value);
  if (typeof value !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === 'object' ? obj(parsed) : null;
  } catch {
    return null;
  }
}

/** POST /{ig-user-id|page-id}/messages: a DM to an IGSID (text or attachments), a sender action, or a private reply to a comment. */
export function sendMessage(state: InstagramState, call: IgCall, ownerId: string): { response: SimResponse; created?: IgCreated } {
  const recipient = jsonParam(param(call.req, 'recipient'));
  if (!recipient) return { response: call.errors.invalidParam('param recipient must be non-empty.') };
  const senderAction = param(call.req, 'sender_action');
  if (senderAction !== undefined) return { response: senderActionAnswer(state, call, recipient, senderAction) };
  const message = jsonParam(param(call.req, 'message'));
  const content = sendContent(state, message);
  if ('problem' in content) return { response: call.errors.invalidParam(content.problem) };
  const { text, attachments } = content;
  const now = state.now();
  const commentId = recipient.comment_id;
  if (typeof commentId === 'string' || typeof commentId === 'number') {
    const comment = state.store.comment(String(commentId));
    if (!comment) return { response: call.errors.invalidParam(`Invalid comment_id: ${String(commentId)}`) };
    if (comment.fromAccount || comment.privateReply || now - comment.createdAt > PRIVATE_REPLY_WINDOW_MS)
      return { response: call.errors.privateReplyRefused() };
    const created = state.store.addApiMessage(comment.from, text, now, attachments);
    if (content.sent) created.sent = content.sent;
    comment.privateReply = created.id;
    record(state, call, {
      kind: 'private_message',
      path: `/${ownerId}/messages`,
      targetId: comment.id,
      externalId: created.id,
      text,
      body: { recipient: { comment_id: comment.id }, message },
    });
    return { response: json(200, { recipient_id: comment.from.id, message_id: created.id }), created: { kind: 'message', message: created } };
  }
  const recipientId = typeof recipient.id === 'string' || typeof recipient.id === 'number' ? String(recipient.id) : null;
  if (recipientId === null) return { response: call.errors.invalidParam('param recipient must be non-empty.') };
  const conversation = state.store.conversationWith(recipientId);
  if (conversation?.lastInboundAt == null) return { response: call.errors.noMatchingUser() };
  const messagingType = param(call.req, 'messaging_type') ?? 'RESPONSE';
  const tag = param(call.req, 'tag');
  const humanAgent = messagingType === 'MESSAGE_TAG' && tag === 'HUMAN_AGENT';
  if (humanAgent && !state.humanAgentApproved) return { response: call.errors.humanAgentNotApproved() };
  const window = humanAgent ? HUMAN_AGENT_WINDOW_MS : STANDARD_WINDOW_MS;
  if (now - conversation.lastInboundAt > window) return { response: call.errors.outsideWindow() };
  const created = state.store.addApiMessage(conversation.customer, text, now, attachments);
  if (content.sent) created.sent = content.sent;
  record(state, call, {
    kind: 'private_message',
    path: `/${ownerId}/messages`,
    targetId: recipientId,
    externalId: created.id,
    text,
    body: { recipient, message, messaging_type: messagingType, ...(typeof tag === 'string' ? { tag } : {}) },
  });
  return { response: json(200, { recipient_id: recipientId, message_id: created.id }), created: { kind: 'message', message: created } };
}

const SENDER_ACTIONS = ['typing_on', 'typing_off', 'mark_seen', 'react', 'unreact'];

/**
 * `sender_action`: typing_on/typing_off/mark_seen → {recipient_id}; react/unreact with
 * `payload: {message_id, reaction: love}` on a customer's message → {recipient_id}. Nothing is stored
 * (the sim keeps no typing state, and Instagram lists a message's `reactions` from customers only); not in /_sim/received.
 */
function senderActionAnswer(state: InstagramState, call: IgCall, recipient: Record<string, unknown>, action: unknown): SimResponse {
  const recipientId = typeof recipient.id === 'string' || typeof recipient.id === 'number' ? String(recipient.id) : null;
  if (typeof action !== 'string' || !SENDER_ACTIONS.includes(action))
    return call.errors.invalidParam(`param sender_action must be one of {${SENDER_ACTIONS.join(', ')}}`);
  if (!recipientId || !state.store.conversationWith(recipientId)) return call.errors.noMatchingUser();
  if (action === 'react' || action === 'unreact') {
    const payload = jsonParam(param(call.req, 'payload'));
    const target = typeof payload?.message_id === 'string' ? state.store.message(payload.message_id) : undefined;
    if (target?.conversation.customer.id !== recipientId) return call.errors.invalidParam('param payload[message_id] must be a message in this conversation');
    if (action === 'react' && payload?.reaction !== 'love') return call.errors.invalidParam('param payload[reaction] must be love');
  }
  return json(200, { recipient_id: recipientId });
}
