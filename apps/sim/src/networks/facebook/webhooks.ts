import { createHmac } from 'node:crypto';
import { unixSeconds } from './fields';
import type { FbComment, FbMessage, FbPost, FbReactionEvent } from './store';
import { echoFields } from './send-content';

/**
 * Facebook's webhook payloads (`feed` changes and Messenger `messaging` events) and how they are
 * signed: X-Hub-Signature-256 = "sha256=" + HMAC-SHA256(app secret, the exact body bytes), where
 * Facebook's body escapes every non-ASCII character as \uXXXX and "/" as "\/".
 */
export function facebookEscape(json: string): string {
  return json.replace(/\//g, '\\/').replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function signatureHeaders(appSecret: string, body: string): Record<string, string> {
  const bytes = Buffer.from(body, 'utf8');
  return {
    'x-hub-signature-256': `sha256=${createHmac('sha256', appSecret).update(bytes).digest('hex')}`,
    // Facebook still sends the SHA-1 signature alongside.
    'x-hub-signature': `sha1=${createHmac('sha1', appSecret).update(bytes).digest('hex')}`,
  };
}

export interface FeedChange {
  field: 'feed';
  value: Record<string, unknown>;
}

export function commentAddChange(c: FbComment): FeedChange {
  return {
    field: 'feed',
    value: {
      item: 'comment',
      verb: 'add',
      comment_id: c.id,
      post_id: c.post.id,
      parent_id: c.parent ? c.parent.id : c.post.id,
      from: { id: c.from.id, name: c.from.name },
      created_time: unixSeconds(c.createdAt),
      message: c.message,
    },
  };
}

/**
 * The page's new post: item status, or photo (with photo_id and link, the photo's address) or
 * video (video_id, link) for a photo or video post, as Meta's feed field reference lists them.
 */
export function postAddChange(p: FbPost, pageId: string, pageName: string): FeedChange {
  const media = p.media;
  const photo = media?.kind === 'photo' ? media.photos[0] : undefined;
  const video = media?.kind === 'video' ? media.video : undefined;
  return {
    field: 'feed',
    value: {
      item: photo ? 'photo' : video ? 'video' : 'status',
      verb: 'add',
      post_id: p.id,
      ...(photo ? { photo_id: photo.id, link: photo.src } : {}),
      ...(video ? { video_id: video.id, link: video.source } : {}),
      published: p.published === false ? 0 : 1,
      // A visitor's post names its author (the product reads it as a customer's message).
      from: p.visitor ? { id: p.visitor.author.id, name: p.visitor.author.name } : { id: pageId, name: pageName },
      created_time: unixSeconds(p.createdAt),
      message: p.message,
    },
  };
}

/**
 * The page's own post edited or removed through the API (`feed`, item status, verb edited with
 * the new message, or remove with ids only), as it arrives at `time` (ms).
 */
export function postChange(p: FbPost, verb: 'edited' | 'remove', pageId: string, pageName: string, time: number): { change: FeedChange; time: number } {
  const value: Record<string, unknown> = { item: 'status', verb, post_id: p.id, from: { id: pageId, name: pageName }, created_time: unixSeconds(time) };
  if (verb === 'edited') {
    value.message = p.message;
    value.published = p.published === false ? 0 : 1;
  } else value.recipient_id = pageId;
  return { change: { field: 'feed', value }, time };
}

/**
 * A reaction (`feed`, item reaction): who (`from`), which (`reaction_type` in lower case), on the
 * post (`post_id`, `parent_id`) or on one of its comments (`comment_id` too), added, edited or
 * removed. Meta documents these fields for the feed field; the sim has no recorded delivery.
 */
export function reactionChange(e: FbReactionEvent): { change: FeedChange; time: number } {
  const post = 'post' in e.on ? e.on.post : e.on;
  const value: Record<string, unknown> = {
    item: 'reaction',
    verb: e.verb,
    post_id: post.id,
    parent_id: 'post' in e.on ? e.on.id : post.id,
    ...('post' in e.on ? { comment_id: e.on.id } : {}),
    reaction_type: e.type.toLowerCase(),
    from: { id: e.user.id, name: e.user.name },
    created_time: unixSeconds(e.at),
  };
  return { change: { field: 'feed', value }, time: e.at };
}

export function feedPayload(pageId: string, changes: Array<{ change: FeedChange; time: number }>): Record<string, unknown> {
  return {
    object: 'page',
    entry: changes.map(({ change, time }) => ({ id: pageId, time: unixSeconds(time), changes: [change] })),
  };
}

/** A Messenger event: an inbound message, or the echo of one the page sent (is_echo). */
export function messagingEvent(m: FbMessage, pageId: string, appId: string): Record<string, unknown> {
  const customer = m.conversation.customer.id;
  // An attachment or template message has no text key, as Messenger sends it.
  const message: Record<string, unknown> = { mid: m.id, ...(m.text !== '' || !m.sent?.attachment ? { text: m.text } : {}) };
  if (m.fromPage) {
    message.is_echo = true;
    message.app_id = Number(appId);
    Object.assign(message, echoFields(m.sent));
  }
  if (m.quickReply !== undefined) message.quick_reply = { payload: m.quickReply };
  return {
    sender: { id: m.fromPage ? pageId : customer },
    recipient: { id: m.fromPage ? customer : pageId },
    timestamp: m.createdAt,
    message,
  };
}

export function messagingPayload(pageId: string, events: Array<{ event: Record<string, unknown>; time: number }>): Record<string, unknown> {
  return { object: 'page', entry: events.map(({ event, time }) => ({ id: pageId, time, messaging: [event] })) };
}
