import { get, type ClientRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { INestApplication } from '@nestjs/common';
import type { Workspace } from '@resonance/db';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { createApi } from '../../src';
import { THREAD_EXPORT_COLUMNS } from '../../src/reports/thread-export.query';
import { login, makeLoginUser, waitFor } from '../support';

/** Threads in the big workspace: far more than one cursor batch, and more bytes than loopback buffers hold. */
const BIG = 50_000;
const OCTOBER = 'period=2026-10-01..2026-10-31';
/** A day without threads: an export that ends at once. */
const EMPTY_DAY = 'period=2026-10-01..2026-10-01';
/** Threads start every 30 s from 10 October 00:00 UTC: 2,880 a day. */
const PER_DAY = 2_880;
/** Live heap an export may add: streamed, about 1 MB; the old code held every row and the whole CSV (31 MB seen here). */
const HEAP_BOUND_MB = 10;

/** A full garbage collection, so heapUsed counts live objects only. */
const collectGarbage = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

interface Download {
  status: number;
  retryAfter: string | undefined;
  header: string;
  rows: number;
  /** Thread ids strictly ascending (the export's order) on every row. */
  ordered: boolean;
  /** The whole body arrived ('end'), as opposed to a connection closed midway. */
  complete: boolean;
  /** The body of a non-200 answer. */
  error: string;
}

/**
 * GET of the thread export, read line by line without keeping the body (so the test's own heap
 * stays flat). `onFirstChunk` may pause or cut the download.
 */
function download(baseUrl: string, cookie: string, query: string, onFirstChunk?: (req: ClientRequest, res: IncomingMessage) => void): Promise<Download> {
  return new Promise((resolve, reject) => {
    const result: Download = { status: 0, retryAfter: undefined, header: '', rows: 0, ordered: true, complete: false, error: '' };
    const req = get(`${baseUrl}/api/reports/threads?${query}`, { headers: { Cookie: cookie } }, (res) => {
      result.status = res.statusCode ?? 0;
      result.retryAfter = res.headers['retry-after'];
      res.setEncoding('utf8');
      let rest = '';
      let previousId = -1n;
      let first = true;
      res.on('data', (chunk: string) => {
        if (first && onFirstChunk) onFirstChunk(req, res);
        first = false;
        if (result.status !== 200) {
          result.error += chunk;
          return;
        }
        const lines = (rest + chunk).split('\r\n');
        rest = lines.pop() ?? '';
        for (const line of lines) {
          if (!result.header) {
            result.header = line;
            continue;
          }
          result.rows += 1;
          const id = BigInt(line.slice(0, line.indexOf(',')));
          if (id <= previousId) result.ordered = false;
          previousId = id;
        }
      });
      res.on('end', () => {
        result.complete = rest === '';
        resolve(result);
      });
      res.on('close', () => resolve(result));
      res.on('error', () => resolve(result));
    });
    req.on('error', (error) => (/socket hang up|ECONNRESET|aborted/.test(error.message) ? resolve(result) : reject(error)));
  });
}

/** Minimal RFC 4180 reader: rows of unquoted cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('data exports: streamed, bounded, formula-safe', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let baseUrl: string;
  let big: Workspace;
  let bigCookie: string;
  let smallCookie: string;
  let thirdCookie: string;
  let fourthCookie: string;

  /** API connections of this database inside an export's transaction. */
  const exportTransactions = async () =>
    (
      await db.dataSource.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()
          AND (state LIKE 'idle in transaction%' OR (state = 'active' AND query LIKE '%thread_export%'))`,
      )
    )[0].n;

  /** `n` exports blocked on their clients: cursor transactions idle for over half a second. */
  const exportsWaitingForClients = (n: number) => async () => {
    const [{ waiting }] = await db.dataSource.query<Array<{ waiting: number }>>(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity
        WHERE datname = current_database() AND state = 'idle in transaction' AND query LIKE 'FETCH%thread_export'
          AND state_change < now() - interval '500 ms'`,
    );
    return waiting === n ? true : undefined;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApi(testConfig(), db.url);
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    big = await makeWorkspace(db.dataSource, { timezone: 'UTC' });
    const channel = await makeChannel(db.dataSource, big);
    // generate_series: 50,000 threads in a second, ids and first_inbound_at both ascending.
    await db.dataSource.query(
      `INSERT INTO thread (workspace_id, channel_account_id, network, thread_key, channel, first_inbound_at, last_message_at, message_count, tags)
       SELECT $1, $2, 'facebook', 'bulk-' || g, 'comment', t, t, 1, ARRAY['bulk-export-' || g % 7]
         FROM generate_series(0, $3::int - 1) g, LATERAL (SELECT '2026-10-10T00:00:00Z'::timestamptz + g * interval '30 s' AS t) x`,
      [big.id, channel.id, BIG],
    );
    bigCookie = (await login(app, (await makeLoginUser(db.dataSource, big, 'analyst')).email)).cookie;
    const small = await makeWorkspace(db.dataSource, { timezone: 'UTC' });
    smallCookie = (await login(app, (await makeLoginUser(db.dataSource, small, 'analyst')).email)).cookie;
    thirdCookie = (await login(app, (await makeLoginUser(db.dataSource, await makeWorkspace(db.dataSource), 'admin')).email)).cookie;
    fourthCookie = (await login(app, (await makeLoginUser(db.dataSource, await makeWorkspace(db.dataSource), 'admin')).email)).cookie;
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it(`streams ${BIG.toLocaleString('en')} threads complete and in order while the api's live heap grows by less than ${HEAP_BOUND_MB} MB`, async () => {
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const sampler = setInterval(() => {
      collectGarbage();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }, 200);
    const result = await download(baseUrl, bigCookie, OCTOBER).finally(() => clearInterval(sampler));
    const growthMb = (peak - before) / 1048576;
    console.log(`thread export of ${BIG} rows: live heap grew by at most ${growthMb.toFixed(1)} MB`);
    expect(result).toMatchObject({ status: 200, header: THREAD_EXPORT_COLUMNS.join(','), rows: BIG, ordered: true, complete: true });
    expect(growthMb).toBeLessThan(HEAP_BOUND_MB);
  }, 120_000);

  it('answers the thread export as JSON too, streamed in the same shape as before', async () => {
    const res = await fetch(`${baseUrl}/api/reports/threads?period=2026-10-11..2026-10-11&format=json`, { headers: { Cookie: bigCookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as { params: { from: string; csv: boolean }; rows: Array<{ thread_id: string; tags: string[]; first_inbound_at: string }> };
    expect(body.params).toMatchObject({ from: '2026-10-11', csv: false });
    expect(body.rows).toHaveLength(PER_DAY);
    expect(body.rows[0]).toMatchObject({ first_inbound_at: '2026-10-11T00:00:00.000Z', tags: [`bulk-export-${PER_DAY % 7}`] });
    const empty = await fetch(`${baseUrl}/api/reports/threads?${OCTOBER}&format=json`, { headers: { Cookie: smallCookie } });
    expect(await empty.json()).toMatchObject({ rows: [] });
  }, 120_000);

  it('refuses a third export of one workspace, and any export beyond the process bound, with 429 and Retry-After', async () => {
    // The exports below wait on this lock inside their cursor query, holding their slots.
    const lock = db.dataSource.createQueryRunner();
    await lock.connect();
    await lock.query('BEGIN');
    await lock.query('LOCK TABLE thread IN ACCESS EXCLUSIVE MODE');
    let held: Array<Promise<Download>>;
    try {
      held = [smallCookie, smallCookie, thirdCookie, thirdCookie].map((cookie) => download(baseUrl, cookie, OCTOBER));
      await waitFor(async () => {
        const [{ n }] = await db.dataSource.query<Array<{ n: number }>>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'DECLARE thread_export%'`,
        );
        return n === 4 ? n : undefined;
      });
      const third = await download(baseUrl, smallCookie, OCTOBER);
      expect(third).toMatchObject({ status: 429, retryAfter: '10' });
      expect(JSON.parse(third.error).message).toBe('2 exports of this workspace are already running; try again when one has finished');
      const csv = await fetch(`${baseUrl}/api/reports/response-times?${OCTOBER}&format=csv`, { headers: { Cookie: smallCookie } });
      expect(csv.status).toBe(429);
      // A workspace with no export running, refused by the process bound (4).
      const busy = await download(baseUrl, fourthCookie, OCTOBER);
      expect(busy).toMatchObject({ status: 429, retryAfter: '10' });
      expect(JSON.parse(busy.error).message).toMatch(/server is busy with other exports/);
    } finally {
      await lock.query('ROLLBACK');
      await lock.release();
    }
    const done = await Promise.all(held);
    expect(done.map((d) => [d.status, d.rows, d.complete])).toEqual([
      [200, 0, true],
      [200, 0, true],
      [200, 0, true],
      [200, 0, true],
    ]);
    // Slots are given back at the end: the next exports run.
    const again = await fetch(`${baseUrl}/api/reports/response-times?${OCTOBER}&format=csv`, { headers: { Cookie: smallCookie } });
    expect(again.status).toBe(200);
  }, 120_000);

  it('frees the slot and the database connection of a client that disconnects mid-export', async () => {
    const cut = [0, 1].map(() => {
      let stop!: () => void;
      const reading = new Promise<void>((resolve) => {
        stop = resolve;
      });
      const done = download(baseUrl, bigCookie, OCTOBER, (req, res) => {
        res.pause();
        void reading.then(() => req.destroy());
      });
      return { stop, done };
    });
    // Both exports wait for their clients (the socket buffers are full): then the clients hang up.
    await waitFor(exportsWaitingForClients(2), 30_000);
    for (const c of cut) c.stop();
    expect((await Promise.all(cut.map((c) => c.done))).map((d) => [d.status, d.complete])).toEqual([
      [200, false],
      [200, false],
    ]);
    // Well within the 60 s stall timeout: the server noticed the disconnect itself.
    await waitFor(async () => ((await exportTransactions()) === 0 ? true : undefined), 5_000);
    const next = await Promise.all([0, 1].map(() => download(baseUrl, bigCookie, EMPTY_DAY)));
    expect(next.map((d) => [d.status, d.complete])).toEqual([
      [200, true],
      [200, true],
    ]);
  }, 120_000);

  it('cuts off a client that stops reading once the stall timeout passes, freeing its slot', async () => {
    const stallApp = await createApi(testConfig({ EXPORT_STALL_TIMEOUT_MS: '1500', EXPORTS_PER_WORKSPACE: '1' }), db.url);
    try {
      await stallApp.listen(0, '127.0.0.1');
      const stallUrl = `http://127.0.0.1:${(stallApp.getHttpServer().address() as AddressInfo).port}`;
      let paused: IncomingMessage | undefined;
      const stalled = download(stallUrl, bigCookie, OCTOBER, (_req, res) => {
        res.pause();
        paused = res;
      });
      await waitFor(exportsWaitingForClients(1), 30_000);
      // A paused client does not even read the server's hang-up; the server side is what counts.
      await waitFor(async () => ((await exportTransactions()) === 0 ? true : undefined), 5_000);
      expect(await download(stallUrl, bigCookie, EMPTY_DAY)).toMatchObject({ status: 200, complete: true });
      paused?.resume();
      expect(await stalled).toMatchObject({ status: 200, complete: false });
    } finally {
      await stallApp.close();
    }
  }, 120_000);

  it('guards network text in a CSV export against formulas (OWASP CSV injection)', async () => {
    const ws = await makeWorkspace(db.dataSource);
    const payloads = ["-2+3+cmd|' /C calc'!A0", '\t=1+1', '\r=HYPERLINK("https://evil.example","x")', '@SUM(1+9)', 'Plain, "quoted" page'];
    for (const [i, displayName] of payloads.entries()) {
      await makeChannel(db.dataSource, ws, { displayName, lastError: i === 0 ? '\n=cmd' : null });
    }
    const admin = (await login(app, (await makeLoginUser(db.dataSource, ws, 'admin')).email)).cookie;
    const res = await fetch(`${baseUrl}/api/reports/channels-health?format=csv`, { headers: { Cookie: admin } });
    expect(res.status).toBe(200);
    const [header, ...rows] = parseCsv(await res.text());
    const names = rows.map((r) => r[header.indexOf('Account')]);
    expect(names.sort()).toEqual(payloads.map((p) => (/^[-=+@\t\r]/.test(p) ? `'${p}` : p)).sort());
    expect(rows.map((r) => r[header.indexOf('Last error')])).toContain("'\n=cmd");
  });
});
