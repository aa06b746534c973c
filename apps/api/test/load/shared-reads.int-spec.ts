import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { IngestStore } from '@resonance/worker';
import { createApi } from '../../src';
import { SessionService } from '../../src/auth/session.service';
import { MessagesService } from '../../src/messages/messages.service';
import { ThreadsService } from '../../src/threads/threads.service';
import { comment, login, makeLoginUser, type Session } from '../support';

const AGENTS = 30;

/**
 * What 200 dashboards do at one live event, in small: every agent refetches the same inbox page
 * (and its open thread with its messages) at once. Identical reads share runs (common/fresh-reads.ts)
 * instead of each taking a pooled connection, and nobody is answered from a run older than its
 * request: an agent's own change shows in its next list, and a logout refuses the next request.
 */
describe('shared reads: identical requests that arrive together', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let base: string;
  const sessions: Session[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApi(testConfig({ API_WRITE_LIMIT_PER_MINUTE: '100000' }), db.url);
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const workspace = await makeWorkspace(db.dataSource);
    const channelId = (await makeChannel(db.dataSource, workspace)).id;
    await new IngestStore(db.dataSource).ingest(
      channelId,
      Array.from({ length: 300 }, (_, i) => comment({ threadKey: `t-${i % 60}`, text: `comment ${i}` })),
    );
    for (let i = 0; i < AGENTS; i++) sessions.push(await login(app, (await makeLoginUser(db.dataSource, workspace, 'agent')).email));
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const get = async (s: Session, path: string) => {
    const res = await fetch(`${base}${path}`, { headers: { cookie: s.cookie } });
    return { status: res.status, body: await res.text() };
  };

  it('answers every agent, from a handful of runs instead of one per request', async () => {
    const threads = app.get(ThreadsService);
    const messages = app.get(MessagesService);
    const auth = app.get(SessionService);
    const first = JSON.parse((await get(sessions[0], '/api/threads?limit=50&status=open')).body) as { items: Array<{ id: string }> };
    const open = first.items[0].id;
    const runs = () => ({ pages: threads.pages.runs, details: threads.details.runs, messages: messages.pages.runs, sessions: auth.lookups.runs });
    const before = runs();
    // The first reads of the wave are held up (as a busy api's were: ~100 requests waited for the
    // pool in the agents bench), so the wave's other requests arrive while they are in flight.
    const blocker = db.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query('LOCK TABLE thread IN ACCESS EXCLUSIVE MODE');
    // Every agent at once, each with its refetch trio side by side (as the dashboard sends it).
    const wave = Promise.all(
      sessions.flatMap((s) => [get(s, '/api/threads?limit=50&status=open'), get(s, `/api/threads/${open}`), get(s, `/api/threads/${open}/messages?limit=50`)]),
    );
    await new Promise((r) => setTimeout(r, 3_000));
    await blocker.commitTransaction();
    await blocker.release();
    const answers = await wave;
    const after = runs();
    expect(answers.every((a) => a.status === 200)).toBe(true);
    // Same page for everyone (no change in between).
    expect(new Set(answers.filter((_, i) => i % 3 === 0).map((a) => a.body)).size).toBe(1);
    const used = {
      pages: after.pages - before.pages,
      details: after.details - before.details,
      messages: after.messages - before.messages,
      sessions: after.sessions - before.sessions,
    };
    process.stdout.write(`shared reads: ${AGENTS} agents × 3 requests ran ${JSON.stringify(used)}\n`);
    // Without sharing each of the 90 requests runs its own read (30 runs of each).
    expect(used.pages).toBeLessThan(AGENTS / 3);
    expect(used.details).toBeLessThan(AGENTS / 3);
    expect(used.messages).toBeLessThan(AGENTS / 3);
    // Session lookups share only when they overlap (an agent's trio while the pool is busy); not held up here.
    expect(used.sessions).toBeLessThanOrEqual(AGENTS * 3);
  });

  it("shows an agent's own change in its next list while others keep reading the same page", async () => {
    const [me, ...others] = sessions;
    const page = JSON.parse((await get(me, '/api/threads?limit=50&status=open')).body) as { items: Array<{ id: string }> };
    const target = page.items[0].id;
    let reading = true;
    const background = (async () => {
      while (reading) await Promise.all(others.slice(0, 10).map((s) => get(s, '/api/threads?limit=50&status=open')));
    })();
    const res = await fetch(`${base}/api/threads/${target}`, {
      method: 'PATCH',
      headers: { cookie: me.cookie, 'x-csrf-token': me.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'closed' }),
    });
    expect(res.status).toBe(200);
    const next = JSON.parse((await get(me, '/api/threads?limit=50&status=open')).body) as { items: Array<{ id: string }> };
    reading = false;
    await background;
    expect(next.items.map((t) => t.id)).not.toContain(target);
  });

  it('refuses the request after a logout even while the same session has lookups in flight', async () => {
    const s = sessions[AGENTS - 1];
    const inFlight = Array.from({ length: 5 }, () => get(s, '/api/threads?limit=50'));
    const out = await fetch(`${base}/api/auth/logout`, { method: 'POST', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
    expect(out.status).toBeLessThan(300);
    expect((await get(s, '/api/threads?limit=50')).status).toBe(401);
    await Promise.all(inFlight);
  });
});
