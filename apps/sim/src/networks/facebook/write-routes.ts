import { json, type SimRequest, type SimResponse } from '../../core/http';
import { errors, graphError } from './errors';
import type { FacebookState } from './state';
import type { FbComment, FbMessage } from './store';
import type { FbToken } from './tokens';
import { privateReply } from './private-replies';
import { param } from './post-extras';
import { filePart, imageType } from './upload';
import { attachmentProblem, quickRepliesProblem, type SentContent } from './send-content';
import { sendPersona } from './personas';

const STANDARD_WINDOW_MS = 24 * 3600_000;
const HUMAN_AGENT_WINDOW_MS = 7 * 24 * 3600_000;

/** POST /{object-id}/comments: a reply written as the page (or the user behind a user token). */
export function postComment(state: FacebookState, req: SimRequest, token: FbToken, objectId: string): { response: SimResponse; created?: FbComment } {
  const target = state.store.post(objectId) ?? state.store.comment(objectId);
  if (!target) return { response: errors.unsupportedGet(objectId, 'post') };
  if (!token.scopes.includes('pages_manage_engagement')) return { response: errors.missingPermission('pages_manage_engagement') };
  const message = param(req, 'message');
  // A photo as attachment_url, attachment_id, or the file itself (`source`, multipart).
  const photo = param(req, 'attachment_url') ?? param(req, 'attachment_id') ?? (filePart(req, 'source') ? 'source' : undefined);
  const share = param(req, 'attachment_share_url');
  if ([photo, share].filter((v) => v !== undefined).length > 1)
    return { response: errors.invalidParam('Only one of attachment_id, attachment_url or attachment_share_url may be given') };
  if (share !== undefined && !(typeof share === 'string' && /^https?:\/\//.test(share)))
    return { response: errors.invalidParam('Param attachment_share_url must be a URL') };
  const file = filePart(req, 'source');
  if (file && !imageType(file.data)) return { response: graphError({ status: 400, message: '(#324) Missing or invalid image file', code: 324 }) };
  if ((typeof message !== 'string' || message.trim() === '') && !photo && !share) return { response: errors.emptyMessage() };
  const asPage = token.kind === 'page';
  const author = asPage ? state.store.page : state.adminUser;
  const created = state.store.addApiComment(target, author, asPage, typeof message === 'string' ? message : '', state.now());
  if (photo) created.attached = { kind: 'photo' };
  else if (typeof share === 'string') created.attached = { kind: 'share', url: share };
  state.ctx.world.addReceived({
    network: 'facebook',
    at: new Date().toISOString(),
    kind: 'comment_reply',
    method: req.method,
    path: `/${objectId}/comments`,
    targetId: objectId,
    externalId: created.id,
    text: created.message,
    body: { ...Object.fromEntries(req.query), ...req.body, access_token: undefined, source: undefined },
  });
  return { response: json(200, { id: created.id }), created };
}

/**
 * POST /{page-id}/messages (Send API). Outside the 24-hour standard window only a MESSAGE_TAG
 * of HUMAN_AGENT (7 days) may be sent; everything else gets Facebook's (#10) 2018278 error.
 */
export function sendMessage(state: FacebookState, req: SimRequest, token: FbToken, pageId: string): { response: SimResponse; created?: FbMessage } {
  if (pageId !== state.pageId && pageId !== 'me') return { response: errors.unsupportedGet(pageId, 'post') };
  if (token.kind !== 'page') return { response: errors.pageTokenRequired() };
  if (!token.scopes.includes('pages_messaging')) return { response: errors.missingPermission('pages_messaging') };
  const recipient = parseJsonParam(param(req, 'recipient'));
  if (typeof recipient?.comment_id === 'string') return privateReply(state, req, recipient.comment_id, parseJsonParam(param(req, 'message')), pageId);
  if (!recipient || (typeof recipient.id !== 'string' && typeof recipient.id !== 'number'))
    return { response: errors.invalidParam('param recipient must be non-empty.') };
  // persona_id: the page's persona the message (or typing action) is sent as.
  const persona = sendPersona(state, req);
  if (typeof persona === 'object') return { response: persona };
  // A sender action (typing_on, typing_off, mark_seen) is sent instead of a message, and answers with the recipient only.
  const action = param(req, 'sender_action');
  if (action !== undefined && param(req, 'message') === undefined) {
    if (typeof action !== 'string' || !SENDER_ACTIONS.includes(action))
      return { response: errors.invalidParam(`param sender_action must be one of {${SENDER_ACTIONS.join(', ')}}`) };
    if (!state.store.conversationWith(String(recipient.id))) return { response: errors.noMatchingUser() };
    return { response: json(200, { recipient_id: String(recipient.id) }) };
  }
  const message = parseJsonParam(param(req, 'message'));
  const text = typeof message?.text === 'string' && message.text !== '' ? message.text : undefined;
  const attachment = message?.attachment;
  if (!message || (text === undefined) === (attachment === undefined)) return { response: errors.invalidParam('param message must be non-empty.') };
  const badAttachment = attachment === undefined ? null : attachmentProblem(attachment);
  if (badAttachment) return { response: errors.invalidParam(badAttachment) };
  const badQuickReplies = quickRepliesProblem(message.quick_replies);
  if (badQuickReplies) return { response: errors.invalidParam(badQuickReplies) };
  if (message.metadata !== undefined && !(typeof message.metadata === 'string' && message.metadata.length <= 1000))
    return { response: errors.invalidParam('param message[metadata] must be a string of at most 1000 characters') };
  const messagingType = param(req, 'messaging_type') ?? 'RESPONSE';
  if (typeof messagingType !== 'string' || !['RESPONSE', 'UPDATE', 'MESSAGE_TAG'].includes(messagingType))
    return { response: errors.invalidParam('Param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG}') };
  const notification = param(req, 'notification_type');
  if (notification !== undefined && !(typeof notification === 'string' && NOTIFICATION_TYPES.includes(notification)))
    return { response: errors.invalidParam(`Param notification_type must be one of {${NOTIFICATION_TYPES.join(', ')}}`) };
  const tag = param(req, 'tag');
  const conversation = state.store.conversationWith(String(recipient.id));
  if (!conversation) return { response: errors.noMatchingUser() };
  if (conversation.lastInboundAt === null) return { response: errors.noMatchingUser() };
  const now = state.now();
  const window = messagingType === 'MESSAGE_TAG' && tag === 'HUMAN_AGENT' ? HUMAN_AGENT_WINDOW_MS : STANDARD_WINDOW_MS;
  if (now - conversation.lastInboundAt > window) return { response: errors.outsideMessagingWindow() };
  // Kept as sent, so GET /{message} and the echo show the attachment or template (send-content.ts).
  const sent: SentContent = {
    ...(attachment !== undefined ? { attachment: attachment as SentContent['attachment'] } : {}),
    ...(Array.isArray(message.quick_replies) ? { quickReplies: message.quick_replies as SentContent['quickReplies'] } : {}),
    ...(typeof message.metadata === 'string' ? { metadata: message.metadata } : {}),
  };
  const created = state.store.addApiMessage(conversation.customer, text ?? '', now, Object.keys(sent).length ? sent : undefined);
  state.ctx.world.addReceived({
    network: 'facebook',
    at: new Date().toISOString(),
    kind: 'private_message',
    method: req.method,
    path: `/${pageId}/messages`,
    targetId: conversation.customer.id,
    externalId: created.id,
    text: created.text,
    body: {
      recipient,
      message,
      messaging_type: messagingType,
      ...(tag ? { tag } : {}),
      ...(notification ? { notification_type: notification } : {}),
      ...(persona ? { persona_id: persona } : {}),
    },
  });
  return { response: json(200, { recipient_id: conversation.customer.id, message_id: created.id }), created };
}

const SENDER_ACTIONS = ['typing_on', 'typing_off', 'mark_seen'];
/** How the recipient is notified (push, silent, none): accepted and recorded; the sim has no devices to notify. */
const NOTIFICATION_TYPES = ['REGULAR', 'SILENT_PUSH', 'NO_PUSH'];

/** Send API clients post JSON objects, or form fields holding JSON text. */
function parseJsonParam(value: unknown): Record<string, unknown> | null {
  if (value && typeof value === 'object') return value as Record<string, unknown>;
  if (typeof value !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
