import {
  arr,
  type Attachment,
  type JsonObject,
  type MessageRecord,
  obj,
  type PageRecord,
  type PostRecord,
  str,
  type ThreadRecord,
  type UnifiedRecord,
} from '@resonance/contracts';
import { customerOf, fbTimeToIso, sentTemplateUrl } from '../facebook/mapper';
import { listIn, mapEach } from '../unexpected';

/**
 * Instagram Graph payloads → unified records. Ids stay strings (they exceed 2^53). Comment thread
 * key: the top-level comment's id (Instagram keeps two levels; a reply's `parent_id` is its
 * top-level comment). Direct thread key: `dm:<IGSID>` of the customer, which every messaging
 * payload carries (conversation participants, messages, webhooks), so a message reaches the same
 * thread however it arrives. A mention (the account named in someone else's comment or caption)
 * is its own thread, keyed by the comment's (or the media's) id.
 */
export interface InstagramMapContext {
  /** The professional account's id (1784…); tells the account's own comments and messages apart. */
  accountId?: string;
  /** The media whose comments these are (GET /{media}/comments). */
  mediaId?: string;
}

export const instagramThreadKey = (igsid: string): string => `dm:${igsid}`;
/**
 * A mention's thread: `mention:<media>` (a caption or tag) or `mention:<media>:<comment>` (a comment
 * on someone else's media). Answering one needs both ids (POST /{ig-user-id}/mentions), so the key
 * carries them.
 */
export const mentionThreadKey = (mediaId: string, commentId?: string): string => (commentId ? `mention:${mediaId}:${commentId}` : `mention:${mediaId}`);
export function parseMentionThreadKey(threadKey: string): { mediaId: string; commentId?: string } | null {
  const m = /^mention:([^:]+)(?::([^:]+))?$/.exec(threadKey);
  return m ? { mediaId: m[1], ...(m[2] ? { commentId: m[2] } : {}) } : null;
}
export const igsidOfThreadKey = (threadKey: string): string | null => (threadKey.startsWith('dm:') ? threadKey.slice(3) : null);
/** Ids as strings, whether the payload gave a string or (older payloads, hand-written tests) a number. */
export const idOf = (v: unknown): string | undefined => (typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : str(v));

/**
 * Where paging goes on. Three real forms: `after` with `next` (more), `after` without `next` (the
 * last page of /tags and of some comment lists), and no `paging` key at all (the last page).
 * Only a `next` link means there is more.
 */
export function pageRecord(body: JsonObject): PageRecord {
  const paging = obj(body.paging);
  const next = str(paging.next);
  const after = str(obj(paging.cursors).after);
  return { kind: 'page', network: 'instagram', nextCursor: next ? (after ?? next) : null };
}

/** Whether the account wrote it: the author is the account, or Graph added `user` (only for the app user's own comments). */
function ownComment(c: JsonObject, accountId: string | undefined): boolean | undefined {
  const authorId = idOf(obj(c.from).id) ?? idOf(obj(c.user).id);
  if (accountId && authorId) return authorId === accountId;
  if (c.user !== undefined) return true;
  return accountId ? false : undefined;
}

/** One comment (and its `replies{…}`) as message records. */
export function mapComment(raw: unknown, ctx: InstagramMapContext, parent?: { id: string }): MessageRecord[] {
  const c = obj(raw);
  const id = idOf(c.id);
  if (!id) return [];
  const parentId = parent?.id ?? idOf(c.parent_id);
  const mediaId = idOf(obj(c.media).id) ?? ctx.mediaId;
  const from = obj(c.from);
  const authorId = idOf(from.id) ?? idOf(obj(c.user).id);
  const username = str(from.username) ?? str(c.username);
  const record: MessageRecord = {
    kind: 'message',
    network: 'instagram',
    externalId: id,
    threadKey: parentId ?? id,
    channel: 'comment',
    parentExternalId: parentId ?? null,
    postExternalId: mediaId ?? null,
    author: { ...(authorId ? { externalId: authorId } : {}), ...(username ? { name: username, handle: username } : {}) },
    text: str(c.text) ?? '',
    createdAt: fbTimeToIso(c.timestamp) ?? new Date(0).toISOString(),
  };
  const own = ownComment(c, ctx.accountId);
  if (own !== undefined) record.isFromAccount = own;
  const replies = arr(obj(c.replies).data).flatMap((r) => mapComment(r, { ...ctx, mediaId }, { id: parentId ?? id }));
  return [record, ...replies];
}

export function mapCommentsPage(body: unknown, ctx: InstagramMapContext, parent?: { id: string }): UnifiedRecord[] {
  const list = listIn('instagram', body, 'data', 'a page of comments');
  return [
    ...(list.error ? [list.error] : []),
    ...mapEach('instagram', list.items, 'a comment with an id', (c) => mapComment(c, ctx, parent)),
    pageRecord(obj(body)),
  ];
}

const count = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** The picture of a media item for the post context: its image, a video's thumbnail, a carousel's first child. */
function mediaPicture(m: JsonObject): string | undefined {
  if (str(m.media_type) === 'VIDEO') return str(m.thumbnail_url) ?? str(m.media_url);
  return str(m.media_url) ?? str(obj(arr(obj(m.children).data)[0]).media_url);
}

/** One media object of the account → a post record (a caption is omitted, not null, when there is none). */
export function mapMedia(raw: unknown): PostRecord[] {
  const m = obj(raw);
  const id = idOf(m.id);
  if (!id) return [];
  const counts: PostRecord['counts'] = {};
  const likes = count(m.like_count);
  const comments = count(m.comments_count);
  if (likes !== undefined) counts.reactions = likes;
  if (comments !== undefined) counts.comments = comments;
  const url = str(m.permalink) ?? mediaPicture(m);
  return [
    {
      kind: 'post',
      network: 'instagram',
      externalId: id,
      text: str(m.caption) ?? '',
      ...(url ? { url } : {}),
      publishedAt: fbTimeToIso(m.timestamp) ?? new Date(0).toISOString(),
      ...(Object.keys(counts).length ? { counts } : {}),
    },
  ];
}

export function mapMediaPage(body: unknown): UnifiedRecord[] {
  const list = listIn('instagram', body, 'data', 'a page of media');
  return [...(list.error ? [list.error] : []), ...mapEach('instagram', list.items, 'a media object with an id', mapMedia), pageRecord(obj(body))];
}

/**
 * A mention: someone else's comment that names the account (`mentioned_comment`), or media where
 * it was named or tagged (`mentioned_media`, `/tags`) — a message on the mention channel.
 */
export function mapMentionedComment(raw: unknown, ctx: InstagramMapContext, mediaOf?: string): MessageRecord[] {
  const c = obj(raw);
  const id = idOf(c.id);
  if (!id) return [];
  const media = obj(c.media);
  const mediaId = idOf(media.id) ?? mediaOf ?? ctx.mediaId;
  const username = str(obj(c.from).username) ?? str(c.username);
  const authorId = idOf(obj(c.from).id);
  const threadKey = mediaId ? mentionThreadKey(mediaId, id) : id;
  const mention: MessageRecord = {
    kind: 'message',
    network: 'instagram',
    externalId: id,
    threadKey,
    channel: 'mention',
    parentExternalId: null,
    postExternalId: mediaId ?? null,
    author: { ...(authorId ? { externalId: authorId } : {}), ...(username ? { name: username, handle: username } : {}) },
    text: str(c.text) ?? '',
    createdAt: fbTimeToIso(c.timestamp) ?? new Date(0).toISOString(),
    ...(str(media.permalink) ? { url: str(media.permalink) } : {}),
    isFromAccount: false,
  };
  // The answers under it (the account's, through POST /{ig-user-id}/mentions, and others'): the same thread.
  const replies = arr(obj(c.replies).data).flatMap((r) =>
    mapComment(r, { accountId: ctx.accountId, mediaId }, { id }).map((m): MessageRecord => ({ ...m, threadKey, channel: 'mention' })),
  );
  return [mention, ...replies];
}

export function mapMentionedMedia(raw: unknown): MessageRecord[] {
  const m = obj(raw);
  const id = idOf(m.id);
  if (!id) return [];
  const username = str(m.username);
  const picture = mediaPicture(m);
  return [
    {
      kind: 'message',
      network: 'instagram',
      externalId: id,
      threadKey: mentionThreadKey(id),
      channel: 'mention',
      parentExternalId: null,
      postExternalId: null,
      author: username ? { name: username, handle: username } : {},
      text: str(m.caption) ?? '',
      createdAt: fbTimeToIso(m.timestamp) ?? new Date(0).toISOString(),
      ...(str(m.permalink) ? { url: str(m.permalink) } : {}),
      ...(picture ? { attachments: [{ type: str(m.media_type)?.toLowerCase() ?? 'image', url: picture }] } : {}),
      isFromAccount: false,
    },
  ];
}

/**
 * The comments under someone else's media (read through mentioned_media) that name the account
 * (`@handle`), each a mention thread with its replies. Others' comments there are not the
 * account's business and are left out.
 */
export function mapMentioningComments(media: unknown, ctx: InstagramMapContext, handle: string): MessageRecord[] {
  const m = obj(media);
  const mediaId = idOf(m.id);
  const named = new RegExp(`(^|[^\\w.])@${handle.replace(/[.]/g, '\\.')}(?![\\w.])`, 'i');
  return arr(obj(m.comments).data)
    .filter((c) => named.test(str(obj(c).text) ?? ''))
    .flatMap((c) => mapMentionedComment(c, ctx, mediaId));
}

/** GET /{ig-user-id}?fields=mentioned_comment…|mentioned_media…, or a /tags page. */
export function mapMentions(body: unknown, ctx: InstagramMapContext): UnifiedRecord[] {
  const b = obj(body);
  if (b.mentioned_comment !== undefined) return mapMentionedComment(b.mentioned_comment, ctx);
  if (b.mentioned_media !== undefined) return mapMentionedMedia(b.mentioned_media);
  const list = listIn('instagram', body, 'data', 'mentions (mentioned_comment, mentioned_media or a /tags page)');
  return [...(list.error ? [list.error] : []), ...mapEach('instagram', list.items, 'a tagged media object with an id', mapMentionedMedia), pageRecord(b)];
}

/** A Graph message attachment's kind: image (a sticker when Graph renders it as one), video, audio or file by its MIME type. */
function attachmentType(a: JsonObject): string {
  const image = obj(a.image_data);
  if (str(image.url)) return image.render_as_sticker === true ? 'sticker' : 'image';
  if (str(obj(a.video_data).url)) return 'video';
  const mime = str(a.mime_type) ?? '';
  if (mime.startsWith('audio/')) return 'audio';
  if (mime.startsWith('video/')) return 'video';
  if (mime.startsWith('image/')) return 'image';
  return str(a.type) ?? 'file';
}

/**
 * What a Direct message carries besides text: `attachments` (images, videos, audio, files), `shares`
 * (a shared post, by its link), `story` (`reply_to` a story of the account, or a `mention` of it in
 * someone's story, by the story's link) and a `sticker` URL.
 */
function messageAttachments(m: JsonObject): Attachment[] | undefined {
  const out: Attachment[] = [];
  for (const raw of arr(obj(m.attachments).data)) {
    const a = obj(raw);
    const url = str(obj(a.image_data).url) ?? str(obj(a.video_data).url) ?? str(a.file_url) ?? str(obj(a.payload).url);
    // A template the account sent (generic or button), read back as Messenger's generic_template.
    const template = url ? undefined : sentTemplateUrl(a);
    if (url) out.push({ type: attachmentType(a), url });
    else if (template) out.push({ type: 'template', url: template });
  }
  for (const raw of arr(obj(m.shares).data)) {
    const link = str(obj(raw).link);
    if (link) out.push({ type: 'share', url: link });
  }
  const story = obj(m.story);
  const reply = str(obj(story.reply_to).link);
  const mention = str(obj(story.mention).link);
  if (reply) out.push({ type: 'story_reply', url: reply });
  if (mention) out.push({ type: 'story_mention', url: mention });
  const sticker = str(m.sticker);
  if (sticker && !out.some((a) => a.url === sticker)) out.push({ type: 'sticker', url: sticker });
  return out.length ? out : undefined;
}

export function mapMessage(raw: unknown, ctx: InstagramMapContext, customer?: string): MessageRecord | undefined {
  const m = obj(raw);
  const id = idOf(m.id);
  if (!id) return undefined;
  const igsid = customer ?? customerOf(m, ctx.accountId, idOf);
  const from = obj(m.from);
  const authorId = idOf(from.id);
  const username = str(from.username);
  const record: MessageRecord = {
    kind: 'message',
    network: 'instagram',
    externalId: id,
    threadKey: instagramThreadKey(igsid ?? id),
    channel: 'direct',
    parentExternalId: null,
    postExternalId: null,
    author: { ...(authorId ? { externalId: authorId } : {}), ...(username ? { name: username, handle: username } : {}) },
    text: str(m.message) ?? '',
    createdAt: fbTimeToIso(m.created_time) ?? new Date(0).toISOString(),
  };
  const attachments = messageAttachments(m);
  if (attachments) record.attachments = attachments;
  const own = ctx.accountId && authorId ? authorId === ctx.accountId : igsid && authorId ? authorId !== igsid : undefined;
  if (own !== undefined) record.isFromAccount = own;
  return record;
}

export function mapMessagesPage(body: unknown, ctx: InstagramMapContext, customer?: string): UnifiedRecord[] {
  const list = listIn('instagram', body, 'data', 'a page of messages');
  return [
    ...(list.error ? [list.error] : []),
    ...mapEach('instagram', list.items, 'a message with an id', (m) => mapMessage(m, ctx, customer)),
    pageRecord(obj(body)),
  ];
}

/** The customer of a conversation: the participant who is not the account (the second when the account is unknown: Instagram lists the account first). */
export function conversationCustomer(raw: unknown, accountId: string | undefined): string | undefined {
  const ids = arr(obj(obj(raw).participants).data)
    .map((p) => idOf(obj(p).id))
    .filter((p): p is string => !!p);
  if (accountId) return ids.find((p) => p !== accountId);
  return ids.find((p) => !p.startsWith('1784')) ?? ids[ids.length - 1];
}

/**
 * One conversation: a thread record when its customer is known (participants listed), with its
 * messages. A bare {id, updated_time} listing (the IG-Login default) names nobody yet: it is a
 * hint that the conversation changed, read in full by the sync.
 */
export function mapConversation(raw: unknown, ctx: InstagramMapContext): UnifiedRecord[] {
  const c = obj(raw);
  const id = idOf(c.id);
  if (!id) return [];
  const customer = conversationCustomer(c, ctx.accountId);
  const messages = arr(obj(c.messages).data)
    .map((m) => mapMessage(m, ctx, customer))
    .filter((m): m is MessageRecord => !!m);
  if (!customer) return [{ kind: 'hint', network: 'instagram', target: 'thread', externalId: id }, ...messages];
  const updatedAt = fbTimeToIso(c.updated_time);
  const thread: ThreadRecord = {
    kind: 'thread',
    network: 'instagram',
    externalId: instagramThreadKey(customer),
    channel: 'direct',
    ...(updatedAt ? { updatedAt } : {}),
  };
  return [thread, ...messages];
}

export function mapConversationsPage(body: unknown, ctx: InstagramMapContext): UnifiedRecord[] {
  const list = listIn('instagram', body, 'data', 'a page of conversations');
  return [
    ...(list.error ? [list.error] : []),
    ...mapEach('instagram', list.items, 'a conversation with an id', (c) => mapConversation(c, ctx)),
    pageRecord(obj(body)),
  ];
}
