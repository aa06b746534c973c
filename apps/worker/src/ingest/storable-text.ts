// NUL cannot be stored in PostgreSQL text or jsonb, and an unpaired UTF-16 surrogate cannot be
// encoded; a network may still send either. Refusing the record would refuse its whole page on
// every retry (nothing after it would ever be stored), so both become U+FFFD instead.
// eslint-disable-next-line no-control-regex -- matching NUL is the point: PostgreSQL cannot store it
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');
/**
 * Any NUL or surrogate at all: a plain character class, several times cheaper than UNSTORABLE's
 * look-arounds. Most texts have neither (emoji are surrogate pairs), so most skip UNSTORABLE.
 */
// eslint-disable-next-line no-control-regex -- matching NUL is the point: PostgreSQL cannot store it
const SUSPECT = /[\u0000\uD800-\uDFFF]/;

const storableString = (value: string): string => (SUSPECT.test(value) && UNSTORABLE.test(value) ? value.replace(UNSTORABLE_ALL, '\uFFFD') : value);

/**
 * The value with every string made storable; the same object when nothing needed changing (the
 * sync path walks every record of every page: nothing is copied unless a string changed).
 */
export function storable<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return storableString(value) as T;
  if (value === null || typeof value !== 'object' || depth > 32) return value;
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value;
    let out: unknown[] | undefined;
    for (let i = 0; i < items.length; i++) {
      const s = storable(items[i], depth + 1);
      if (s !== items[i]) (out ??= items.slice())[i] = s;
    }
    return (out ?? value) as T;
  }
  const source = value as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const k of Object.keys(source)) {
    const key = storableString(k);
    const s = storable(source[k], depth + 1);
    if (out) out[key] = s;
    else if (s !== source[k] || key !== k) {
      // The first change: copy the entries before this one, then go on into the copy.
      out = {};
      for (const before of Object.keys(source)) {
        if (before === k) break;
        out[before] = source[before];
      }
      out[key] = s;
    }
  }
  return (out ?? value) as T;
}
