import { toIso, toIsoOrNull } from './common';

describe('toIso', () => {
  it('gives a Date as its ISO string and leaves a string as it is', () => {
    expect(toIso(new Date(Date.UTC(2026, 11, 7, 1, 2, 3, 456)))).toBe('2026-12-07T01:02:03.456Z');
    expect(toIso('2026-12-07T01:02:03.456Z')).toBe('2026-12-07T01:02:03.456Z');
  });

  it('keeps null and undefined as null', () => {
    expect(toIsoOrNull(null)).toBeNull();
    expect(toIsoOrNull(undefined)).toBeNull();
    expect(toIsoOrNull(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
  });
});
