/** Flattens nested objects into dotted columns ("reply.calendar.median"); arrays become JSON. */
function flatten(value: unknown, prefix: string, out: Record<string, unknown>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out[prefix] = value;
  }
}

/**
 * OWASP CSV injection: a cell that begins with = + - @, TAB, CR or LF is read as a formula (or
 * shifted into one) by Excel, LibreOffice and Google Sheets; the full-width forms ＝＋－＠ are
 * folded to the ASCII ones by some of them. Every text cell is guarded, whatever follows the sign:
 * "-2+3+cmd|' /C calc'!A0" is text from outside, not a negative number.
 */
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;
/**
 * Cells that need quotes: RFC 4180's comma, quote, CR and LF, plus the semicolon and TAB that
 * spreadsheets in German (and other) locales split on, so no part of a cell starts a new one.
 */
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** Text as a CSV cell: formula-guarded with a leading single quote, then quoted when needed. */
export function textCell(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * One value as a CSV cell. Numbers, booleans and dates that the export itself typed are written as
 * they are (a negative number stays a number); every string, and anything rendered to a string
 * (arrays as JSON), goes through textCell.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  return textCell(typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
}

/** One CSV line (with its CRLF) of a record's values in the given column order. */
export function csvLine<T extends object>(columns: ReadonlyArray<keyof T>, record: T): string {
  return columns.map((c) => csvCell(record[c])).join(',') + '\r\n';
}

/** The header line of the given columns. */
export function csvHeader(columns: readonly string[]): string {
  return columns.map(textCell).join(',') + '\r\n';
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
  for (const r of flat)
    for (const k of Object.keys(r))
      if (!known.has(k)) {
        known.add(k);
        columns.push(k);
      }
  return csvHeader(columns) + flat.map((r) => csvLine(columns, r)).join('');
}
