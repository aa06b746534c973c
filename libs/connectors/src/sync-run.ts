import type { ConnectorContext, StreamStates, SyncInput } from './interfaces';

/**
 * What every stream of one sync run reads: the network client of the connected account, the
 * account's id, the backfill window and the stream states saved by the last run. A network's sync
 * is one small generator per stream over this, composed with `yield*` in the order the streams
 * must be stored (`<network>/sync/index.ts`).
 */
export interface SyncRun<Client> {
  client: Client;
  /** The connected account and its credentials. */
  ctx: ConnectorContext;
  /** The connected account's id on the network (page, user, organization, channel, company). */
  accountId: string;
  /** Start of the backfill window (epoch ms): nothing older is read. */
  windowStart: number;
  now: Date;
  /** Stream states saved after the last stored page (empty on the first run). */
  state: StreamStates;
}

export function syncRun<Client>(client: Client, input: SyncInput): SyncRun<Client> {
  return { client, ctx: input.ctx, accountId: input.ctx.account.externalId, windowStart: input.backfillSince.getTime(), now: input.now, state: input.state };
}

/**
 * The per-object cursors of a comments stream (one per post or update whose comments are read):
 * the stored ones still inside the window, joined by the objects this run's first stream just saw,
 * at most `max` of them (the newest). `tracked` lists them newest first; its cursors are the
 * objects in `cursors`, so a stream that moves one on changes what it commits next.
 */
export function trackCursors<C extends { createdAt: string }>(input: {
  stored: Record<string, C>;
  /** Objects read this run: id → creation time (ISO). */
  seen: Iterable<[string, string]>;
  windowStart: number;
  max: number;
  /** A new object's cursor before its first read (besides createdAt). */
  initial?: Omit<C, 'createdAt'>;
}): { cursors: Record<string, C>; tracked: Array<[string, C]> } {
  const all: Record<string, C> = {};
  for (const [id, c] of Object.entries(input.stored)) if (Date.parse(c.createdAt) >= input.windowStart) all[id] = { ...c };
  for (const [id, createdAt] of input.seen) all[id] = { ...(all[id] ?? input.initial), createdAt };
  const tracked = Object.entries(all)
    .sort((a, b) => b[1].createdAt.localeCompare(a[1].createdAt))
    .slice(0, input.max);
  const keep = new Set(tracked.map(([id]) => id));
  const cursors = Object.fromEntries(Object.entries(all).filter(([id]) => keep.has(id)));
  return { cursors, tracked };
}
