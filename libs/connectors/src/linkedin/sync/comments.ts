import { arr, num, obj } from '@resonance/contracts';
import type { StreamStates, SyncPage } from '../../interfaces';
import { trackCursors, type SyncRun } from '../../sync-run';
import { urnSegment, type LinkedInClient } from '../client';
import { commentUrnOf, mapComment, nameOf, nextStart, type LinkedInMapContext } from '../mapper';

export interface LinkedInPostCursor {
  createdAt: string;
  /** aggregatedTotalComments when the post was last read to the end. */
  total?: number;
  polledAt?: string;
  /** Reply counts of top-level comments (only those with replies), as last read. */
  replies?: Record<string, number>;
}

const COMMENTS_PAGE = 100;
const MAX_TRACKED_POSTS = 100;
const RECONCILE_EVERY_MS = 30 * 60_000;
/** Person URNs per batch name lookup (/rest/people?ids=List(...)). */
const NAMES_BATCH = 50;

type Names = Map<string, { name?: string; handle?: string }>;

/** Names of the people behind these actor URNs, looked up in batches and remembered for the run. */
export async function resolveNames(client: LinkedInClient, comments: unknown[], names: Names): Promise<void> {
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
async function* commentsUnder(client: LinkedInClient, objectUrn: string): AsyncGenerator<unknown[]> {
  let start = 0;
  for (let round = 0; round < 1_000; round++) {
    const body = await client.get(`/rest/socialActions/${urnSegment(objectUrn)}/comments`, { start, count: COMMENTS_PAGE });
    yield arr(obj(body).elements);
    const next = nextStart(body);
    if (next === null || next <= start) return;
    start = next;
  }
}

/** The comments stream: comments and replies of the posts whose count changed or that are due. */
export async function* commentPages(run: SyncRun<LinkedInClient>, seen: Map<string, string>): AsyncGenerator<SyncPage> {
  const { client, accountId: org, windowStart, now } = run;
  const names: Names = new Map();
  const { cursors, tracked } = trackCursors<LinkedInPostCursor>({
    stored: obj(run.state.comments) as Record<string, LinkedInPostCursor>,
    seen,
    windowStart,
    max: MAX_TRACKED_POSTS,
  });
  const snapshot = (): StreamStates => ({ comments: structuredClone(cursors) });

  for (const [postUrn, cursor] of tracked) {
    const actions = await client.get(`/rest/socialActions/${urnSegment(postUrn)}`);
    const total = num(obj(obj(actions).commentsSummary).aggregatedTotalComments);
    const due = !cursor.polledAt || Date.parse(cursor.polledAt) < now.getTime() - RECONCILE_EVERY_MS;
    if (!due && total !== undefined && total === cursor.total) continue;
    const mapCtx: LinkedInMapContext = { organizationUrn: org, postUrn, names };
    const replies: Record<string, number> = {};
    const changed: string[] = [];
    for await (const elements of commentsUnder(client, postUrn)) {
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
      for await (const elements of commentsUnder(client, parent)) {
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
