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
import { listIn, mapEach } from '../unexpected';

/**
 * Graph API payloads → unified records. Comment thread key: the top-level comment's id (Facebook
 * keeps two levels: a reply's parent is its top-level comment). Messenger thread key: `dm:<PSID>`
 * of the customer, because that is what every Messenger payload carries — conversation listings,
 * messages and webhook events alike — so a message reaches the same thread however it arrives.
 */
export interface FacebookMapContext {
  /** The page's id; tells the page's own comments and messages apart. */
  pageId?: string;
  /** The post whose comments these are (GET /{post}/comments). */
  postId?: string;
}

const GRAPH_UTC = /^(\d{4}-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d))\+0000$/;

/** Graph times: "2021-08-10T18:45:03+0000", unix seconds (webhooks), or unix ms (Messenger). */
export function fbTimeToIso(value: unknown): string | undefined {
  if (typeof value === 'number') {
    // Out-of-range or NaN numbers make an Invalid Date, whose toISOString throws: treat as absent.
    const d = new Date(value < 1e12 ? value * 1000 : value);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
  }
  if (typeof value !== 'string' || value === '') return undefined;
  // Graph's own format in UTC, with fields that cannot roll over (day ≤ 28): it is already the
  // ISO string but for the milliseconds. Every comment of every page goes through here.
  const utc = GRAPH_UTC.exec(value);
  if (
    utc &&
    Number(utc[2]) >= 1 &&
    Number(utc[2]) <= 12 &&
    Number(utc[3]) >= 1 &&
    Number(utc[3]) <= 28 &&
    Number(utc[4]) < 24 &&
    Number(utc[5]) < 60 &&
    Number(utc[6]) < 60
  ) {
    return `${utc[1]}.000Z`;
  }
  if (/^\d+$/.test(value)) return fbTimeToIso(Number(value));
  const d = new Date(value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

export const messengerThreadKey = (psid: string): string => `dm:${psid}`;
export const psidOfThreadKey = (threadKey: string): string | null => (threadKey.startsWith('dm:') ? threadKey.slice(3) : null);

/** Where paging goes on: the `after` cursor, or the time-based query of `paging.next` (without the token). */
export function pageRecord(body: JsonObject): PageRecord {
  const paging = obj(body.paging);
  const next = str(paging.next);
  if (!next) return { kind: 'page', network: 'facebook', nextCursor: null };
  const after = str(obj(paging.cursors).after);
  if (after) return { kind: 'page', network: 'facebook', nextCursor: after };
  try {
    const params = new URL(next).searchParams;
    params.delete('access_token');
    return { kind: 'page', network: 'facebook', nextCursor: params.toString() };
  } catch {
    return { kind: 'page', network: 'facebook', nextCursor: null };
  }
}

interface PermalinkIds {
  pageId: string;
  postNumber: string;
  commentNumber: string;
  replyNumber?: string;
}

/** Pages API comment listings may omit ids; the permalink still names page, post and comment. */
function idsFromPermalink(url: string | undefined): PermalinkIds | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    const m = /^\/([^/]+)\/posts\/([^/]+)\/?$/.exec(u.pathname);
    const comment = u.searchParams.get('comment_id');
    if (!m || !comment) return undefined;
    return { pageId: m[1], postNumber: m[2], commentNumber: comment, replyNumber: u.searchParams.get('reply_comment_id') ?? undefined };
  } catch {
    return undefined;
  }
}

function commentAttachments(c: JsonObject): Attachment[] | undefined {
  const a = obj(c.attachment);
  if (!Object.keys(a).length) return undefined;
  const url = str(obj(obj(a.media).image).src) ?? str(a.url) ?? str(obj(a.target).url);
  return url ? [{ type: str(a.type) ?? 'attachment', url }] : undefined;
}

/**
 * A template the page (or Instagram account) sent through the Send API, as Graph reads a message's
 * attachment back (`generic_template`): its button's link, else its image.
 */
export function sentTemplateUrl(a: JsonObject): string | undefined {
  const template = obj(a.generic_template);
  return str(obj(template.cta).url) ?? str(template.media_url);
}

function messageAttachments(m: JsonObject): Attachment[] | undefined {
  const out: Attachment[] = [];
  for (const raw of arr(obj(m.attachments).data)) {
    const a = obj(raw);
    const image = str(obj(a.image_data).url);
    const video = str(obj(a.video_data).url);
    const templateUrl = sentTemplateUrl(a);
    const url = image ?? video ?? str(a.file_url) ?? templateUrl;
    if (url) out.push({ type: image ? 'image' : video ? 'video' : templateUrl && url === templateUrl ? 'template' : (str(a.mime_type) ?? 'file'), url });
  }
  return out.length ? out : undefined;
}

const fromAccount = (authorId: string | undefined, pageId: string | undefined): boolean | undefined =>
  authorId !== undefined && pageId !== undefined ? authorId === pageId : undefined;

const commentIdOf = (link: PermalinkIds | undefined): string | undefined => (link ? `${link.postNumber}_${link.replyNumber ?? link.commentNumber}` : undefined);
const parentIdOf = (link: PermalinkIds | undefined): string | undefined => (link?.replyNumber ? `${link.postNumber}_${link.commentNumber}` : undefined);

/** The post a comment belongs to, from its permalink, else from the page and the comment id's post part. */
function postIdOf(link: PermalinkIds | undefined, pageId: string | undefined, commentId: string | undefined): string | undefined {
  if (link) return `${link.pageId}_${link.postNumber}`;
  const postNumber = commentId?.split('_')[0];
  return pageId && postNumber ? `${pageId}_${postNumber}` : undefined;
}

/** One comment (and the replies nested under it) as message records. */
export function mapComment(raw: unknown, ctx: FacebookMapContext, parent?: { id: string }): MessageRecord[] {
  const c = obj(raw);
  const permalink = str(c.permalink_url);
  // The permalink is parsed only when a field it stands in for is missing (URL parsing was the
  // largest cost of mapping a Graph page); a listing with ids, parents and the post asks for none.
  let parsed: PermalinkIds | undefined | null = null;
  const permalinkIds = () => (parsed === null ? (parsed = idsFromPermalink(permalink)) : parsed);
  const id = str(c.id) ?? commentIdOf(permalinkIds());
  if (!id) return [];
  // Only a reply's permalink names a reply_comment_id; a top-level comment's is not parsed for it.
  const parentId = parent?.id ?? str(obj(c.parent).id) ?? (permalink?.includes('reply') ? parentIdOf(permalinkIds()) : undefined);
  const pageId = ctx.pageId ?? permalinkIds()?.pageId;
  const postId = ctx.postId ?? str(obj(c.object).id) ?? postIdOf(permalinkIds(), pageId, str(c.id));
  const from = obj(c.from);
  const authorId = str(from.id);
  const createdAt = fbTimeToIso(c.created_time);
  const record: MessageRecord = {
    kind: 'message',
    network: 'facebook',
    externalId: id,
    threadKey: parentId ?? id,
    channel: 'comment',
    parentExternalId: parentId ?? null,
    postExternalId: postId ?? null,
    author: { ...(authorId ? { externalId: authorId } : {}), ...(str(from.name) ? { name: str(from.name) } : {}) },
    text: str(c.message) ?? '',
    createdAt: createdAt ?? new Date(0).toISOString(),
    ...(permalink ? { url: permalink } : {}),
  };
  const attachments = commentAttachments(c);
  if (attachments) record.attachments = attachments;
  const own = fromAccount(authorId, ctx.pageId);
  if (own !== undefined) record.isFromAccount = own;
  // Replies nested with fields=comments{...}: their parent is this comment's top-level comment.
  const replies = arr(obj(c.comments).data).flatMap((r) => mapComment(r, { ...ctx, postId: postId ?? ctx.postId }, { id: parentId ?? id }));
  return [record, ...replies];
}

export function mapCommentsPage(body: unknown, ctx: FacebookMapContext): UnifiedRecord[] {
  const b = obj(body);
  const list = listIn('facebook', body, 'data', 'a page of comments');
  return [...(list.error ? [list.error] : []), ...mapEach('facebook', list.items, 'a comment with an id', (c) => mapComment(c, ctx)), pageRecord(b)];
}

const count = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/**
 * One feed item: the page's own post becomes a post record; a visitor post (written by someone
 * else on the page) is a customer message, its own thread. Nested comments follow either way.
 */
export function mapPost(raw: unknown, ctx: FacebookMapContext): UnifiedRecord[] {
  const p = obj(raw);
  const id = str(p.id);
  if (!id) return [];
  const authorId = str(obj(p.from).id);
  const pageId = ctx.pageId ?? id.split('_')[0];
  const text = str(p.message) ?? str(p.story) ?? '';
  const publishedAt = fbTimeToIso(p.created_time) ?? new Date(0).toISOString();
  const out: UnifiedRecord[] = [];
  if (authorId && ctx.pageId && authorId !== ctx.pageId) {
    out.push({
      kind: 'message',
      network: 'facebook',
      externalId: id,
      threadKey: id,
      channel: 'comment',
      parentExternalId: null,
      postExternalId: id,
      author: { externalId: authorId, ...(str(obj(p.from).name) ? { name: str(obj(p.from).name) } : {}) },
      text,
      createdAt: publishedAt,
      ...(str(p.permalink_url) ? { url: str(p.permalink_url) } : {}),
      isFromAccount: false,
    });
  } else {
    const counts: PostRecord['counts'] = {};
    const reactions = count(obj(obj(p.reactions).summary).total_count) ?? count(obj(obj(p.likes).summary).total_count);
    const comments = count(obj(obj(p.comments).summary).total_count);
    const shares = count(obj(p.shares).count);
    if (reactions !== undefined) counts.reactions = reactions;
    if (comments !== undefined) counts.comments = comments;
    if (shares !== undefined) counts.shares = shares;
    out.push({
      kind: 'post',
      network: 'facebook',
      externalId: id,
      text,
      ...(str(p.permalink_url) ? { url: str(p.permalink_url) } : {}),
      publishedAt,
      ...(Object.keys(counts).length ? { counts } : {}),
    });
  }
  out.push(...arr(obj(p.comments).data).flatMap((c) => mapComment(c, { pageId, postId: id })));
  return out;
}

export function mapPostsPage(body: unknown, ctx: FacebookMapContext): UnifiedRecord[] {
  const b = obj(body);
  const list = listIn('facebook', body, 'data', 'a page of posts');
  return [...(list.error ? [list.error] : []), ...mapEach('facebook', list.items, 'a post with an id', (p) => mapPost(p, ctx)), pageRecord(b)];
}

/**
 * The customer of a Messenger (or Instagram Direct) message: whoever of from/to is not the page or
 * account. `idOf` reads an id (Instagram's refuses numbers beyond 2^53).
 */
export function customerOf(m: JsonObject, pageId: string | undefined, idOf: (v: unknown) => string | undefined = str): string | undefined {
  const from = idOf(obj(m.from).id);
  const to = arr(obj(m.to).data)
    .map((t) => idOf(obj(t).id))
    .filter((t): t is string => !!t);
  if (pageId) return from === pageId ? to.find((t) => t !== pageId) : from;
  // Without the page's id a message read alone is taken as the customer's (the common case).
  return from ?? to[0];
}

export function mapMessage(raw: unknown, ctx: FacebookMapContext, customer?: string): MessageRecord | undefined {
  const m = obj(raw);
  const id = str(m.id);
  if (!id) return undefined;
  const psid = customer ?? customerOf(m, ctx.pageId);
  const from = obj(m.from);
  const authorId = str(from.id);
  const record: MessageRecord = {
    kind: 'message',
    network: 'facebook',
    externalId: id,
    threadKey: psid ? messengerThreadKey(psid) : `dm:${id}`,
    channel: 'direct',
    parentExternalId: null,
    postExternalId: null,
    author: { ...(authorId ? { externalId: authorId } : {}), ...(str(from.name) ? { name: str(from.name) } : {}) },
    text: str(m.message) ?? '',
    createdAt: fbTimeToIso(m.created_time) ?? new Date(0).toISOString(),
  };
  const attachments = messageAttachments(m);
  if (attachments) record.attachments = attachments;
  const own = fromAccount(authorId, ctx.pageId) ?? (psid !== undefined && authorId !== undefined ? authorId !== psid : undefined);
  if (own !== undefined) record.isFromAccount = own;
  return record;
}

export function mapMessagesPage(body: unknown, ctx: FacebookMapContext, customer?: string): UnifiedRecord[] {
  const b = obj(body);
  const list = listIn('facebook', body, 'data', 'a page of messages');
  return [...(list.error ? [list.error] : []), ...mapEach('facebook', list.items, 'a message with an id', (m) => mapMessage(m, ctx, customer)), pageRecord(b)];
}

/** The customer of a conversation: the participant who is not the page (the first one when the page is unknown). */
export function conversationCustomer(raw: unknown, pageId: string | undefined): string | undefined {
  const ids = arr(obj(obj(raw).participants).data)
    .map((p) => str(obj(p).id))
    .filter((p): p is string => !!p);
  return pageId ? ids.find((p) => p !== pageId) : ids[0];
}

export function mapConversation(raw: unknown, ctx: FacebookMapContext): UnifiedRecord[] {
  const c = obj(raw);
  const id = str(c.id);
  if (!id) return [];
  const customer = conversationCustomer(c, ctx.pageId);
  const thread: ThreadRecord = {
    kind: 'thread',
    network: 'facebook',
    externalId: customer ? messengerThreadKey(customer) : id,
    channel: 'direct',
    ...(fbTimeToIso(c.updated_time) ? { updatedAt: fbTimeToIso(c.updated_time) } : {}),
    ...(count(c.unread_count) !== undefined ? { unread: count(c.unread_count) } : {}),
  };
  const messages = arr(obj(c.messages).data)
    .map((m) => mapMessage(m, ctx, customer))
    .filter((m): m is MessageRecord => !!m);
  return [thread, ...messages];
}

export function mapConversationsPage(body: unknown, ctx: FacebookMapContext): UnifiedRecord[] {
  const b = obj(body);
  const list = listIn('facebook', body, 'data', 'a page of conversations');
  return [...(list.error ? [list.error] : []), ...mapEach('facebook', list.items, 'a conversation with an id', (c) => mapConversation(c, ctx)), pageRecord(b)];
}
