/** Flattens nested objects into dotted columns ("reply.calendar.median"); arrays become JSON. */
function flatten(value: unknown, prefix: string, out: Record<string, unknown>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out[prefix] = value;
  }
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString() : Array.isArray(value) ? JSON.stringify(value) : String(value);
  // RFC 4180 quoting; a leading = + - @ is prefixed so spreadsheets do not run it as a formula.
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV with a header row: the union of every row's columns, in first-seen order. */
export function toCsv(rows: unknown[]): string {
  const flat = rows.map((r) => {
    const out: Record<string, unknown> = {};
    flatten(r, '', out);
    return out;
  });
  const columns: string[] = [];
  const known = new Set<string>();
  for (const r of flat) for (const k of Object.keys(r)) if (!known.has(k)) (known.add(k), columns.push(k));
  return [columns.map(cell).join(','), ...flat.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
}
