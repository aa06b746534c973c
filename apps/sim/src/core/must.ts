/**
 * The value, or an error naming what was missing: for lookups that cannot miss when the sim's
 * state is consistent (a `!` would fail later, as a TypeError far from the cause).
 */
export function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`sim: ${what} is missing`);
  return value;
}
