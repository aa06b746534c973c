import { parseLsn } from './read-context';

describe('parseLsn', () => {
  it('orders WAL positions across the 32-bit boundary of their halves', () => {
    expect(parseLsn('0/16B3748')).toBe(0x16b3748n);
    expect(parseLsn('1/0')! > parseLsn('0/FFFFFFFF')!).toBe(true);
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) | 0xb374d848n);
  });

  it('answers undefined for anything that is not an LSN (a forged cookie)', () => {
    for (const bad of [undefined, null, '', '0', '0/', 'x/1', '1/2/3', '123456789/0', '0/1; DROP']) expect(parseLsn(bad)).toBeUndefined();
  });
});
