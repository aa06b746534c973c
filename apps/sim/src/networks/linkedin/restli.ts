import { json, type SimRequest, type SimResponse } from '../../core/http';
import { errors } from './errors';

/** Rest.li 2.0 forms several LinkedIn resources share: `ids=List(…)` and BATCH_GET answers. */

/** The items of a Rest.li 2.0 `List(a,b)`, split at top-level commas (URNs hold commas in parentheses). */
export function restliList(raw: string): string[] {
  const inner = /^List\((.*)\)$/.exec(raw)?.[1] ?? '';
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of inner) {
    if (ch === ',' && depth === 0) {
      items.push(current);
      current = '';
      continue;
    }
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    current += ch;
  }
  if (current) items.push(current);
  return items.map((i) => decodeURIComponent(i));
}

/** BATCH_GET: `results`, `statuses` and `errors` keyed by id, each id read by `one` (undefined: 404). */
export function batchGet(req: SimRequest, one: (id: string) => Record<string, unknown> | undefined, what: string): SimResponse {
  const ids = restliList(req.query.get('ids') ?? '');
  if (!ids.length) return errors.badParam("Invalid value for param 'ids': expected List(...)");
  const results: Record<string, unknown> = {};
  const statuses: Record<string, number> = {};
  const failures: Record<string, unknown> = {};
  for (const id of ids) {
    const found = one(id);
    if (found) {
      results[id] = found;
      statuses[id] = 200;
    } else {
      statuses[id] = 404;
      failures[id] = { status: 404, message: `${what} ${id} does not exist`, code: 'RESOURCE_NOT_FOUND' };
    }
  }
  return json(200, { results, statuses, errors: failures });
}
