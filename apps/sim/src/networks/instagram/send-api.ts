import { mediaNumber } from '../../core/media';
import type { InstagramState } from './state';
import type { IgAttachment } from './store';
import { quickRepliesProblem, templateProblem, type SentContent } from '../facebook/send-content';

/**
 * The `message` of Instagram's Send API (Instagram Messaging, "Send a Message"): text, or one
 * attachment `{type: image|video|audio|file, payload: {url} | {attachment_id}}`, several images as
 * `attachments: [{type: image, payload: {url}}, …]`, the heart sticker `{type: like_heart}`, or a
 * post of the account `{type: MEDIA_SHARE, payload: {id}}`. Text and an attachment do not go in
 * one message (Instagram sends them as two). Returns what the sim stores, or the (#100) text.
 */
export type SendContent = { text: string; attachments: IgAttachment[]; sent?: SentContent } | { problem: string };

/** Instagram's templates (Instagram Messaging "Generic Template", "Button Template", "Product Template"). */
const IG_TEMPLATES = ['generic', 'button', 'product'];

/**
 * `{type: template, payload}`: generic and button checked as Messenger's are (send-content.ts); a
 * product template names products of the account's catalog, and the sim's account has none.
 */
function templateContent(payload: Record<string, unknown> | null): SendContent {
  if (!payload) return { problem: 'param message[attachment][payload] must be an object' };
  const type = payload.template_type;
  if (typeof type !== 'string' || !IG_TEMPLATES.includes(type))
    return { problem: `param message[attachment][payload][template_type] must be one of {${IG_TEMPLATES.join(', ')}}` };
  if (type === 'product') return { problem: 'param message[attachment][payload][elements][0][id] must be a product of a catalog connected to the account' };
  const problem = templateProblem(payload);
  return problem ? { problem } : { text: '', attachments: [], sent: { attachment: { type: 'template', payload } } };
}

/** Quick replies (text only on Instagram, at most 13), with a text message. */
function withQuickReplies(content: SendContent, raw: unknown): SendContent {
  if (raw === undefined || 'problem' in content) return content;
  const problem = quickRepliesProblem(raw);
  if (problem) return { problem };
  if ((raw as Array<Record<string, unknown>>).some((q) => q.content_type !== 'text'))
    return { problem: 'param message[quick_replies][content_type] must be text on Instagram' };
  if (content.text === '') return { problem: 'param message[quick_replies] go with a text message' };
  return { ...content, sent: { ...content.sent, quickReplies: raw as SentContent['quickReplies'] } };
}

const MEDIA_TYPES = ['image', 'video', 'audio', 'file'] as const;
type MediaType = (typeof MEDIA_TYPES)[number];
const isMediaType = (v: unknown): v is MediaType => typeof v === 'string' && (MEDIA_TYPES as readonly string[]).includes(v);
const record = (v: unknown): Record<string, unknown> | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
const isUrl = (v: unknown): v is string => typeof v === 'string' && /^https?:\/\/\S+$/.test(v);

/** Where Instagram keeps what a business sent: its messaging CDN, keyed by the upload. */
const cdnUrl = (key: string, type: MediaType) => `https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=${mediaNumber(key)}&type=${type}&signature=sim`;

/** The heart sticker's image, as Instagram serves it. */
export const LIKE_HEART_URL = 'https://lookaside.fbsbx.com/ig_messaging_cdn/sticker/like_heart.png';

function mediaAttachment(state: InstagramState, raw: unknown, where: string): IgAttachment | string {
  const a = record(raw);
  if (!a || !isMediaType(a.type)) return `param ${where}[type] must be one of {${[...MEDIA_TYPES, 'like_heart', 'MEDIA_SHARE', 'template'].join(', ')}}`;
  const payload = record(a.payload);
  if (!payload) return `param ${where}[payload] must be an object`;
  if (typeof payload.attachment_id === 'string' || typeof payload.attachment_id === 'number') {
    const upload = state.messageAttachments.get(String(payload.attachment_id));
    return upload ? { ...upload, kind: a.type } : `Invalid attachment_id: ${String(payload.attachment_id)}`;
  }
  if (!isUrl(payload.url)) return `param ${where}[payload][url] must be a URL`;
  const name = new URL(payload.url).pathname.split('/').pop();
  return { kind: a.type, url: cdnUrl(`${payload.url}:${state.now()}`, a.type), ...(name ? { name } : {}) };
}

export function sendContent(state: InstagramState, message: Record<string, unknown> | null): SendContent {
  return withQuickReplies(messageContent(state, message), message?.quick_replies);
}

function messageContent(state: InstagramState, message: Record<string, unknown> | null): SendContent {
  if (!message) return { problem: 'param message must be non-empty.' };
  const text = typeof message.text === 'string' && message.text !== '' ? message.text : undefined;
  const one = record(message.attachment);
  const many = Array.isArray(message.attachments) ? message.attachments : undefined;
  if (text !== undefined && (one || many)) return { problem: 'param message must have exactly one of text, attachment or attachments.' };
  if (text !== undefined) return { text, attachments: [] };
  if (many) {
    // Several attachments in one message: images only (Instagram's "one or more images").
    if (many.length === 0 || many.length > 10) return { problem: 'param message[attachments] must list 1 to 10 images.' };
    const out: IgAttachment[] = [];
    for (const [i, raw] of many.entries()) {
      if (record(raw)?.type !== 'image') return { problem: `param message[attachments][${i}][type] must be image` };
      const a = mediaAttachment(state, raw, `message[attachments][${i}]`);
      if (typeof a === 'string') return { problem: a };
      out.push(a);
    }
    return { text: '', attachments: out };
  }
  if (!one) return { problem: 'param message must be non-empty.' };
  if (one.type === 'template') return templateContent(record(one.payload));
  if (one.type === 'like_heart') return { text: '', attachments: [{ kind: 'like_heart', url: LIKE_HEART_URL }] };
  if (one.type === 'MEDIA_SHARE') {
    const id = record(one.payload)?.id;
    const media = typeof id === 'string' || typeof id === 'number' ? state.store.mediaItem(String(id)) : undefined;
    if (media?.owner !== null || media.productType === 'STORY') return { problem: 'param message[attachment][payload][id] must be a post of this account' };
    return { text: '', attachments: [{ kind: 'media_share', url: `https://www.instagram.com/p/${media.id}/` }] };
  }
  const a = mediaAttachment(state, one, 'message[attachment]');
  return typeof a === 'string' ? { problem: a } : { text: '', attachments: [a] };
}

/**
 * POST /{page-id|ig-user-id}/message_attachments {platform: instagram, message: {attachment: {type,
 * payload: {url, is_reusable}}}} → {attachment_id}: the upload a later message names by id.
 */
export function uploadAttachment(state: InstagramState, message: Record<string, unknown> | null): { attachmentId: string } | { problem: string } {
  const a = mediaAttachment(state, record(message?.attachment), 'message[attachment]');
  if (typeof a === 'string') return { problem: a };
  const id = mediaNumber(`upload:${a.url}`);
  state.messageAttachments.set(id, a);
  return { attachmentId: id };
}
