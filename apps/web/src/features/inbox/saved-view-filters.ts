import type { SavedViewFilters, ThreadSort } from '@resonance/contracts';
import type { ThreadFilters } from './thread-filters';

/**
 * The inbox's URL filters as a saved view keeps them, and back. The inbox shows Open when the URL
 * names no status and everything for `all`; a view keeps no status for everything.
 */
export function toSavedFilters(f: ThreadFilters): { filters: SavedViewFilters; sort: ThreadSort } {
  return {
    filters: {
      status: f.status === 'all' ? undefined : (f.status ?? 'open'),
      networks: f.networks?.length ? f.networks : undefined,
      channels: f.channels?.length ? f.channels : undefined,
      assignee: f.assignee,
      intent: f.intent,
      sentiment: f.sentiment,
      waitingLongerThanMinutes: f.waitingLongerThan,
      needsReply: f.needsReply ? true : undefined,
      spam: f.spam ? true : undefined,
      heldForReview: f.heldForReview ? true : undefined,
      hiddenByRules: f.hiddenByRules ? true : undefined,
      q: f.q,
    },
    sort: f.sort ?? 'newest',
  };
}

export function fromSavedFilters(filters: SavedViewFilters, sort: ThreadSort): ThreadFilters {
  return {
    status: filters.status ?? 'all',
    networks: filters.networks,
    channels: filters.channels,
    assignee: filters.assignee,
    intent: filters.intent,
    sentiment: filters.sentiment,
    waitingLongerThan: filters.waitingLongerThanMinutes,
    needsReply: filters.needsReply,
    spam: filters.spam,
    heldForReview: filters.heldForReview,
    hiddenByRules: filters.hiddenByRules,
    sort: sort === 'newest' ? undefined : sort,
    q: filters.q,
  };
}

/** A canonical text of filters + sort: the open view is the saved one whose text equals the inbox's. */
export function filtersSignature(f: ThreadFilters): string {
  const { filters, sort } = toSavedFilters(f);
  const keys = Object.keys(filters).sort() as Array<keyof SavedViewFilters>;
  const entries = keys
    .map((k) => [k, filters[k]] as const)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => [k, Array.isArray(v) ? [...(v as string[])].sort() : v]);
  return JSON.stringify([entries, sort]);
}
