import { unixSeconds } from '../facebook/fields';
import type { IgAttachment, IgComment, IgMessage, IgUser } from './store';

/**
 * Instagram's webhook payloads (FACTS.md §6): {"object":"instagram","entry":[{id, time, changes |
 * messaging}]}, `entry.id` the professional-account id. `comments`/`live_comments`/`mentions` are
 * changes with `entry.time` in SECONDS; Direct events are `messaging` with `entry.time` and
 * `timestamp` in MILLISECONDS. Signed like Facebook's (X-Hub-Signature-256 over the exact bytes),
 * with the Instagram app secret for Instagram-Login apps.
 */
export interface IgChange {
  field: 'comments' | 'live_comments' | 'mentions';
  value: Record<string, unknown>;
}

export function commentChange(c: IgComment, account: IgUser, live = false): IgChange {
  const media: Record<string, unknown> = { id: c.media.id, media_product_type: live ? 'LIVE' : c.media.productType };
  if (c.ad) {
    media.ad_id = `120${c.media.id.slice(-12)}`;
    media.ad_title = 'Resonance Demo Shop – Winter Sale';
    media.original_media_id = c.media.id;
  }
  const from: Record<string, unknown> = { id: c.from.id, username: c.from.username };
  // The account's own comments come back as `comments` events too, with its own id (FACTS.md §6).
  if (c.fromAccount) from.self_ig_scoped_id = account.id;
  const value: Record<string, unknown> = { from, media, id: c.id, text: c.text };
  if (c.parent) value.parent_id = c.parent.id;
  return { field: live ? 'live_comments' : 'comments', value };
}

/** A comment elsewhere that mentions the account: only the ids, read with mentioned_comment. */
export function mentionChange(c: IgComment): IgChange {
  return { field: 'mentions', value: { comment_id: c.id, media_id: c.media.id } };
}

export function changesPayload(accountId: string, changes: Array<{ change: IgChange; time: number }>): Record<string, unknown> {
  return { object: 'instagram', entry: changes.map(({ change, time }) => ({ id: accountId, time: unixSeconds(time), changes: [change] })) };
}

/** A Direct message event: inbound (sender = IGSID) or the echo of one the account sent (is_echo). */
export function messageEvent(m: IgMessage, accountId: string): Record<string, unknown> {
  const customer = m.conversation.customer.id;
  const message: Record<string, unknown> = { mid: m.id };
  if (m.attachments.length) message.attachments = m.attachments.map((a) => attachmentPayload(m, a));
  // A template's echo carries it as sent ({type: template, payload}), as Messenger's message_echoes do.
  const template = m.sent?.attachment;
  if (template) message.attachments = [{ type: template.type, payload: template.payload }];
  if (m.text !== '' || (!m.attachments.length && !template)) message.text = m.text;
  if (m.quickReply !== undefined) message.quick_reply = { payload: m.quickReply };
  if (m.storyReply) message.reply_to = { story: { url: m.storyReply.url, id: m.storyReply.id } };
  if (m.fromAccount) message.is_echo = true;
  return {
    sender: { id: m.fromAccount ? accountId : customer },
    recipient: { id: m.fromAccount ? customer : accountId },
    timestamp: m.createdAt,
    message,
  };
}

function attachmentPayload(m: IgMessage, a: IgAttachment): Record<string, unknown> {
  // A shared post of the account (Send API MEDIA_SHARE) comes back as a `share`, as customers' shares do.
  if (a.kind === 'media_share') return { type: 'share', payload: { url: a.url } };
  // The heart sticker comes without a payload (as recorded in other integrations' webhook tests).
  if (a.kind === 'like_heart') return { type: 'like_heart' };
  if (a.kind === 'ig_reel')
    return { type: 'ig_reel', payload: { reel_video_id: m.id.slice(-17).replace(/\D/g, '7').padStart(17, '1'), title: m.text || 'Reel', url: a.url } };
  return { type: a.kind, payload: { url: a.url } };
}

/** read (with the mid read up to), reaction, message_edit: events about an existing message. */
export function messageMetaEvent(
  kind: 'read' | 'reaction' | 'unreact' | 'message_edit',
  m: IgMessage,
  accountId: string,
  at: number,
  emoji = '❤',
): Record<string, unknown> {
  const customer = m.conversation.customer.id;
  const base = { sender: { id: customer }, recipient: { id: accountId }, timestamp: at };
  if (kind === 'read') return { ...base, read: { mid: m.id } };
  if (kind === 'message_edit') return { ...base, message_edit: { mid: m.id, text: m.text, num_edit: m.edits } };
  return { ...base, reaction: kind === 'reaction' ? { mid: m.id, action: 'react', reaction: 'love', emoji } : { mid: m.id, action: 'unreact' } };
}

/**
 * An ice-breaker tap or a button (`postback {mid, title, payload}`) or a Click-to-Direct ad / ig.me
 * link (`referral {ref, source, type, ad_id?, ads_context_data?}`), as Messenger's events of those
 * names, which Instagram messaging shares.
 */
export function postbackEvent(customerId: string, accountId: string, at: number, postback: Record<string, unknown>): Record<string, unknown> {
  return { sender: { id: customerId }, recipient: { id: accountId }, timestamp: at, postback };
}

export function referralEvent(customerId: string, accountId: string, at: number, referral: Record<string, unknown>): Record<string, unknown> {
  return { sender: { id: customerId }, recipient: { id: accountId }, timestamp: at, referral };
}

export function messagingPayload(accountId: string, events: Array<{ event: Record<string, unknown>; time: number }>): Record<string, unknown> {
  return { object: 'instagram', entry: events.map(({ event, time }) => ({ time, id: accountId, messaging: [event] })) };
}
