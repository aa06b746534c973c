import {
  INTENTS,
  NETWORKS,
  SENTIMENT_BANDS,
  THREAD_SORTS,
  THREAD_STATUSES,
  toIso,
  type Network,
  type SavedView,
  type SavedViewFilters,
} from '@resonance/contracts';
import { jsonObjectOf, type Json } from '@resonance/db';
import { oneOf } from '../common/narrow';
import type { SavedViewRow } from './saved-views.repository';

const among = <T extends string>(values: readonly T[], value: Json | undefined): T | undefined => values.find((v) => v === value);
const text = (value: Json | undefined): string | undefined => (typeof value === 'string' ? value : undefined);
const texts = (value: Json | undefined): string[] | undefined => (Array.isArray(value) ? value.filter((v) => typeof v === 'string') : undefined);

/**
 * The filters column as the wire's SavedViewFilters. The api wrote it from a validated body, so
 * every key is known; reading keeps only known keys of the right type all the same, so a value
 * from an older shape of the column is dropped instead of reaching GET /api/threads as a 400.
 */
export function toSavedViewFilters(value: Json): SavedViewFilters {
  const o = jsonObjectOf(value);
  const networks = texts(o.networks)
    ?.map((n) => among(NETWORKS, n))
    .filter((n): n is Network => n !== undefined);
  // Keys left undefined are not serialised: the wire shows only the filters that are set.
  return {
    status: among(THREAD_STATUSES, o.status),
    networks: networks?.length ? networks : undefined,
    channels: texts(o.channels),
    assignee: text(o.assignee),
    tag: text(o.tag),
    intent: among(INTENTS, o.intent),
    sentiment: among(SENTIMENT_BANDS, o.sentiment),
    waitingLongerThanMinutes: typeof o.waitingLongerThanMinutes === 'number' ? o.waitingLongerThanMinutes : undefined,
    needsReply: o.needsReply === true ? true : undefined,
    spam: o.spam === true ? true : undefined,
    heldForReview: o.heldForReview === true ? true : undefined,
    hiddenByRules: o.hiddenByRules === true ? true : undefined,
    q: text(o.q),
  };
}

/** The filters as the column stores them: only the keys that are set. */
export function savedViewFiltersJson(filters: SavedViewFilters): Json {
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) out[key] = value.filter((v): v is string => typeof v === 'string');
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[key] = value;
  }
  return out;
}

export function toSavedView(row: SavedViewRow, userId: string): SavedView {
  return {
    id: row.id,
    name: row.name,
    filters: toSavedViewFilters(row.filters),
    sort: oneOf(THREAD_SORTS, row.sort, 'saved_view.sort'),
    shared: row.shared,
    owner: { id: row.ownerId, name: row.ownerName },
    mine: row.ownerId === userId,
    updatedAt: toIso(row.updatedAt),
  };
}
