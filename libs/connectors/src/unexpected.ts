import type { ErrorRecord, Network } from '@resonance/contracts';

/**
 * A payload the mappers do not recognise is never dropped silently: it becomes an error record
 * that names what was unexpected (the sync logs each such shape once, the parse command prints
 * it). Only key names and types go into the message, never values: payloads hold customers' text.
 */
export function shapeOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `an array (${value.length} items)`;
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0) return 'an empty object';
    return `an object with ${keys.slice(0, 8).join(', ')}${keys.length > 8 ? `, … (${keys.length} keys)` : ''}`;
  }
  return `a ${typeof value}`;
}

/** The error record for a payload (or an item of one) the connector cannot read. */
export function unexpectedShape(network: Network, expected: string, value: unknown): ErrorRecord {
  return { kind: 'error', network, code: 'UNKNOWN', message: `unexpected ${network} payload: expected ${expected}, got ${shapeOf(value)}` };
}

/**
 * The list under `key` of a list page, or an error naming the body when it has none. `optional`:
 * an absent list means an empty page (X sends no `data` on an empty page, only meta).
 */
export function listIn(
  network: Network,
  body: unknown,
  key: string,
  what: string,
  options: { optional?: boolean } = {},
): { items: unknown[]; error?: ErrorRecord } {
  const list = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>)[key] : undefined;
  if (Array.isArray(list)) return { items: list };
  if (list === undefined && options.optional && body && typeof body === 'object' && !Array.isArray(body)) return { items: [] };
  return { items: [], error: unexpectedShape(network, `${what} (an object with a "${key}" list)`, body) };
}

/** Maps each item; an item that yields no record is reported by an error record, in its place. */
export function mapEach<T>(
  network: Network,
  items: unknown[],
  what: string,
  map: (item: unknown) => T[] | T | null | undefined,
  /** Items the network documents and the product deliberately leaves out (a deleted comment, a join event). */
  skip: (item: unknown) => boolean = () => false,
): Array<T | ErrorRecord> {
  const out: Array<T | ErrorRecord> = [];
  for (const item of items) {
    if (skip(item)) continue;
    const mapped = map(item);
    const records = mapped === null || mapped === undefined ? [] : Array.isArray(mapped) ? mapped : [mapped];
    if (records.length === 0) out.push(unexpectedShape(network, what, item));
    else out.push(...records);
  }
  return out;
}
