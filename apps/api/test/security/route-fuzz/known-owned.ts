import type { FuzzRequest } from './target';

/**
 * TEMPORARY entries only. A failure this test finds that another branch is fixing can be kept out
 * of its verdict until that branch is merged: 'skip' entries are not sent at all (the request
 * would hang or poison the api for every later request), 'tolerate' entries are sent and a 5xx from
 * them is counted, not failed. Each entry names its issue item and matches only the input the item
 * names; it is removed with the merge of its fix.
 *
 * Empty since the issue-20 merges: the entries this test carried while they were open (report
 * periods in year 9999 hanging, impossible dates and cursors, JSON nested thousands of levels,
 * time zones PostgreSQL does not know) all pass with the fixes on main.
 */
export interface KnownOwnedElsewhere {
  item: number;
  what: string;
  effect: 'skip' | 'tolerate';
  matches(req: FuzzRequest): boolean;
}

export const KNOWN_OWNED_ELSEWHERE: KnownOwnedElsewhere[] = [];

/** FUZZ_KNOWN_OWNED=off sends and fails them all: to see which the merged fixes closed. */
export function knownOwned(req: FuzzRequest, effect: KnownOwnedElsewhere['effect']): KnownOwnedElsewhere | undefined {
  if (process.env.FUZZ_KNOWN_OWNED === 'off') return undefined;
  return KNOWN_OWNED_ELSEWHERE.find((k) => k.effect === effect && k.matches(req));
}
