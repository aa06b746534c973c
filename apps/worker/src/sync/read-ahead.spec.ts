import type { MessageRecord } from '@resonance/contracts';
import type { SyncPage } from '@resonance/connectors';
import { readAhead, type PageBatch } from './read-ahead';

const record = (id: string): MessageRecord => ({
  kind: 'message',
  network: 'facebook',
  externalId: id,
  threadKey: id,
  channel: 'comment',
  author: { externalId: 'someone' },
  text: id,
  createdAt: '2026-11-02T09:00:00.000Z',
});
const page = (n: number, size = 2): SyncPage => ({
  stream: 'comments',
  records: Array.from({ length: size }, (_, i) => record(`p${n}-${i}`)),
  commit: { comments: { cursor: n }, [`stream${n % 2}`]: { seen: n } },
});
const tick = () => new Promise<void>((r) => setTimeout(r, 5));

async function collect(
  source: AsyncIterable<SyncPage>,
  consume: (b: PageBatch) => void | Promise<void> = () => undefined,
  options?: Parameters<typeof readAhead>[1],
) {
  const batches: PageBatch[] = [];
  for await (const b of readAhead(source, options)) {
    batches.push(b);
    await consume(b);
  }
  return batches;
}

describe('readAhead', () => {
  it('stores pages that arrived while a batch was being stored together, in order, with their cursors merged', async () => {
    // eslint-disable-next-line @typescript-eslint/require-await -- an async source like a connector's, whose pages are already here
    async function* fast() {
      for (let n = 1; n <= 5; n++) yield page(n);
    }
    // The first batch is stored slowly; by then the next four pages (read ahead) have arrived.
    const batches = await collect(fast(), tick, { pages: 4, maxRecords: 100 });
    expect(batches.map((b) => b.pages)).toEqual([1, 4]);
    expect(batches.flatMap((b) => b.records.map((r) => (r.kind === 'message' ? r.externalId : '')))).toEqual(
      [1, 2, 3, 4, 5].flatMap((n) => [`p${n}-0`, `p${n}-1`]),
    );
    // Later pages win per stream; a stream only an earlier page named keeps that page's state.
    expect(batches[1].commit).toEqual({ comments: { cursor: 5 }, stream0: { seen: 4 }, stream1: { seen: 5 } });
  });

  it('holds no batch back to fill it: a slow source gives one page per batch', async () => {
    async function* slow() {
      for (let n = 1; n <= 3; n++) {
        await tick();
        yield page(n);
      }
    }
    const batches = await collect(slow());
    expect(batches.map((b) => b.pages)).toEqual([1, 1, 1]);
  });

  it('caps a batch at maxRecords (whole pages)', async () => {
    // eslint-disable-next-line @typescript-eslint/require-await -- an async source like a connector's, whose pages are already here
    async function* fast() {
      for (let n = 1; n <= 6; n++) yield page(n, 3);
    }
    const batches = await collect(fast(), tick, { pages: 6, maxRecords: 6 });
    expect(batches.every((b) => b.records.length <= 6)).toBe(true);
    expect(batches.reduce((s, b) => s + b.pages, 0)).toBe(6);
  });

  it('hands over the pages fetched before a connector error, then throws it', async () => {
    // eslint-disable-next-line @typescript-eslint/require-await -- an async source like a connector's, whose pages are already here
    async function* failing() {
      yield page(1);
      yield page(2);
      throw new Error('RATE_LIMITED');
    }
    const seen: number[] = [];
    await expect(
      collect(failing(), (b) => {
        seen.push(b.pages);
      }),
    ).rejects.toThrow('RATE_LIMITED');
    expect(seen.reduce((s, n) => s + n, 0)).toBe(2);
  });

  it("ends the connector's generator when the caller stops early", async () => {
    let closed = false;
    // eslint-disable-next-line @typescript-eslint/require-await -- an async source like a connector's, whose pages are already here
    async function* endless() {
      try {
        for (let n = 1; ; n++) yield page(n);
      } finally {
        closed = true;
      }
    }
    await expect(
      collect(endless(), () => {
        throw new Error('lease lost');
      }),
    ).rejects.toThrow('lease lost');
    await tick();
    expect(closed).toBe(true);
  });
});
