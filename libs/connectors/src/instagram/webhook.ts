import { arr, type HintRecord, type JsonObject, type MessageRecord, obj, str, type UnifiedRecord } from '@resonance/contracts';
import { attachmentUrl, verifyFacebookSignature } from '../facebook/webhook';
import { idOf, instagramThreadKey } from './mapper';

/**
 * X-Hub-Signature-256 over the exact body bytes, in constant time. The key is the Instagram app
 * secret for Instagram-Login apps (the Meta app secret does not verify their deliveries); the
 * scheme is Meta's, so Facebook's checked verifier serves both.
 */
export const verifyInstagramSignature = (rawBody: Buffer, header: string | undefined, appSecret: string): boolean =>
  verifyFacebookSignature(rawBody, header, appSecret);

/** Epoch seconds or milliseconds (webhook `entry.time` is seconds in `changes`, ms in `messaging`) at one-second resolution. */
function epochToIso(value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  const ms = value < 1e12 ? value * 1000 : value;
  const d = new Date(Math.floor(ms / 1000) * 1000);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

const hint = (target: HintRecord['target'], externalId: string): HintRecord => ({ kind: 'hint', network: 'instagram', target, externalId });

/** A `comments` / `live_comments` change: the comment with its author and media; the account's own replies marked as its own. */
function mapCommentChange(accountId: string | undefined, value: JsonObject, time: unknown): UnifiedRecord[] {
  const id = idOf(value.id);
  if (!id) return [];
  const createdAt = epochToIso(time);
  // Without text or time the change is only a pointer: the sync reads the comment instead of guessing.
  if (typeof value.text !== 'string' || !createdAt) return [hint('comment', id)];
  const from = obj(value.from);
  const authorId = idOf(from.id);
  const username = str(from.username);
  const parentId = idOf(value.parent_id);
  const record: MessageRecord = {
    kind: 'message',
    network: 'instagram',
    externalId: id,
    threadKey: parentId ?? id,
    channel: 'comment',
    parentExternalId: parentId ?? null,
    postExternalId: idOf(obj(value.media).id) ?? null,
    author: { ...(authorId ? { externalId: authorId } : {}), ...(username ? { name: username, handle: username } : {}) },
    text: value.text,
    createdAt,
  };
  // The account's own replies arrive as comments too: never a customer's message (no reply loops).
  if (authorId && accountId && accountId !== '0') record.isFromAccount = authorId === accountId;
  return [record];
}

/** One `messaging` event: a message or its echo → message record; reads, reactions, edits, deletions → the thread changed. */
function mapMessagingEvent(accountId: string | undefined, event: JsonObject): UnifiedRecord[] {
  const message = obj(event.message);
  const sender = idOf(obj(event.sender).id);
  const recipient = idOf(obj(event.recipient).id);
  const echo = message.is_echo === true || (accountId !== undefined && sender === accountId);
  const customer = echo ? recipient : sender;
  const mid = str(message.mid);
  if (!mid || !sender || message.is_deleted === true) {
    // read {mid}, reaction, message_edit, postback, referral, a deleted message: the conversation changed.
    return customer ? [hint('thread', instagramThreadKey(customer))] : [];
  }
  if (!customer) return [];
  const attachments = arr(message.attachments)
    .map((a) => ({ type: str(obj(a).type) ?? 'file', url: attachmentUrl(obj(a)) }))
    .filter((a): a is { type: string; url: string } => !!a.url);
  // A reply to one of the account's stories: `reply_to.story {id, url}` (a reply to a message is `reply_to.mid`).
  const story = obj(obj(message.reply_to).story);
  const storyUrl = str(story.url);
  if (storyUrl) attachments.push({ type: 'story_reply', url: storyUrl });
  const record: MessageRecord = {
    kind: 'message',
    network: 'instagram',
    externalId: mid,
    threadKey: instagramThreadKey(customer),
    channel: 'direct',
    parentExternalId: str(obj(message.reply_to).mid) ?? null,
    postExternalId: null,
    author: { externalId: sender },
    text: str(message.text) ?? '',
    // At the Graph API's one-second resolution: the same message read by sync has created_time in whole seconds.
    createdAt: epochToIso(event.timestamp) ?? new Date(0).toISOString(),
    isFromAccount: echo,
  };
  if (attachments.length) record.attachments = attachments;
  return [record];
}

/** A whole webhook delivery (`object: instagram`) → records and hints, in delivery order. */
export function mapInstagramWebhook(body: unknown): UnifiedRecord[] {
  const b = obj(body);
  if (b.object !== undefined && b.object !== 'instagram') return [];
  const out: UnifiedRecord[] = [];
  for (const rawEntry of arr(b.entry)) {
    const entry = obj(rawEntry);
    const accountId = idOf(entry.id);
    for (const change of arr(entry.changes)) {
      const c = obj(change);
      const value = obj(c.value);
      if (c.field === 'comments' || c.field === 'live_comments') out.push(...mapCommentChange(accountId, value, entry.time));
      else if (c.field === 'mentions') {
        // Only ids: the mentioned comment (or caption) is read with mentioned_comment / mentioned_media.
        const commentId = idOf(value.comment_id);
        const mediaId = idOf(value.media_id);
        if (commentId) out.push(hint('comment', commentId));
        else if (mediaId) out.push(hint('post', mediaId));
      }
    }
    for (const event of arr(entry.messaging)) out.push(...mapMessagingEvent(accountId, obj(event)));
  }
  return out;
}
