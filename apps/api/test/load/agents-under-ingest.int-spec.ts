import { writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { MessageRecord } from '@resonance/contracts';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { IngestStore } from '@resonance/worker';
import { createApi } from '../../src';
import { keepConnectionsAlive } from '../../src/keep-alive';
import { comment, login, makeLoginUser, type Session } from '../support';

const AGENTS = 8;
const RUN_MS = 15_000;
/** Comments per second the ingest loop aims at, in the same process (so a conservative picture). */
const INGEST_PER_SECOND = 1_000;

const p95 = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] : 0);

/**
 * The load test: AGENTS simulated agents work the inbox through the HTTP API — list, open a thread,
 * read its messages, set status, write a note, reply — while comments are ingested continuously.
 * Reports p95 latency and errors per operation (printed, and $TMPDIR/resonance-load-test.json);
 * it fails only on errors (5xx, refused sessions) — the p95 figures are reported, not asserted,
 * because the machine is shared.
 */
describe('load: agents working the inbox while ingest runs', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let base: string;
  let channelId: string;
  const sessions: Session[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApi(testConfig({ API_WRITE_LIMIT_PER_MINUTE: '100000', DATABASE_POOL_SIZE: '20' }), db.url);
    // The server's keep-alive as `startApi` sets it: with Node's 5 s, a request of an agent that
    // waited (loaded machine) could go out on a connection the server was just closing (ECONNRESET).
    keepConnectionsAlive(app.getHttpServer() as Server);
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const workspace = await makeWorkspace(db.dataSource);
    channelId = (await makeChannel(db.dataSource, workspace)).id;
    const store = new IngestStore(db.dataSource);
    const seed: MessageRecord[] = [];
    for (let i = 0; i < 2_000; i++) seed.push(comment({ threadKey: `seed-${i % 400}`, text: `seed comment ${i}` }));
    for (let i = 0; i < seed.length; i += 500) await store.ingest(channelId, seed.slice(i, i + 500));
    for (let i = 0; i < AGENTS; i++) sessions.push(await login(app, (await makeLoginUser(db.dataSource, workspace, 'agent')).email));
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('keeps answering every agent, with p95 latencies reported', async () => {
    const latencies: Record<string, number[]> = {};
    const errors: Record<string, number> = {};
    const stop = Date.now() + RUN_MS;
    const timed = async (op: string, s: Session, path: string, init: { method?: string; body?: unknown } = {}) => {
      const t0 = performance.now();
      const res = await fetch(`${base}${path}`, {
        method: init.method ?? 'GET',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(init.body ? { 'content-type': 'application/json' } : {}) },
        body: init.body ? JSON.stringify(init.body) : undefined,
      });
      const body = await res.text();
      (latencies[op] ??= []).push(performance.now() - t0);
      if (res.status >= 400) errors[`${op} ${res.status}`] = (errors[`${op} ${res.status}`] ?? 0) + 1;
      return res.status < 300 && body ? JSON.parse(body) : undefined;
    };

    let ingested = 0;
    const ingest = (async () => {
      const store = new IngestStore(db.dataSource);
      let n = 0;
      while (Date.now() < stop) {
        const t0 = Date.now();
        const batch = Array.from({ length: INGEST_PER_SECOND / 10 }, () => comment({ threadKey: `live-${n++ % 2000}`, text: `live comment ${n}` }));
        await store.ingest(channelId, batch);
        ingested += batch.length;
        await new Promise((r) => setTimeout(r, Math.max(0, 100 - (Date.now() - t0))));
      }
    })();

    const agent = async (s: Session, k: number) => {
      let round = 0;
      while (Date.now() < stop) {
        const list = await timed('list inbox (50)', s, `/api/threads?status=open&limit=50`);
        const items = (list?.items ?? []) as Array<{ id: string }>;
        const thread = items[(k + round++) % Math.max(1, items.length)];
        if (!thread) continue;
        await timed('open thread', s, `/api/threads/${thread.id}`);
        await timed('thread messages', s, `/api/threads/${thread.id}/messages`);
        if (round % 3 === 0) await timed('note', s, `/api/threads/${thread.id}/notes`, { method: 'POST', body: { text: `checked (${k}/${round})` } });
        if (round % 4 === 0) await timed('reply', s, `/api/threads/${thread.id}/replies`, { method: 'POST', body: { text: `Thanks! (${k}/${round})` } });
        if (round % 5 === 0) await timed('set status', s, `/api/threads/${thread.id}`, { method: 'PATCH', body: { status: 'pending' } });
      }
    };
    await Promise.all([ingest, ...sessions.map((s, k) => agent(s, k))]);

    const report = Object.fromEntries(Object.entries(latencies).map(([op, xs]) => [op, { requests: xs.length, p95Ms: Math.round(p95(xs) * 10) / 10 }]));
    const summary = {
      agents: AGENTS,
      seconds: RUN_MS / 1000,
      ingestedComments: ingested,
      ingestPerSecond: Math.round(ingested / (RUN_MS / 1000)),
      operations: report,
      errors,
    };
    console.log(`load test: ${JSON.stringify(summary, null, 2)}`);
    writeFileSync(join(tmpdir(), 'resonance-load-test.json'), JSON.stringify(summary, null, 2));
    expect(Object.keys(report).length).toBeGreaterThanOrEqual(5);
    // 4xx from a reply to a thread whose last message is the agent's own are the product's rules, not failures.
    expect(Object.entries(errors).filter(([k]) => / 5\d\d$| 401$| 403$/.test(k))).toEqual([]);
    expect(ingested).toBeGreaterThan(0);
  }, 180_000);
});
