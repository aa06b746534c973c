import type { Ordered } from './store';

/**
 * Cursor paging as the Graph API does it: `after`/`before` cursors that name an item, `limit`
 * (default 25), and links to the next/previous page that point back at whoever asked.
 */
export const encodeCursor = (order: number): string => Buffer.from(`sim_cursor:${order}`).toString('base64');

export function decodeCursor(cursor: string): number | null {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  const m = /^sim_cursor:(\d+)$/.exec(text);
  return m ? Number(m[1]) : null;
}

export interface CursorPage<T> {
  items: T[];
  hasPrevious: boolean;
  hasNext: boolean;
}

/** Index of the first element with order ≥ `order`. */
function lowerBound(list: readonly Ordered[], order: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid].order < order) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * One page of an order-sorted (oldest first) list, read oldest-first (`reverse` false) or
 * newest-first. `after` continues past the named item in reading direction; `before` goes back.
 */
export function cursorPage<T extends Ordered>(
  list: readonly T[],
  opts: { limit: number; after?: number | null; before?: number | null; reverse: boolean },
): CursorPage<T> {
  const n = list.length;
  // Work in reading positions 0..n-1; position p maps to list index idx(p).
  const idx = (p: number) => (opts.reverse ? n - 1 - p : p);
  const positionAfter = (order: number) => (opts.reverse ? n - lowerBound(list, order) : lowerBound(list, order + 1));
  const positionOf = (order: number) => (opts.reverse ? n - 1 - (lowerBound(list, order + 1) - 1) : lowerBound(list, order));
  let start: number;
  let end: number;
  if (opts.before != null) {
    end = positionOf(opts.before);
    start = Math.max(0, end - opts.limit);
  } else {
    start = opts.after != null ? positionAfter(opts.after) : 0;
    end = Math.min(n, start + opts.limit);
  }
  const items: T[] = [];
  for (let p = start; p < end; p++) items.push(list[idx(p)]);
  return { items, hasPrevious: start > 0, hasNext: end < n };
}

/** A link to the same edge with the given cursor parameters, keeping the client's other parameters. */
export function pageLink(origin: string, path: string, query: URLSearchParams, set: Record<string, string | null>): string {
  const params = new URLSearchParams();
  const token = query.get('access_token');
  if (token) params.set('access_token', token);
  params.set('pretty', '0');
  for (const [k, v] of query) {
    if (k === 'access_token' || k === 'pretty' || k in set) continue;
    params.append(k, v);
  }
  for (const [k, v] of Object.entries(set)) if (v !== null) params.set(k, v);
  return `${origin}${path}?${params.toString()}`;
}
