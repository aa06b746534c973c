import { fbTimeToIso } from './mapper';

describe('fbTimeToIso', () => {
  // What Date makes of Graph's "+0000" times, the reference the fast path must equal.
  const viaDate = (value: string) => new Date(value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2')).toISOString();

  it.each([
    '2021-08-10T18:45:03+0000',
    '2026-12-31T23:59:59+0000',
    '2024-02-29T00:00:00+0000', // leap day: past the fast path's day 28, through Date
    '2023-02-29T12:00:00+0000', // rolls over to 1 March, as Date does
    '2023-04-31T00:00:00+0000',
    '1969-07-20T20:17:40+0000',
  ])('reads %s as Date does', (value) => {
    expect(fbTimeToIso(value)).toBe(viaDate(value));
  });

  it('reads other offsets, unix seconds and milliseconds, and refuses what is not a time', () => {
    expect(fbTimeToIso('2021-08-10T18:45:03+0200')).toBe('2021-08-10T16:45:03.000Z');
    expect(fbTimeToIso(1_620_000_000)).toBe('2021-05-03T00:00:00.000Z');
    expect(fbTimeToIso('1620000000000')).toBe('2021-05-03T00:00:00.000Z');
    expect(fbTimeToIso('2021-13-10T18:45:03+0000')).toBeUndefined();
    expect(fbTimeToIso('yesterday')).toBeUndefined();
    expect(fbTimeToIso('')).toBeUndefined();
  });
});
