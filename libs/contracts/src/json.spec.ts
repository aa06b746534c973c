import { arr, num, obj, str, stringOnly } from './json';

/** Every value a JSON body can hold where a connector expects another shape. */
const ODD = [null, undefined, true, false, 0, 1.5, '', 'text', [], [1], {}, { a: 1 }];

describe('JSON narrowing for network payloads', () => {
  it('obj: objects as they are; null, arrays and scalars as an empty object', () => {
    const o = { a: 1 };
    expect(obj(o)).toBe(o);
    for (const v of [null, undefined, true, 0, '', 'x', [], [{ a: 1 }]]) expect(obj(v)).toEqual({});
    // Reading through missing levels never throws.
    expect(obj(obj(obj({ a: null }).a).b).c).toBeUndefined();
  });

  it('arr: arrays as they are; anything else as an empty array', () => {
    const a = [1, 2];
    expect(arr(a)).toBe(a);
    for (const v of [null, undefined, 0, '', 'x', {}, { length: 2 }]) expect(arr(v)).toEqual([]);
  });

  it('str: non-empty strings, and numbers as their text (ids sent as either); the rest is absent', () => {
    expect(str('123')).toBe('123');
    expect(str(1234567890123)).toBe('1234567890123');
    expect(str(0)).toBe('0');
    for (const v of [null, undefined, '', true, [], ['a'], {}]) expect(str(v)).toBeUndefined();
  });

  it('stringOnly: non-empty strings only (a number is not a message)', () => {
    expect(stringOnly('Rate limit exceeded')).toBe('Rate limit exceeded');
    for (const v of [null, undefined, '', 0, 88, true, [], {}]) expect(stringOnly(v)).toBeUndefined();
  });

  it('num: finite numbers only (numeric strings are not counted)', () => {
    expect(num(0)).toBe(0);
    expect(num(-3.5)).toBe(-3.5);
    for (const v of [null, undefined, '3', NaN, Infinity, -Infinity, [], {}, true]) expect(num(v)).toBeUndefined();
  });

  it('never throws, whatever the value', () => {
    for (const v of ODD) for (const f of [obj, arr, str, stringOnly, num]) expect(() => f(v)).not.toThrow();
  });
});
