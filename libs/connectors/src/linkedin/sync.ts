import { arr, num, obj, type UnifiedRecord } from '@resonance/contracts';
import type { ConnectorContext, StreamStates, SyncInput, SyncPage } from '../interfaces';
import { linkedinAccessToken } from './auth';
import { LinkedInClient, urnSegment } from './client';
import { commentUrnOf, liTimeToIso, mapComment, mapPost, nameOf, nextStart, type LinkedInMapContext } from './mapper';
import type { LinkedInSettings } from './settings';

/**
 * LinkedIn's sync streams, in the order they are stored (posts before their comments):
 * - posts: the organization's posts (/rest/posts?q=author, newest first) within the window;
 * - comments: per post, its comment count (/rest/socialActions/{post}) decides whether to read it;
 *   then its top-level comments (start/count paging, oldest first) and, for each top-level comment
 *   whose reply count changed, its replies (/rest/socialActions/{comment}/comments).
 * LinkedIn has no "since" on comments, so a post is read again from the start when its count
 * changed or every RECONCILE_EVERY_MS; the upsert is idempotent. Private messages: LinkedIn has
 * no API for page messages, so there is no such stream.
 */
export const LINKEDIN_STREAMS = ['posts', 'comments'] as const;

export interface LinkedInPostCursor {
  createdAt: string;
  /** aggregatedTotalComments when the post was last read to the end. */
  total?: number;
  polledAt?: string;
  /** Reply counts of top-level comments (only those with replies), as last read. */
  replies?: Record<string, number>;
}

const POSTS_PAGE = 50;
const COMMENTS_PAGE = 100;
const MAX_TRACKED_POSTS = 100;
const RECONCILE_EVERY_MS = 30 * 60_000;
/** Person URNs per batch name lookup (/rest/people?ids=List(...)). */
const NAMES_BATCH = 50;

export function linkedinClient(settings: LinkedInSettings, ctx: ConnectorContext): LinkedInClient {
  return new LinkedInClient({ settings, accessToken: linkedinAccessToken(ctx.credentials), budget: ctx.budget });
}

/** Names of the people behind these actor URNs, looked up in batches and remembered for the run. */
export async function resolveNames(client: LinkedInClient, comments: unknown[], names: Map<string, { name?: string; handle?: string }>): Promise<void> {
  const wanted = new Set<string>();
  for (const c of comments) {
    const actor = obj(c).actor;
    if (typeof actor === 'string' && actor.startsWith('urn:li:person:') && !names.has(actor)) wanted.add(actor);
  }
  const ids = [...wanted];
  for (let i = 0; i < ids.length; i += NAMES_BATCH) {
    const batch = ids.slice(i, i + NAMES_BATCH).map((urn) => urn.slice('urn:li:person:'.length));
    // Restli 2.0 batch syntax: the List(...) and (id:…) structure stays literal, the values are encoded.
    const list = batch.map((id) => `(id:${encodeURIComponent(id)})`).join(',');
    const res = await client.get<{ results?: Record<string, unknown> }>(`/rest/people?ids=List(${list})`);
    for (const [key, person] of Object.entries(obj(res.results))) {
      const id = /^\(id:(.+)\)$/.exec(key)?.[1] ?? key;
      names.set(`urn:li:person:${decodeURIComponent(id)}`, nameOf(person));
    }
    // People LinkedIn does not return (left the network) stay anonymous, asked once per run.
    for (const id of batch) if (!names.has(`urn:li:person:${id}`)) names.set(`urn:li:person:${id}`, {});
  }
}

/** Every comment under `objectUrn` (a post or a comment), page by page. */
async function* commentPages(client: LinkedInClient, objectUrn: string): AsyncGenerator<unknown[]> {
  let start = 0;
  for (let round = 0; round < 1_000; round++) {
    const body = await client.get(`/rest/socialActions/${urnSegment(objectUrn)}/comments`, { start, count: COMMENTS_PAGE });
    yield arr(obj(body).elements);
    const next = nextStart(body);
    if (next === null || next <= start) return;
    start = next;
  }
}

export async function* linkedinSyncPages(settings: LinkedInSettings, input: SyncInput): AsyncGenerator<SyncPage> {
  const { ctx, now, backfillSince } = input;
  const client = linkedinClient(settings, ctx);
  const org = ctx.account.externalId;
  const windowStart = backfillSince.getTime();
  const names = new Map<string, { name?: string; handle?: string }>();

  // 1. The organization's posts within the window, newest first.
  const seen = new Map<string, string>();
  let start = 0;
  for (let round = 0; round < 200; round++) {
    const body = await client.get('/rest/posts', { q: 'author', author: org, sortBy: 'CREATED', start, count: POSTS_PAGE });
    const records: UnifiedRecord[] = [];
    let older = false;
    for (const raw of arr(obj(body).elements)) {
      const p = obj(raw);
      const createdIso = liTimeToIso(p.publishedAt) ?? liTimeToIso(p.createdAt);
      const created = createdIso ? Date.parse(createdIso) : undefined;
      if (created !== undefined && created < windowStart) {
        older = true;
        continue;
      }
      if (typeof p.id !== 'string') continue;
      seen.set(p.id, new Date(created ?? now.getTime()).toISOString());
      records.push(...mapPost(raw));
    }
    if (records.length) yield { stream: 'posts', records };
    const next = nextStart(body);
    if (older || next === null || next <= start) break;
    start = next;
  }

  // 2. Comments and replies of the posts whose count changed or that are due.
  const previous = obj(input.state.comments) as Record<string, LinkedInPostCursor>;
  const cursors: Record<string, LinkedInPostCursor> = {};
  for (const [id, c] of Object.entries(previous)) if (Date.parse(c.createdAt) >= windowStart) cursors[id] = { ...c };
  for (const [id, createdAt] of seen) cursors[id] = { ...cursors[id], createdAt };
  const tracked = Object.entries(cursors)
    .sort((a, b) => b[1].createdAt.localeCompare(a[1].createdAt))
    .slice(0, MAX_TRACKED_POSTS);
  const keep = new Set(tracked.map(([id]) => id));
  for (const id of Object.keys(cursors)) if (!keep.has(id)) delete cursors[id];
  const snapshot = (): StreamStates => ({ comments: structuredClone(cursors) });

  for (const [postUrn, cursor] of tracked) {
    const actions = await client.get(`/rest/socialActions/${urnSegment(postUrn)}`);
    const total = num(obj(obj(actions).commentsSummary).aggregatedTotalComments);
    const due = !cursor.polledAt || Date.parse(cursor.polledAt) < now.getTime() - RECONCILE_EVERY_MS;
    if (!due && total !== undefined && total === cursor.total) continue;
    const mapCtx: LinkedInMapContext = { organizationUrn: org, postUrn, names };
    const replies: Record<string, number> = {};
    const changed: string[] = [];
    for await (const elements of commentPages(client, postUrn)) {
      await resolveNames(client, elements, names);
      const records = elements.flatMap((c) => mapComment(c, mapCtx));
      for (const c of elements) {
        const urn = commentUrnOf(c);
        const count = num(obj(obj(c).commentsSummary).aggregatedTotalComments) ?? 0;
        if (!urn || count === 0) continue;
        replies[urn] = count;
        if (due || cursor.replies?.[urn] !== count) changed.push(urn);
      }
      yield { stream: 'comments', records };
    }
    for (const parent of changed) {
      for await (const elements of commentPages(client, parent)) {
        await resolveNames(client, elements, names);
        // Replies carry parentComment; where LinkedIn leaves it out, the listing says whose replies they are.
        const records = elements.flatMap((c) => mapComment(obj(c).parentComment ? c : { ...obj(c), parentComment: parent }, mapCtx));
        yield { stream: 'comments', records };
      }
    }
    cursor.total = total;
    cursor.polledAt = now.toISOString();
    cursor.replies = replies;
    yield { stream: 'comments', records: [], commit: snapshot() };
  }
  // Posts that left the window are forgotten.
  yield { stream: 'comments', records: [], commit: snapshot() };
}
