import type { FuzzRequest } from './target';

/**
 * TEMPORARY. Failures this test finds that issue 20 assigns to other branches, kept out of its
 * verdict until those branches are merged; the lead removes each entry with its fix. 'skip' entries
 * are not sent at all (the request would hang or poison the api for every later request),
 * 'tolerate' entries are sent and a 5xx from them is counted, not failed. Keep this list tiny and
 * precise: an entry matches only the input the issue item names.
 */
export interface KnownOwnedElsewhere {
  item: number;
  what: string;
  effect: 'skip' | 'tolerate';
  matches(req: FuzzRequest): boolean;
}

const query = (req: FuzzRequest, name: string): string[] => [...new URL(req.url, 'http://x').searchParams.entries()].filter(([k]) => k === name).map(([, v]) => v);
const isReport = (req: FuzzRequest) => /^\/api\/reports\/(?!intents\/corrections)/.test(req.url);
/** A YYYY-MM-DD that is no calendar day (2024-02-30, month 13, year 0000). */
const impossibleDate = (text: string) =>
  [...text.matchAll(/(\d{4})-(\d{2})-(\d{2})/g)].some(([day, y, m, d]) => {
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    return Number(y) === 0 || date.toISOString().slice(0, 10) !== day;
  });
/** Nesting depth of a JSON text, counted without parsing it. */
const depth = (text: string) => {
  let d = 0;
  let max = 0;
  for (const c of text) {
    if (c === '[' || c === '{') max = Math.max(max, ++d);
    else if (c === ']' || c === '}') d--;
  }
  return max;
};

export const KNOWN_OWNED_ELSEWHERE: KnownOwnedElsewhere[] = [
  {
    item: 1,
    what: 'a report period in year 9999 never returns (the day walk compares strings past year 9999)',
    effect: 'skip',
    matches: (req) => isReport(req) && query(req, 'period').some((p) => /9999-\d\d-\d\d/.test(p)),
  },
  {
    item: 9,
    what: 'impossible or out-of-range dates in a report period (2024-02-30, year 0000) answer 500',
    effect: 'tolerate',
    matches: (req) => isReport(req) && query(req, 'period').some(impossibleDate),
  },
  {
    item: 9,
    what: 'cursors that decode to an impossible timestamp or a non-numeric id answer 500 (threads, messages, audit)',
    effect: 'tolerate',
    matches: (req) => /^\/api\/(threads|audit-events)/.test(req.url) && query(req, 'cursor').length > 0,
  },
  {
    item: 9,
    what: 'JSON nested thousands of levels answers 500',
    effect: 'tolerate',
    matches: (req) => req.body !== undefined && depth(req.body.text) > 1_000,
  },
  {
    item: 10,
    what: 'a time zone Node accepts but PostgreSQL does not (US/Pacific-New) is saved, then every report answers 500',
    effect: 'skip',
    matches: (req) => req.method === 'PATCH' && req.url.startsWith('/api/settings') && /Pacific-New/.test(req.body?.text ?? ''),
  },
];

/** FUZZ_KNOWN_OWNED=off sends and fails them all: to see which the merged fixes closed. */
export function knownOwned(req: FuzzRequest, effect: KnownOwnedElsewhere['effect']): KnownOwnedElsewhere | undefined {
  if (process.env.FUZZ_KNOWN_OWNED === 'off') return undefined;
  return KNOWN_OWNED_ELSEWHERE.find((k) => k.effect === effect && k.matches(req));
}
