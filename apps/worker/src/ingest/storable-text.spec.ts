import { storable } from './storable-text';

describe('storable', () => {
  it('returns the same object, array and strings when nothing needs changing', () => {
    const record = { kind: 'message', text: 'Rabatt? 😀 Grüße', author: { name: 'Zoë' }, attachments: [{ type: 'image', url: 'u' }], n: 3, none: null };
    expect(storable(record)).toBe(record);
    expect(storable([record, record])).toEqual([record, record]);
    const list = [record];
    expect(storable(list)).toBe(list);
  });

  it('replaces NUL and unpaired surrogates with U+FFFD, keeping surrogate pairs', () => {
    expect(storable('a\u0000b')).toBe('a\uFFFDb');
    expect(storable('x\uD83Dy')).toBe('x\uFFFDy');
    expect(storable('x\uDE00y')).toBe('x\uFFFDy');
    expect(storable('end\uD83D')).toBe('end\uFFFD');
    expect(storable('pair \uD83D\uDE00 ok')).toBe('pair \uD83D\uDE00 ok');
    expect(storable('\uDE00\uD83D')).toBe('\uFFFD\uFFFD');
  });

  it('copies only what changed, with every other field and its order kept', () => {
    const author = { externalId: '1', name: 'A' };
    const record = { kind: 'message', author, text: 'bad\u0000text', after: 'kept', list: ['ok', 'b\uD800d'] };
    const out = storable(record);
    expect(out).not.toBe(record);
    expect(Object.keys(out)).toEqual(['kind', 'author', 'text', 'after', 'list']);
    expect(out).toEqual({ kind: 'message', author, text: 'bad\uFFFDtext', after: 'kept', list: ['ok', 'b\uFFFDd'] });
    expect(out.author).toBe(author);
    expect(record.text).toBe('bad\u0000text');
    expect(record.list[1]).toBe('b\uD800d');
  });

  it('makes keys storable too', () => {
    expect(storable({ first: 1, ['k\u0000']: 2 })).toEqual({ first: 1, ['k\uFFFD']: 2 });
  });
});
