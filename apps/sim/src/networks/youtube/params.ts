import { listParam, type SimRequest, type SimResponse } from '../../core/http';
import { errors } from './errors';
import { decodePageToken, encodePageToken, type TextFormat } from './serialize';

/** The query parameters every Data API route shares: part, maxResults, pageToken, textFormat. */
export type Parsed<T> = { ok: T } | { error: SimResponse };

export function parts(req: SimRequest, allowed: string[]): Parsed<Set<string>> {
  const list = listParam(req.query, 'part') ?? [];
  if (list.length === 0) return { error: errors.required('part') };
  const bad = list.find((p) => !allowed.includes(p));
  if (bad) return { error: errors.invalidParam('part', `'${bad}'`, 'unknownPart') };
  return { ok: new Set(list) };
}

/** maxResults within the route's documented range (min 0 or 1); 0 answers no items, as Google does. */
export function maxResults(req: SimRequest, range: { min: 0 | 1; max: number; fallback: number }): Parsed<number> {
  const raw = req.query.get('maxResults');
  if (raw === null) return { ok: range.fallback };
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(n) || n < range.min || n > range.max)
    return { error: errors.invalidParam('maxResults', `Invalid value '${raw}'. Values must be within the range: [${range.min}, ${range.max}]`) };
  return { ok: n };
}

/** textFormat: html (the default) or plainText. */
export function textFormat(req: SimRequest): Parsed<TextFormat> {
  const raw = req.query.get('textFormat') ?? 'html';
  if (raw !== 'html' && raw !== 'plainText')
    return { error: errors.invalidParam('textFormat', `Invalid value '${raw}'. Values must be one of: html, plainText`) };
  return { ok: raw };
}

/** A slice starting at the page token's position; the next (and previous) token when there are more. */
export function page<T>(list: T[], req: SimRequest, size: number): Parsed<{ items: T[]; from: number; next?: string; prev?: string }> {
  const start = decodePageToken(req.query.get('pageToken'));
  if (start === 'bad') return { error: errors.invalidPageToken() };
  const from = start ?? 0;
  const items = list.slice(from, from + size);
  return {
    ok: {
      items,
      from,
      ...(size > 0 && from + size < list.length ? { next: encodePageToken(from + size) } : {}),
      ...(from > 0 ? { prev: encodePageToken(Math.max(0, from - size)) } : {}),
    },
  };
}

/** Filters that exclude each other (Google: "specify exactly one of the following parameters"). */
export function notWithId(req: SimRequest, names: string[]): SimResponse | undefined {
  if (req.query.get('id') === null) return undefined;
  const name = names.find((n) => req.query.get(n) !== null);
  return name ? errors.invalidParam(name, `The ${name} parameter cannot be used with the id parameter.`, 'incompatibleParameters') : undefined;
}
