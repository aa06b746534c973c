import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSim, type RunningSim, type SimConfig } from '../src';

export const FIXTURES = join(__dirname, 'fixtures', 'facebook');
export const fixture = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

/** A sim on an ephemeral port of 127.0.0.1, with no live traffic (tests generate on demand). */
export function testSim(overrides: Partial<SimConfig> = {}): Promise<RunningSim> {
  return startSim({ SIM_HOST: '127.0.0.1', SIM_PORT: 0, SIM_SEED: 7, SIM_TRAFFIC_PER_MINUTE: 0, SIM_WEBHOOK_URL: 'off', ...overrides });
}

/**
 * A parsed JSON response body as the tests read it: navigated freely, its shape checked by the
 * assertions (as supertest's `res.body` is). The one `any` of the sim's tests, named.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads bodies of many shapes; see above
export type JsonBody = any;

export async function getJson(url: string, init?: RequestInit): Promise<{ status: number; body: JsonBody; headers: Headers }> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

export const postJson = (url: string, body: unknown) =>
  getJson(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/**
 * Structural comparison with a real payload: every key of `expected` must be in `actual` with the
 * same JSON type, recursively; each element of an actual array is compared with the first
 * element of the expected one. Extra keys in `actual` are allowed (the fixtures were recorded
 * with fewer fields). Returns the mismatches, empty when the shapes agree.
 */
export function shapeMismatches(expected: unknown, actual: unknown, ignore: string[] = [], path = '$'): string[] {
  if (ignore.includes(path)) return [];
  const te = typeOf(expected);
  const ta = typeOf(actual);
  if (te !== ta) return [`${path}: expected ${te}, got ${ta}`];
  if (te === 'array') {
    const [first] = expected as unknown[];
    if (first === undefined) return [];
    if ((actual as unknown[]).length === 0) return [`${path}: expected a non-empty array`];
    return (actual as unknown[]).flatMap((item, i) => shapeMismatches(first, item, ignore, `${path}[]`).map((m) => m.replace(`${path}[]`, `${path}[${i}]`)));
  }
  if (te === 'object') {
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    return Object.keys(e).flatMap((k) =>
      k in a ? shapeMismatches(e[k], a[k], ignore, `${path}.${k}`) : ignore.includes(`${path}.${k}`) ? [] : [`${path}.${k}: missing`],
    );
  }
  return [];
}

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  raw: Buffer;
}

/** A webhook receiver on 127.0.0.1:0 that records raw bodies; answers `status()` (200 by default). */
export async function webhookReceiver(
  options: { status?: () => number; verifyToken?: string } = {},
): Promise<{ url: string; received: Received[]; server: Server; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, raw: Buffer.concat(chunks) });
      if (req.method === 'GET') {
        const q = new URL(req.url ?? '/', 'http://x').searchParams;
        const ok = q.get('hub.mode') === 'subscribe' && q.get('hub.verify_token') === options.verifyToken;
        res.writeHead(ok ? 200 : 403, { 'content-type': 'text/plain' });
        res.end(ok ? q.get('hub.challenge') : 'forbidden');
        return;
      }
      res.writeHead(options.status?.() ?? 200);
      res.end('EVENT_RECEIVED');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/webhooks`,
    received,
    server,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export async function waitFor(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
