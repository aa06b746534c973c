/**
 * Narrowing of values the database returns as plain text (a `text` column with a CHECK, a CASE of
 * literals) to the union the code uses: pgTyped types such a column as `string`, and a cast would
 * hide a schema that drifted from the union. A value outside the union is a bug, said loudly.
 */
export function oneOf<T extends string>(values: readonly T[], value: string, what: string): T {
  const found = values.find((v) => v === value);
  if (found === undefined) throw new Error(`the database returned ${JSON.stringify(value)} as ${what}, which is not one of ${values.join(', ')}`);
  return found;
}

/** oneOf for a column that may be NULL. */
export function oneOfOrNull<T extends string>(values: readonly T[], value: string | null, what: string): T | null {
  return value === null ? null : oneOf(values, value, what);
}
