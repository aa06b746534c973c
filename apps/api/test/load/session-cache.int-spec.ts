import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { createApi } from '../../src';
import { SessionService } from '../../src/auth/session.service';
import { login, makeLoginUser, waitFor, type Session } from '../support';

/** Within this a notification on resonance_session_ends must have ended a kept lookup (it arrives in milliseconds). */
const NOTIFIED_WITHIN_MS = 2_000;

/**
 * Session lookups are kept a few seconds (auth/session.service.ts: one query less per request
 * under 200 dashboards), but never past the moment the database says the session ended or its
 * user changed: logout, a role change, deactivation and a deleted session refuse or change the
 * next request, whether made through this api copy or by anyone else in the database; and nothing
 * is kept while the session-ends listener is away.
 */
describe('session lookups kept between requests', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let base: string;
  let workspace: Awaited<ReturnType<typeof makeWorkspace>>;
  let sessions: SessionService;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApi(testConfig({ API_WRITE_LIMIT_PER_MINUTE: '100000' }), db.url);
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    workspace = await makeWorkspace(db.dataSource);
    sessions = app.get(SessionService);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const me = async (s: Session) => {
    const res = await fetch(`${base}/api/auth/me`, { headers: { cookie: s.cookie } });
    return { status: res.status };
  };
  /** The role the api's guard sees now: analysts may not write to threads (403 before anything else is looked at). */
  const roleOf = async (s: Session) => {
    const res = await fetch(`${base}/api/threads/999999999`, {
      method: 'PATCH',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'closed' }),
    });
    return res.status === 401 ? 'signed out' : res.status === 403 ? 'analyst' : 'agent';
  };
  const agent = async () => login(app, (await makeLoginUser(db.dataSource, workspace, 'agent')).email);

  it('answers a burst of requests from one lookup', async () => {
    const s = await agent();
    const runs = sessions.lookups.runs;
    const hits = sessions.cacheHits;
    for (let i = 0; i < 10; i++) expect((await me(s)).status).toBe(200);
    expect(sessions.lookups.runs - runs).toBeLessThanOrEqual(1);
    expect(sessions.cacheHits - hits).toBeGreaterThanOrEqual(9);
  });

  it('refuses the next request after a logout through this copy, at once', async () => {
    const s = await agent();
    expect((await me(s)).status).toBe(200);
    const out = await fetch(`${base}/api/auth/logout`, { method: 'POST', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
    expect(out.status).toBeLessThan(300);
    expect((await me(s)).status).toBe(401);
  });

  it('ends a kept lookup when the session is deleted elsewhere (another api copy, a purge)', async () => {
    const s = await agent();
    expect((await me(s)).status).toBe(200);
    await db.dataSource.query(`DELETE FROM session WHERE user_id = $1`, [s.user.id]);
    const t0 = Date.now();
    await waitFor(async () => ((await me(s)).status === 401 ? true : undefined), NOTIFIED_WITHIN_MS);
    process.stdout.write(`session cache: deleted session refused after ${Date.now() - t0} ms\n`);
  });

  it("ends a kept lookup when the user's role changes or the user is deactivated elsewhere", async () => {
    const s = await agent();
    expect(await roleOf(s)).toBe('agent');
    await db.dataSource.query(`UPDATE users SET role = 'analyst' WHERE id = $1`, [s.user.id]);
    await waitFor(async () => ((await roleOf(s)) === 'analyst' ? true : undefined), NOTIFIED_WITHIN_MS);
    await db.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [s.user.id]);
    await waitFor(async () => ((await me(s)).status === 401 ? true : undefined), NOTIFIED_WITHIN_MS);
  });

  it('shows a role change an admin made through this copy in the very next request', async () => {
    const admin = await login(app, (await makeLoginUser(db.dataSource, workspace, 'admin')).email);
    const s = await agent();
    expect(await roleOf(s)).toBe('agent');
    const res = await fetch(`${base}/api/users/${s.user.id}`, {
      method: 'PATCH',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'analyst' }),
    });
    expect(res.status).toBe(200);
    expect(await roleOf(s)).toBe('analyst');
  });

  it('keeps nothing while the session-ends listener is away, and drops what it kept when it is back', async () => {
    const s = await agent();
    expect((await me(s)).status).toBe(200);
    const [{ n }] = await db.dataSource.query<Array<{ n: number }>>(
      `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = 'resonance-api-listen' AND datname = current_database()`,
    );
    expect(n).toBe(1);
    // Away: a deletion's notification is lost, so every request must ask the database itself.
    await db.dataSource.query(`DELETE FROM session WHERE user_id = $1`, [s.user.id]);
    expect((await me(s)).status).toBe(401);
    const other = await agent();
    const hits = sessions.cacheHits;
    await me(other);
    await me(other);
    // Back (the listener reconnects after 200 ms): lookups are kept again.
    await waitFor(async () => {
      await me(other);
      return sessions.cacheHits > hits ? true : undefined;
    }, 10_000);
  });
});
