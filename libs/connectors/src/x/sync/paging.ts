/** X paging: ids in snowflake order, passes that resume where they ended, the page size. */

/** X ids are 64-bit snowflakes: compare as numbers without losing precision. */
export const idCompare = (a: string, b: string): number => (a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0);

/** The newer of two ids (either may be absent). */
export const maxId = (a: string | undefined, b: string | undefined) => (!a ? b : !b ? a : idCompare(a, b) >= 0 ? a : b);

/**
 * Where a paging pass stands when it ended early (a spent window, a crash): the next run goes on
 * from `token` instead of starting over from the newest page, so a backfill larger than one
 * rate-limit window still finishes. `newest` is the newest id of the pass, saved as the stream's
 * mark once the pass reaches its end.
 */
export interface PendingPass {
  token: string;
  newest?: string;
}

/** Results per page of every X list endpoint read here. */
export const MAX_RESULTS = 100;
