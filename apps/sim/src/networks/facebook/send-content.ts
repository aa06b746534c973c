import { mediaKey, mediaNumber } from '../../core/media';

/**
 * What the page sent through the Send API beyond text: an attachment (image, video, audio, file
 * by URL or attachment_id; a template: generic, button or media), quick replies and metadata.
 * Validated as the Messenger Platform reference states the limits, kept on the message, and
 * rendered back where Graph shows them: GET /{message} `attachments` (image_data, video_data,
 * file_url, generic_template) and the `message_echoes` event (`attachments` with type and
 * payload, `metadata`).
 */
export interface SentContent {
  attachment?: { type: string; payload: Record<string, unknown> };
  quickReplies?: QuickReply[];
  metadata?: string;
}

export interface QuickReply {
  content_type: 'text' | 'user_phone_number' | 'user_email';
  title?: string;
  payload?: string;
  image_url?: string;
}

const obj = (v: unknown): Record<string, unknown> | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
const isUrl = (v: unknown): v is string => typeof v === 'string' && /^https?:\/\/\S+$/.test(v);
const BUTTON_TYPES = ['web_url', 'postback', 'phone_number', 'account_link', 'account_unlink', 'game_play'];

function buttonsProblem(path: string, value: unknown, max: number): string | null {
  if (value === undefined) return null;
  if (!Array.isArray(value) || value.length === 0 || value.length > max) return `param ${path} must have 1 to ${max} buttons`;
  for (const [i, raw] of value.entries()) {
    const b = obj(raw);
    if (!b || typeof b.type !== 'string' || !BUTTON_TYPES.includes(b.type)) return `param ${path}[${i}][type] must be one of {${BUTTON_TYPES.join(', ')}}`;
    if (b.type === 'web_url' && !isUrl(b.url)) return `param ${path}[${i}][url] must be a URL`;
    if (b.type !== 'account_unlink' && !(typeof b.title === 'string' && b.title !== '' && b.title.length <= 20))
      return `param ${path}[${i}][title] must be 1 to 20 characters`;
    if (b.type === 'postback' && !(typeof b.payload === 'string' && b.payload !== '')) return `param ${path}[${i}][payload] must be non-empty`;
  }
  return null;
}

/**
 * Why a template payload is not one the Send API takes, or null (generic, button, media and receipt
 * are checked, a product template is refused: the page has no catalog; other types are taken as they are).
 */
export function templateProblem(payload: Record<string, unknown>): string | null {
  const type = payload.template_type;
  if (typeof type !== 'string') return 'param message[attachment][payload][template_type] is required';
  if (type === 'generic') {
    const elements = payload.elements;
    if (!Array.isArray(elements) || elements.length === 0 || elements.length > 10)
      return 'param message[attachment][payload][elements] must have 1 to 10 elements';
    for (const [i, raw] of elements.entries()) {
      const e = obj(raw);
      const at = `message[attachment][payload][elements][${i}]`;
      if (!e || typeof e.title !== 'string' || e.title === '' || e.title.length > 80) return `param ${at}[title] must be 1 to 80 characters`;
      if (e.subtitle !== undefined && !(typeof e.subtitle === 'string' && e.subtitle.length <= 80))
        return `param ${at}[subtitle] must be at most 80 characters`;
      if (e.image_url !== undefined && !isUrl(e.image_url)) return `param ${at}[image_url] must be a URL`;
      if (e.subtitle === undefined && e.image_url === undefined && e.buttons === undefined && e.default_action === undefined)
        return `param ${at} must set at least one property in addition to title`;
      const problem = buttonsProblem(`${at}[buttons]`, e.buttons, 3);
      if (problem) return problem;
    }
    return null;
  }
  if (type === 'button') {
    if (!(typeof payload.text === 'string' && payload.text !== '' && payload.text.length <= 640))
      return 'param message[attachment][payload][text] must be 1 to 640 characters';
    return (
      buttonsProblem('message[attachment][payload][buttons]', payload.buttons, 3) ??
      (payload.buttons === undefined ? 'param message[attachment][payload][buttons] is required' : null)
    );
  }
  if (type === 'media') {
    const [e, ...more] = Array.isArray(payload.elements) ? payload.elements.map(obj) : [];
    if (!e || more.length) return 'param message[attachment][payload][elements] must have exactly 1 element';
    if (e.media_type !== 'image' && e.media_type !== 'video')
      return 'param message[attachment][payload][elements][0][media_type] must be one of {image, video}';
    if (!isUrl(e.url) && e.attachment_id === undefined) return 'param message[attachment][payload][elements][0] needs url or attachment_id';
    return buttonsProblem('message[attachment][payload][elements][0][buttons]', e.buttons, 1);
  }
  if (type === 'receipt') return receiptProblem(payload);
  // A product template names products of a catalog connected to the page; the sim's page has none.
  if (type === 'product') return 'param message[attachment][payload][elements][0][id] must be a product of a catalog connected to the page';
  return null;
}

/** The receipt template's required properties (Messenger reference "Receipt template"). */
function receiptProblem(payload: Record<string, unknown>): string | null {
  for (const name of ['recipient_name', 'order_number', 'currency', 'payment_method'])
    if (!(typeof payload[name] === 'string' && payload[name] !== '')) return `param message[attachment][payload][${name}] is required`;
  const total = obj(payload.summary)?.total_cost;
  if (!(typeof total === 'number' || (typeof total === 'string' && total !== '' && Number.isFinite(Number(total)))))
    return 'param message[attachment][payload][summary][total_cost] is required';
  if (payload.elements !== undefined && !(Array.isArray(payload.elements) && payload.elements.length <= 100))
    return 'param message[attachment][payload][elements] must have at most 100 elements';
  return null;
}

/** Why `message.quick_replies` is not what the Send API takes (at most 13; text ones with a title of ≤ 20 characters and a payload), or null. */
export function quickRepliesProblem(value: unknown): string | null {
  if (value === undefined) return null;
  if (!Array.isArray(value) || value.length === 0 || value.length > 13) return 'param message[quick_replies] must have 1 to 13 quick replies';
  for (const [i, raw] of value.entries()) {
    const q = obj(raw);
    const at = `message[quick_replies][${i}]`;
    const type = q?.content_type;
    if (!q || (type !== 'text' && type !== 'user_phone_number' && type !== 'user_email'))
      return `param ${at}[content_type] must be one of {text, user_phone_number, user_email}`;
    if (type === 'text') {
      if (!(typeof q.title === 'string' && q.title !== '' && q.title.length <= 20)) return `param ${at}[title] must be 1 to 20 characters`;
      if (!(typeof q.payload === 'string' || typeof q.payload === 'number') || String(q.payload) === '' || String(q.payload).length > 1000)
        return `param ${at}[payload] must be 1 to 1000 characters`;
    }
    if (q.image_url !== undefined && !isUrl(q.image_url)) return `param ${at}[image_url] must be a URL`;
  }
  return null;
}

const ATTACHMENT_TYPES = ['image', 'video', 'audio', 'file', 'template'];

/** Why a Send API `message.attachment` is not one Facebook takes ({type, payload: {url} | {attachment_id} | template}), or null. */
export function attachmentProblem(value: unknown): string | null {
  const a = obj(value);
  if (!a || typeof a.type !== 'string' || !ATTACHMENT_TYPES.includes(a.type))
    return `param message[attachment][type] must be one of {${ATTACHMENT_TYPES.join(', ')}}`;
  const payload = obj(a.payload);
  if (!payload) return 'param message[attachment][payload] must be an object';
  if (a.type === 'template') return templateProblem(payload);
  if (typeof payload.attachment_id === 'string' || typeof payload.attachment_id === 'number') return null;
  return isUrl(payload.url) ? null : 'param message[attachment][payload][url] must be a URL';
}

const MIME: Record<string, string> = { image: 'image/jpeg', video: 'video/mp4', audio: 'audio/mpeg', file: 'application/pdf' };

/** One Graph message attachment of a media kind, as Graph hosts it (its own CDN address and id). */
function mediaAttachment(kind: string, messageId: string, index: number): Record<string, unknown> {
  const id = mediaNumber(`${messageId}:${index}`);
  const key = mediaKey(`${messageId}:${index}`);
  const base = { id, mime_type: MIME[kind] ?? 'application/octet-stream', name: `${kind}-${id}`, size: 48_000 + (Number(id.slice(-4)) % 9_000) };
  if (kind === 'image') {
    const url = `https://scontent.xx.fbcdn.net/v/t1.15752-9/${id}_${key}_n.jpg`;
    return {
      ...base,
      image_data: {
        width: 1280,
        height: 960,
        max_width: 1280,
        max_height: 960,
        url,
        preview_url: url.replace('/v/t1.15752-9/', '/v/t1.15752-9/p280x280/'),
        image_type: 1,
        render_as_sticker: false,
      },
    };
  }
  if (kind === 'video') {
    const url = `https://video.xx.fbcdn.net/v/t42.3356-2/${id}_${key}_n.mp4`;
    return {
      ...base,
      video_data: {
        width: 1280,
        height: 720,
        length: 12,
        video_type: 0,
        url,
        preview_url: `https://scontent.xx.fbcdn.net/v/t15.3394-10/${id}_${key}_n.jpg`,
        rotation: 0,
      },
    };
  }
  return { ...base, file_url: `https://cdn.fbsbx.com/v/t59.2708-21/${id}_${key}_n.${kind === 'audio' ? 'mp3' : 'pdf'}` };
}

/** A template element as Graph's `generic_template` ({title, subtitle, media_url, cta}). */
function genericTemplate(id: string, e: Record<string, unknown>, fallbackTitle?: string): Record<string, unknown> {
  const button = Array.isArray(e.buttons) ? obj(e.buttons[0]) : null;
  const action = obj(e.default_action);
  const cta = button
    ? { title: button.title, type: button.type, ...(isUrl(button.url) ? { url: button.url } : {}) }
    : action && isUrl(action.url)
      ? { type: 'web_url', url: action.url }
      : undefined;
  return {
    id,
    generic_template: {
      title: typeof e.title === 'string' ? e.title : (fallbackTitle ?? ''),
      ...(typeof e.subtitle === 'string' ? { subtitle: e.subtitle } : {}),
      ...(isUrl(e.image_url) ? { media_url: e.image_url } : {}),
      ...(cta ? { cta } : {}),
    },
  };
}

/** The `attachments` field of GET /{message} for what the page sent, or undefined (text only). */
export function sentAttachments(messageId: string, sent: SentContent | undefined): Record<string, unknown> | undefined {
  const a = sent?.attachment;
  if (!a) return undefined;
  let data: Array<Record<string, unknown>>;
  if (a.type !== 'template') data = [mediaAttachment(a.type, messageId, 0)];
  else if (a.payload.template_type === 'generic' && Array.isArray(a.payload.elements))
    data = a.payload.elements.map((e, i) => genericTemplate(mediaNumber(`${messageId}:${i}`), obj(e) ?? {}));
  else if (a.payload.template_type === 'button')
    data = [genericTemplate(mediaNumber(`${messageId}:0`), { buttons: a.payload.buttons }, String(a.payload.text))];
  else if (a.payload.template_type === 'media') {
    const e = Array.isArray(a.payload.elements) ? (obj(a.payload.elements[0]) ?? {}) : {};
    data = [mediaAttachment(e.media_type === 'video' ? 'video' : 'image', messageId, 0)];
  } else data = [];
  return data.length ? { data, paging: { cursors: { before: 'MAZDZD', after: 'MAZDZD' } } } : undefined;
}

/** The text Graph shows as `message` for a template: a button template's text; others have none. */
export function templateText(sent: SentContent | undefined): string | undefined {
  const p = sent?.attachment?.type === 'template' ? sent.attachment.payload : undefined;
  return p?.template_type === 'button' && typeof p.text === 'string' ? p.text : undefined;
}

/** The `message_echoes` fields for what the page sent: `attachments: [{type, payload}]` and `metadata`. */
export function echoFields(sent: SentContent | undefined): Record<string, unknown> {
  if (!sent) return {};
  const out: Record<string, unknown> = {};
  if (sent.metadata !== undefined) out.metadata = sent.metadata;
  const a = sent.attachment;
  if (a) out.attachments = [{ type: a.type, payload: a.payload }];
  return out;
}
