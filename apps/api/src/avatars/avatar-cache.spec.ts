import { LruCache } from './avatar-cache';

describe('LruCache', () => {
  it('evicts the least recently used entry beyond the entry or byte bound', () => {
    const cache = new LruCache<string>({ maxEntries: 2, maxBytes: 100 });
    cache.set('a', 'A', 10, 1_000, 0);
    cache.set('b', 'B', 10, 1_000, 0);
    expect(cache.get('a', 1)).toBe('A'); // a is now the most recently used
    cache.set('c', 'C', 10, 1_000, 1);
    expect(cache.get('b', 2)).toBeUndefined();
    expect(cache.get('a', 2)).toBe('A');
    cache.set('d', 'D', 95, 1_000, 2); // bytes: a 10 + c 10 + d 95 > 100
    expect(cache.totalBytes).toBeLessThanOrEqual(100);
    expect(cache.get('d', 3)).toBe('D');
  });

  it('forgets entries after their time to live and never holds one larger than the whole cache', () => {
    const cache = new LruCache<string>({ maxEntries: 10, maxBytes: 100 });
    cache.set('a', 'A', 10, 1_000, 0);
    expect(cache.get('a', 999)).toBe('A');
    expect(cache.get('a', 1_000)).toBeUndefined();
    expect(cache.totalBytes).toBe(0);
    cache.set('huge', 'H', 101, 1_000, 0);
    expect(cache.size).toBe(0);
  });
});
