import { INTENTS } from '@resonance/contracts';
import { createGenerator, generateItems, type GeneratedItem } from '.';

const take = (seed: number | string, n: number, opts = {}) => [...generateItems({ seed, ...opts }, n)];

describe('traffic generator', () => {
  it('gives the same items for the same seed and different items for another', () => {
    expect(JSON.stringify(take(42, 500))).toBe(JSON.stringify(take(42, 500)));
    expect(JSON.stringify(take(43, 500))).not.toBe(JSON.stringify(take(42, 500)));
  });

  it('starts with a post and never references a post or thread it has not produced', () => {
    const items = take(1, 5_000);
    expect(items[0].kind).toBe('post');
    const posts = new Set<number>();
    const threads = new Set<number>();
    for (const item of items) {
      if (item.kind === 'post') posts.add(item.seq);
      if (item.kind === 'comment') {
        expect(posts.has(item.postSeq)).toBe(true);
        if (item.parentSeq === null) threads.add(item.seq);
        else expect(threads.has(item.parentSeq)).toBe(true);
      }
    }
  });

  it('mixes kinds, languages and every intent, and labels only customer-written items', () => {
    const items = take(5, 20_000);
    const count = (pred: (i: GeneratedItem) => boolean) => items.filter(pred).length / items.length;
    expect(count((i) => i.kind === 'post')).toBeGreaterThan(0.01);
    expect(count((i) => i.kind === 'post')).toBeLessThan(0.05);
    expect(count((i) => i.kind === 'comment')).toBeGreaterThan(0.5);
    expect(count((i) => i.kind === 'message')).toBeGreaterThan(0.2);
    expect(count((i) => i.language === 'de')).toBeGreaterThan(0.45);
    expect(count((i) => i.language === 'en')).toBeGreaterThan(0.25);
    const labelled = items.filter((i) => i.kind !== 'post' && !i.fromAccount) as Array<Extract<GeneratedItem, { intent: unknown }>>;
    for (const intent of INTENTS) {
      const share = labelled.filter((i) => i.intent === intent).length / labelled.length;
      expect(share).toBeGreaterThan(0.05);
      expect(share).toBeLessThan(0.35);
    }
    for (const item of items) {
      if (item.kind !== 'post' && item.fromAccount) expect(item.intent).toBeNull();
    }
  });

  it('has most customers writing once and a few coming back often', () => {
    const authors = new Map<number, number>();
    for (const item of take(9, 20_000)) {
      const who = item.kind === 'comment' ? item.author?.index : item.kind === 'message' && !item.fromAccount ? item.customer.index : undefined;
      if (who !== undefined) authors.set(who, (authors.get(who) ?? 0) + 1);
    }
    const counts = [...authors.values()].sort((a, b) => b - a);
    const once = counts.filter((c) => c === 1).length;
    expect(once / counts.length).toBeGreaterThan(0.5);
    expect(counts[0]).toBeGreaterThan(20);
    // The most loyal customer is a regular, not a tenth of all traffic.
    expect(counts[0] / counts.reduce((a, b) => a + b, 0)).toBeLessThan(0.05);
  });

  it('advances its own clock at the configured rate, with bursts', () => {
    const items = take(3, 10_000, { perMinute: 60, startTime: 0, burstChance: 0.01 });
    const span = items[items.length - 1].createdAt - items[0].createdAt;
    // Bursts run 20× faster, so the stream is quicker than the plain rate but of the same order.
    expect(span).toBeLessThan(10_000 * 1_000);
    expect(span).toBeGreaterThan(10_000 * 1_000 * 0.3);
    const gaps = items.slice(1).map((it, i) => it.createdAt - items[i].createdAt);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1);
    for (let i = 1; i < items.length; i++) expect(items[i].createdAt).toBeGreaterThanOrEqual(items[i - 1].createdAt);
  });

  it('pins createdAt when the caller passes the time', () => {
    const gen = createGenerator({ seed: 1 });
    expect(gen.take(3, 1_800_000_000_000).map((i) => i.createdAt)).toEqual([1_800_000_000_000, 1_800_000_000_000, 1_800_000_000_000]);
  });

  it('streams items lazily and fast, in bounded memory', () => {
    const started = Date.now();
    const heapBefore = process.memoryUsage().heapUsed;
    let n = 0;
    let chars = 0;
    for (const item of generateItems({ seed: 'bench', customers: 1_000_000 }, 300_000)) {
      n += 1;
      chars += item.text.length;
    }
    expect(n).toBe(300_000);
    expect(chars).toBeGreaterThan(3_000_000);
    // Outside Jest this is ~3 µs per item; the bound leaves room for slow CI machines.
    expect(Date.now() - started).toBeLessThan(15_000);
    // 300k items held in memory would take well over 100 MB; the stream keeps only its small rings.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(100 * 1024 * 1024);
  });
});
