import type { StreamStates, SyncPage } from '@resonance/connectors';

/** Pages a sync run asks its connector for ahead of the one being stored. */
export const READ_AHEAD_PAGES = 10;
/** The most records one stored batch (one transaction) holds; the benchmark's raw upsert uses it too. */
export const MAX_BATCH_RECORDS = 1_000;

/** Several connector pages stored as one: their records in order, their cursors merged in order. */
export interface PageBatch {
  records: SyncPage['records'];
  /** Stream states to save once the batch is stored: later pages' states win, per stream. */
  commit: StreamStates;
  pages: number;
}

interface Pending {
  result: Promise<IteratorResult<SyncPage>>;
  settled: boolean;
}

/**
 * Reads a connector's pages ahead while the caller stores the previous batch, and hands over, as
 * one batch, every page that has already arrived (up to `maxRecords`). Fetching (network, JSON,
 * mapping) then overlaps with storing, and a backlog is written in few large transactions instead
 * of many small ones; when pages arrive slower than they are stored, each batch is one page, so
 * nothing waits for a batch to fill.
 *
 * Merging cursors is safe because a sync run saves each page's `commit` by merging it into the
 * stored states stream by stream: applying the merged states once equals applying them in turn.
 * A connector error surfaces after the pages fetched before it have been handed over.
 */
export async function* readAhead(
  source: AsyncIterable<SyncPage>,
  {
    pages = READ_AHEAD_PAGES,
    maxRecords = MAX_BATCH_RECORDS,
    prepare = (records) => records,
  }: {
    pages?: number;
    maxRecords?: number;
    /** In-memory work on a page's records as soon as it arrives (while the previous batch is stored). */
    prepare?: (records: SyncPage['records']) => SyncPage['records'] | Promise<SyncPage['records']>;
  } = {},
): AsyncGenerator<PageBatch> {
  const iterator = source[Symbol.asyncIterator]();
  const queue: Pending[] = [];
  let exhausted = false;
  const request = () => {
    // An async generator queues next() calls and answers them in order, one page at a time.
    const pending: Pending = {
      result: iterator.next().then(async (r) => (r.done ? r : { done: false, value: { ...r.value, records: await prepare(r.value.records) } })),
      settled: false,
    };
    pending.result.then(
      (r) => {
        pending.settled = true;
        if (r.done) exhausted = true;
      },
      () => {
        pending.settled = true;
        exhausted = true;
      },
    );
    queue.push(pending);
  };
  const fill = () => {
    while (!exhausted && queue.length < pages) request();
  };
  try {
    fill();
    for (;;) {
      const head = queue.shift();
      // fill() leaves a request queued until one settles done or failed, and that one is consumed first.
      if (!head) throw new Error('readAhead: no page requested although the source is not exhausted');
      const first = await head.result;
      if (first.done) return;
      const batch: PageBatch = { records: [...first.value.records], commit: { ...first.value.commit }, pages: 1 };
      // Take the pages that are already here; an unsettled one (or an error) waits for the next round.
      while (queue.length && queue[0].settled && batch.records.length < maxRecords) {
        const next = await queue[0].result.catch(() => undefined);
        if (!next || next.done) break;
        queue.shift();
        batch.records.push(...next.value.records);
        Object.assign(batch.commit, next.value.commit);
        batch.pages += 1;
      }
      fill();
      yield batch;
    }
  } finally {
    // The caller stopped early (an error, a lost lease): end the connector's generator too. Pages
    // still in flight are dropped; their cursors were never saved, so the next run fetches them again.
    for (const p of queue) p.result.catch(() => undefined);
    void Promise.resolve(iterator.return?.()).catch(() => undefined);
  }
}
