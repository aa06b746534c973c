import { createHmac, timingSafeEqual } from 'node:crypto';
import { arr, type HintRecord, type JsonObject, type MessageRecord, obj, str, type UnifiedRecord } from '@resonance/contracts';
import { fbTimeToIso, messengerThreadKey } from './mapper';

/** Exactly "sha256=" and 64 hex digits (either case), nothing before or after. */
const FACEBOOK_SIGNATURE = /^sha256=[0-9a-fA-F]{64}$/;

/**
 * Checks X-Hub-Signature-256 ("sha256=" + hex HMAC-SHA256 of the exact body bytes with the app
 * secret) in constant time. The raw bytes matter: Facebook escapes non-ASCII and "/" in its JSON,
 * so a re-serialised body would not match. The header's shape is checked first because Node's hex
 * decoder stops at the first non-hex character: "sha256=<right digest>junk" (or an odd 65th digit)
 * decoded to the right 32 bytes and passed.
 */
export function verifyFacebookSignature(rawBody: Buffer, header: string | undefined, appSecret: string): boolean {
  if (header === undefined || !FACEBOOK_SIGNATURE.test(header)) return false;
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Messenger's epoch milliseconds at Graph's one-second resolution; out of the Date range (hostile) reads as no time. */
const messengerTime = (ms: number): string | undefined => {
  const d = new Date(Math.floor(ms / 1000) * 1000);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
};

const hint = (target: HintRecord['target'], externalId: string): HintRecord => ({ kind: 'hint', network: 'facebook', target, externalId });

/** One `feed` change: comments carry everything (→ message), other items only ids (→ hint). */
function mapFeedChange(pageId: string | undefined, value: JsonObject): UnifiedRecord[] {
  const item = str(value.item);
  const verb = str(value.verb);
  const postId = str(value.post_id);
  const from = obj(value.from);
  const authorId = str(from.id);
  if (item === 'comment') {
    const commentId = str(value.comment_id);
    if (!commentId) return [];
    if (verb !== 'add' && verb !== 'edited' && verb !== 'edit') return [hint('comment', commentId)];
    const parentId = str(value.parent_id);
    const isReply = parentId !== undefined && parentId !== postId;
    const createdAt = fbTimeToIso(value.created_time);
    // Without text or time the change is only a pointer: fetch the comment instead of guessing.
    if (value.message === undefined || !createdAt) return [hint('comment', commentId)];
    const record: MessageRecord = {
      kind: 'message',
      network: 'facebook',
      externalId: commentId,
      threadKey: isReply ? parentId : commentId,
      channel: 'comment',
      parentExternalId: isReply ? parentId : null,
      postExternalId: postId ?? null,
      author: { ...(authorId ? { externalId: authorId } : {}), ...(str(from.name) ? { name: str(from.name) } : {}) },
      text: str(value.message) ?? '',
      createdAt,
    };
    if (authorId && pageId) record.isFromAccount = authorId === pageId;
    const photo = str(value.photo);
    if (photo) record.attachments = [{ type: 'photo', url: photo }];
    return [record];
  }
  if (!postId) return [];
  const createdAt = fbTimeToIso(value.created_time);
  // A visitor post (someone else writing on the page) is a customer message of its own.
  if (
    (item === 'status' || item === 'post' || item === 'photo' || item === 'video') &&
    verb === 'add' &&
    authorId &&
    pageId &&
    authorId !== pageId &&
    createdAt
  ) {
    return [
      {
        kind: 'message',
        network: 'facebook',
        externalId: postId,
        threadKey: postId,
        channel: 'comment',
        parentExternalId: null,
        postExternalId: postId,
        author: { externalId: authorId, ...(str(from.name) ? { name: str(from.name) } : {}) },
        text: str(value.message) ?? '',
        createdAt,
        isFromAccount: false,
      },
    ];
  }
  if ((item === 'status' || item === 'post' || item === 'photo' || item === 'video') && verb === 'add' && createdAt) {
    return [{ kind: 'post', network: 'facebook', externalId: postId, text: str(value.message) ?? '', publishedAt: createdAt }];
  }
  // Reactions, shares, edits and removals: the post changed; a fetch brings its counts and text.
  return [hint('post', postId)];
}

/**
 * Where an attachment of a Messenger (or Instagram) event points: its payload's url, or for a
 * template (an echo of what the page or account sent) the first element's link, button link or image.
 */
export function attachmentUrl(a: JsonObject): string | undefined {
  const payload = obj(a.payload);
  const direct = str(payload.url) ?? str(a.url);
  if (direct) return direct;
  const element = obj(arr(payload.elements)[0]);
  const button = arr(element.buttons ?? payload.buttons)
    .map((b) => str(obj(b).url))
    .find((u) => u !== undefined);
  return str(obj(element.default_action).url) ?? button ?? str(element.image_url) ?? str(element.url);
}

/** One Messenger `messaging` event: a message or its echo (sent by the page) → message record. */
function mapMessagingEvent(pageId: string | undefined, event: JsonObject): UnifiedRecord[] {
  const message = obj(event.message);
  const sender = str(obj(event.sender).id);
  const recipient = str(obj(event.recipient).id);
  const mid = str(message.mid);
  if (!mid || !sender) {
    // Reads, deliveries, postbacks without a message: the conversation changed.
    const other = sender && sender !== pageId ? sender : recipient;
    return other ? [hint('thread', messengerThreadKey(other))] : [];
  }
  const echo = message.is_echo === true || (pageId !== undefined && sender === pageId);
  const customer = echo ? recipient : sender;
  if (!customer) return [];
  const attachments = arr(message.attachments)
    .map((a) => ({ type: str(obj(a).type) ?? 'file', url: attachmentUrl(obj(a)) }))
    .filter((a): a is { type: string; url: string } => !!a.url);
  const record: MessageRecord = {
    kind: 'message',
    network: 'facebook',
    externalId: mid,
    threadKey: messengerThreadKey(customer),
    channel: 'direct',
    parentExternalId: str(obj(message.reply_to).mid) ?? null,
    postExternalId: null,
    author: { externalId: sender },
    text: str(message.text) ?? '',
    // Stored at the Graph API's one-second resolution: the same message read by sync has
    // created_time in whole seconds, and it must get one time whichever way it arrives first.
    createdAt: (typeof event.timestamp === 'number' ? messengerTime(event.timestamp) : fbTimeToIso(event.timestamp)) ?? new Date(0).toISOString(),
    isFromAccount: echo,
  };
  if (attachments.length) record.attachments = attachments;
  return [record];
}

/** A whole webhook delivery (`object: page`) → records and hints, in delivery order. */
export function mapWebhook(body: unknown): UnifiedRecord[] {
  const b = obj(body);
  if (b.object !== undefined && b.object !== 'page') return [];
  const out: UnifiedRecord[] = [];
  for (const rawEntry of arr(b.entry)) {
    const entry = obj(rawEntry);
    const pageId = str(entry.id);
    for (const change of arr(entry.changes)) {
      const c = obj(change);
      if (c.field === 'feed') out.push(...mapFeedChange(pageId, obj(c.value)));
      else if (c.field === 'conversations') {
        const threadId = str(obj(c.value).thread_id);
        if (threadId) out.push(hint('thread', threadId));
      }
    }
    // `standby`: the same events while another app of the page holds the conversation (handover protocol).
    for (const event of [...arr(entry.messaging), ...arr(entry.standby)]) out.push(...mapMessagingEvent(pageId, obj(event)));
  }
  return out;
}
