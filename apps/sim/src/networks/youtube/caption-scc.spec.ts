import { parseScc, renderScc } from './caption-scc';

describe('SCC captions (CEA-608 byte pairs)', () => {
  it('writes pop-on captions with odd parity, doubled control codes and rows at the bottom', () => {
    const scc = renderScc([{ start: 1000, end: 3500, text: 'Hallo' }]);
    // H=0x48 (even: 0xc8), a=0x61 (odd), l=0x6c (even: 0xec), o=0x6f (even: 0xef) padded with 0x80.
    expect(scc).toBe('Scenarist_SCC V1.0\n\n00:00:01:00\t94ae 94ae 9420 9420 94e0 94e0 c861 ecec ef80 942f 942f\n\n00:00:03:15\t942c 942c\n');
  });

  it('writes German umlauts as extended characters after a fallback, and reads them back', () => {
    const cues = [
      { start: 0, end: 2000, text: 'Größe für Jüngere' },
      { start: 2500, end: 4000, text: 'Zweite Zeile, länger als zweiunddreißig Zeichen hier' },
    ];
    const scc = renderScc(cues);
    // ö: fallback o (0xef with parity), then 0x13 0x33 (0x13 and 0xb3 with parity).
    expect(scc).toContain('ef80 13b3');
    expect(parseScc(scc)).toEqual([
      { start: 0, end: 2000, text: 'Größe für Jüngere' },
      { start: 2500, end: 4000, text: 'Zweite Zeile, länger als\nzweiunddreißig Zeichen hier' },
    ]);
  });
});
