// NUL cannot be stored in PostgreSQL text or jsonb, and an unpaired UTF-16 surrogate cannot be
// encoded; a network may still send either. Refusing the record would refuse its whole page on
// every retry (nothing after it would ever be stored), so both become U+FFFD instead.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

/** The value with every string made storable; the same object when nothing needed changing. */
export function storable<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return (UNSTORABLE.test(value) ? value.replace(UNSTORABLE_ALL, '\uFFFD') : value) as T;
  if (value === null || typeof value !== 'object' || depth > 32) return value;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v) => {
      const s = storable(v, depth + 1);
      changed ||= s !== v;
      return s;
    });
    return (changed ? out : value) as T;
  }
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const key = storable(k);
    const s = storable(v, depth + 1);
    changed ||= s !== v || key !== k;
    out[key] = s;
  }
  return (changed ? out : value) as T;
}
