import {
  arr,
  type Attachment,
  type JsonObject,
  type MessageRecord,
  obj,
  type PageRecord,
  type PostRecord,
  str,
  type UnifiedRecord,
} from '@resonance/contracts';
import { listIn, mapEach } from '../unexpected';

/**
 * LinkedIn (Community Management API, Restli 2.0) payloads → unified records. Ids are URNs: a post
 * is urn:li:share:… or urn:li:ugcPost:…; a comment is urn:li:comment:(<object URN>,<id>) — a URN
 * with the object's URN nested in parentheses, so it is never split on ':' or ','. The thread key of
 * a comment is its top-level comment's URN (a reply names it in `parentComment`).
 */
export interface LinkedInMapContext {
  /** The organization URN of the channel; tells the organization's own comments apart. */
  organizationUrn?: string;
  /** The post whose comments these are (GET /rest/socialActions/{post}/comments). */
  postUrn?: string;
  /** Names of actors, by URN, looked up separately (comments carry only the actor's URN). */
  names?: ReadonlyMap<string, { name?: string; handle?: string }>;
}

// encodeURIComponent throws on an unpaired surrogate; such a URN from a hostile payload gets U+FFFD.
const wellFormed = (value: string): string => value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** LinkedIn times are epoch milliseconds; a number outside the Date range reads as no time. */
export function liTimeToIso(v: unknown): string | undefined {
  if (typeof v !== 'number') return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** The URN of a comment: `commentUrn` (versioned API), `$URN` (older Restli), or built from object and id. */
export function commentUrnOf(raw: unknown): string | undefined {
  const c = obj(raw);
  const explicit = str(c.commentUrn) ?? str(c.$URN);
  if (explicit) return explicit;
  const object = str(c.object);
  const id = str(c.id);
  return object && id ? `urn:li:comment:(${object},${id})` : undefined;
}

/**
 * The object URN inside urn:li:comment:(<object>,<id>), respecting nested parentheses: the last
 * top-level comma separates the object from the comment's own id.
 */
export function parseCommentUrn(urn: string): { object: string; id: string } | undefined {
  const prefix = 'urn:li:comment:(';
  if (!urn.startsWith(prefix) || !urn.endsWith(')')) return undefined;
  const inner = urn.slice(prefix.length, -1);
  let depth = 0;
  let split = -1;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) split = i;
  }
  if (split <= 0) return undefined;
  return { object: inner.slice(0, split), id: inner.slice(split + 1) };
}

/** Where start/count paging goes on: the next `start`, or null on the last page. */
export function nextStart(body: unknown): number | null {
  const paging = obj(obj(body).paging);
  const next = arr(paging.links)
    .map(obj)
    .find((l) => l.rel === 'next');
  const start = typeof paging.start === 'number' ? paging.start : 0;
  const count = arr(obj(body).elements).length;
  if (next) {
    const href = str(next.href);
    const fromLink = href ? Number(new URL(href, 'https://api.linkedin.com').searchParams.get('start')) : NaN;
    return Number.isFinite(fromLink) && fromLink > start ? fromLink : start + count;
  }
  if (typeof paging.total === 'number' && start + count < paging.total && count > 0) return start + count;
  return null;
}

export const pageRecord = (body: unknown): PageRecord => {
  const n = nextStart(body);
  return { kind: 'page', network: 'linkedin', nextCursor: n === null ? null : String(n) };
};

function postUrl(urn: string): string {
  return `https://www.linkedin.com/feed/update/${urn}/`;
}

export function mapPost(raw: unknown): PostRecord[] {
  const p = obj(raw);
  const id = str(p.id);
  if (!id) return [];
  const publishedAt = liTimeToIso(p.publishedAt) ?? liTimeToIso(p.createdAt) ?? new Date(0).toISOString();
  return [{ kind: 'post', network: 'linkedin', externalId: id, text: str(p.commentary) ?? '', url: postUrl(id), publishedAt }];
}

export function mapPostsPage(body: unknown): UnifiedRecord[] {
  const list = listIn('linkedin', body, 'elements', 'a page of posts');
  return [...(list.error ? [list.error] : []), ...mapEach('linkedin', list.items, 'a post with an id', mapPost), pageRecord(body)];
}

function attachmentsOf(c: JsonObject): Attachment[] | undefined {
  const out: Attachment[] = [];
  for (const raw of arr(c.content)) {
    const a = obj(raw);
    const url = str(a.url);
    if (url) out.push({ type: (str(a.type) ?? 'attachment').toLowerCase(), url });
  }
  return out.length ? out : undefined;
}

/**
 * One comment as a message record. A comment may lack `actor` (a member who left LinkedIn, or one
 * LinkedIn does not disclose): it keeps an anonymous author rather than being dropped. A deleted
 * comment (no message, or `lifecycleState` DELETED) is skipped: there is nothing to answer.
 */
export function mapComment(raw: unknown, ctx: LinkedInMapContext = {}): MessageRecord[] {
  const c = obj(raw);
  const urn = commentUrnOf(c);
  if (!urn) return [];
  if (c.lifecycleState === 'DELETED' || c.deleted === true) return [];
  const parent = str(c.parentComment);
  const created = obj(c.created);
  const actor = str(c.actor) ?? str(created.actor);
  const object = str(c.object) ?? parseCommentUrn(urn)?.object;
  const named = actor ? ctx.names?.get(actor) : undefined;
  const record: MessageRecord = {
    kind: 'message',
    network: 'linkedin',
    externalId: urn,
    // LinkedIn nests one level: a reply's parentComment is its top-level comment.
    threadKey: parent ?? urn,
    channel: 'comment',
    parentExternalId: parent ?? null,
    postExternalId: ctx.postUrn ?? object ?? null,
    author: {
      ...(actor ? { externalId: actor } : {}),
      ...(named?.name ? { name: named.name } : {}),
      ...(named?.handle ? { handle: named.handle } : {}),
    },
    text: str(obj(c.message).text) ?? '',
    createdAt: liTimeToIso(created.time) ?? new Date(0).toISOString(),
    ...(object ? { url: `${postUrl(object)}?commentUrn=${encodeURIComponent(wellFormed(urn))}` } : {}),
  };
  const attachments = attachmentsOf(c);
  if (attachments) record.attachments = attachments;
  // Without the channel's organization, another organization's comment cannot be told apart.
  if (ctx.organizationUrn !== undefined) record.isFromAccount = actor === ctx.organizationUrn;
  return [record];
}

export function mapCommentsPage(body: unknown, ctx: LinkedInMapContext = {}): UnifiedRecord[] {
  const list = listIn('linkedin', body, 'elements', 'a page of comments');
  // A deleted comment is documented and has nothing to answer: left out on purpose.
  const deleted = (c: unknown) => obj(c).lifecycleState === 'DELETED' || obj(c).deleted === true;
  return [
    ...(list.error ? [list.error] : []),
    ...mapEach('linkedin', list.items, 'a comment with an id or $URN', (c) => mapComment(c, ctx), deleted),
    pageRecord(body),
  ];
}

/** A person's display name from /rest/people (localized first and last name) or an organization's localizedName. */
export function nameOf(raw: unknown): { name?: string; handle?: string } {
  const p = obj(raw);
  const name = str(p.localizedName) ?? ([str(p.localizedFirstName), str(p.localizedLastName)].filter(Boolean).join(' ') || undefined);
  const handle = str(p.vanityName);
  return { ...(name ? { name } : {}), ...(handle ? { handle } : {}) };
}
