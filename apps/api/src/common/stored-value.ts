/**
 * A text column with a CHECK (status IN (…)) comes back from pgTyped as `string`
 * (docs/data-layer.md): the repository narrows it to the contract's union with the contract's
 * guard. The CHECK makes any other value impossible; if one appears anyway (a migration and the
 * contract out of step) the request fails loudly here rather than passing an unknown value on.
 */
export function storedValue<T extends string>(value: string, guard: (value: unknown) => value is T, column: string): T {
  if (!guard(value)) throw new Error(`${column} holds "${value}", which the contract does not know`);
  return value;
}
