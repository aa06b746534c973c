import type { FuzzRequest, Outcome } from './target';
import type { SeededWorkspace } from './workspaces';
import { markersOf } from './workspaces';

/**
 * What every answer must satisfy: no 5xx, within the time bound, and nothing of the other
 * workspace that the request did not itself carry (an id echoed in "thread 12 not found" is fine,
 * another workspace's note text is not).
 */

/** Whole texts of workspace B, recognised even when the request carried B's bare marker. */
export function contentsOf(ws: SeededWorkspace): string[] {
  const m = ws.marker;
  return [
    `Workspace ${m}`,
    `Page ${m}`,
    `Post ${m}`,
    `Direct ${m}`,
    `X fan ${m}`,
    `Offered ${m}`,
    `audit ${m}`,
    `action error ${m}`,
    `error ${m}`,
    ...['failed', 'queued'].map((d) => `Reply ${d} ${m}`),
    ...[0, 1, 2, 3, 4, 5].map((i) => `Note ${i} ${m}`),
    ...[1, 2, 3].map((i) => `Canned ${i} ${m}`),
    ...['t1', 't2', 't3', 't4'].map((k) => `Fan ${k} ${m}`),
    ...Object.values(ws.users).flatMap((u) => [u.name, u.email]),
  ].map((s) => s.toLowerCase());
}

const decoded = (url: string) => {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
};

export interface Verdict {
  ok: boolean;
  problem?: string;
}

/**
 * Routes that answer 503 by design when a dependency is down, with a message naming it: the health
 * check (database or queue), and the start of a connection, which asks the network for a request
 * token (no network runs in this test). A 503 elsewhere, or a bare one, fails.
 */
const DEPENDENCY_ROUTES = new Set(['GET /api/health', 'POST /api/channels/connect/:network']);

/**
 * The other workspace's markers and texts in `text` (lower case). Writes plant some in workspace A
 * (a tag or a name set to B's id); those are listed in `planted` and no longer count as leaks.
 */
export function othersIn(text: string, other: SeededWorkspace): string[] {
  const lower = text.toLowerCase();
  return [...contentsOf(other), ...markersOf(other)].filter((m) => lower.includes(m));
}

/** Form fields as the api reads them ('+' is a space there), so echoed form input is not taken for a leak. */
const formValues = (text: string) => [...new URLSearchParams(text).values()].join(' ');

export const sentText = (req: FuzzRequest) => {
  const body = req.body?.text ?? '';
  const form = req.body?.contentType?.startsWith('application/x-www-form-urlencoded') ? formValues(body) : '';
  return `${decoded(req.url)} ${req.url} ${body} ${decoded(body)} ${form}`;
};

export function checkOutcome(
  route: string,
  req: FuzzRequest,
  outcome: Outcome,
  other: SeededWorkspace,
  boundMs: number,
  planted: ReadonlySet<string>,
): Verdict {
  if (outcome.timedOut) return { ok: false, problem: `no answer within ${boundMs} ms (a hang or a blocked event loop)` };
  if (outcome.died) return { ok: false, problem: `the api process died: ${outcome.text.slice(0, 200)}` };
  if (outcome.status === 0) return { ok: false, problem: `the api dropped the connection: ${outcome.text.slice(0, 200)}` };
  const namedOutage = outcome.status === 503 && DEPENDENCY_ROUTES.has(route) && !outcome.text.includes('"message":"Service Unavailable"');
  if (outcome.status >= 500 && !namedOutage) return { ok: false, problem: `answered ${outcome.status}: ${outcome.text.slice(0, 300)}` };
  if (outcome.ms > boundMs) return { ok: false, problem: `answered after ${Math.round(outcome.ms)} ms (bound ${boundMs} ms)` };
  const sent = sentText(req).toLowerCase();
  const leaked = othersIn(outcome.text, other).filter((m) => !sent.includes(m) && !planted.has(m));
  if (leaked.length)
    return {
      ok: false,
      problem: `answered ${outcome.status} with data of the other workspace (${leaked.slice(0, 3).join(', ')}): ${outcome.text.slice(0, 300)}`,
    };
  return { ok: true };
}

/** A request as one line, long values cut, for failure messages and the regressions list. */
export function describeRequest(req: FuzzRequest): string {
  const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…(${s.length} chars)` : s);
  return JSON.stringify({ ...req, url: cut(req.url, 300), ...(req.body ? { body: { ...req.body, text: cut(req.body.text, 300) } } : {}) });
}

/** A 32-bit seed per route from the run's seed: adding a route does not change the others' requests. */
export function routeSeed(seed: number, key: string): number {
  let h = 2166136261 ^ seed;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return h | 0;
}
