import { json, type SimRequest, type SimResponse } from '../../core/http';
import { errors } from './errors';
import type { FacebookState } from './state';
import type { FbComment, FbMessage } from './store';
import type { FbToken } from './tokens';

const STANDARD_WINDOW_MS = 24 * 3600_000;
const HUMAN_AGENT_WINDOW_MS = 7 * 24 * 3600_000;

const param = (req: SimRequest, name: string): unknown => req.body[name] ?? req.query.get(name) ?? undefined;

/** POST /{object-id}/comments: a reply written as the page (or the user behind a user token). */
export function postComment(state: FacebookState, req: SimRequest, token: FbToken, objectId: string): { response: SimResponse; created?: FbComment } {
  const target = state.store.post(objectId) ?? state.store.comment(objectId);
  if (!target) return { response: errors.unsupportedGet(objectId, 'post') };
  if (!token.scopes.includes('pages_manage_engagement')) return { response: errors.missingPermission('pages_manage_engagement') };
  const message = param(req, 'message');
  const attachment = param(req, 'attachment_url') ?? param(req, 'attachment_id');
  if ((typeof message !== 'string' || message.trim() === '') && !attachment) return { response: errors.emptyMessage() };
  const asPage = token.kind === 'page';
  const author = asPage ? state.store.page : state.adminUser;
  const created = state.store.addApiComment(target, author, asPage, String(message ?? ''), state.now());
  state.ctx.world.addReceived({
    network: 'facebook',
    at: new Date().toISOString(),
    kind: 'comment_reply',
    method: req.method,
    path: `/${objectId}/comments`,
    targetId: objectId,
    externalId: created.id,
    text: created.message,
    body: { ...Object.fromEntries(req.query), ...req.body, access_token: undefined },
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
  const message = parseJsonParam(param(req, 'message'));
  if (!recipient || typeof recipient.id !== 'string' && typeof recipient.id !== 'number') return { response: errors.invalidParam('param recipient must be non-empty.') };
  if (!message || typeof message.text !== 'string' || message.text === '') return { response: errors.invalidParam('param message must be non-empty.') };
  const messagingType = String(param(req, 'messaging_type') ?? 'RESPONSE');
  if (!['RESPONSE', 'UPDATE', 'MESSAGE_TAG'].includes(messagingType)) return { response: errors.invalidParam('Param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG}') };
  const tag = param(req, 'tag');
  const conversation = state.store.conversationWith(String(recipient.id));
  if (!conversation || conversation.lastInboundAt === null) return { response: errors.noMatchingUser() };
  const now = state.now();
  const window = messagingType === 'MESSAGE_TAG' && tag === 'HUMAN_AGENT' ? HUMAN_AGENT_WINDOW_MS : STANDARD_WINDOW_MS;
  if (now - conversation.lastInboundAt > window) return { response: errors.outsideMessagingWindow() };
  const created = state.store.addApiMessage(conversation.customer, message.text, now);
  state.ctx.world.addReceived({
    network: 'facebook',
    at: new Date().toISOString(),
    kind: 'private_message',
    method: req.method,
    path: `/${pageId}/messages`,
    targetId: conversation.customer.id,
    externalId: created.id,
    text: created.text,
    body: { recipient, message, messaging_type: messagingType, ...(tag ? { tag } : {}) },
  });
  return { response: json(200, { recipient_id: conversation.customer.id, message_id: created.id }), created };
}

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
