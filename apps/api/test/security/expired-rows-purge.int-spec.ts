import { createTestDatabase, makeUser, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { createApi } from '../../src';
import { BACKOFF_MEMORY_MS, LOGIN_WINDOW_MS } from '../../src/auth/login-throttle';
import { ACCESS_LINK_MEMORY_DAYS, purgeExpiredSecurityRows } from '../../src/security/expired-rows-purge';
import { WRITE_WINDOW_MS } from '../../src/security/write-rate-limit';
import { REPLAY_WINDOW_DAYS } from '../../src/webhooks/webhook-deliveries';
import { waitFor } from '../support';

const MINUTE = 60_000;

/** One run of the purge deletes what can never count again and keeps everything still in use. */
describe('purge of expired sessions and rate-limit counters', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  const keys = async (table: string, column: string) =>
    (await db.dataSource.query<Array<{ k: string }>>(`SELECT ${column} AS k FROM ${table}`)).map((r) => r.k).sort();

  it('deletes expired sessions, login counters past their window or memory and write counters past their minute, in batches', async () => {
    const ws = await makeWorkspace(db.dataSource);
    const user = await makeUser(db.dataSource, ws);
    await db.dataSource.query(
      `INSERT INTO session (id, workspace_id, user_id, csrf_token, expires_at)
       VALUES ('expired', $1, $2, 'c', now() - interval '1 minute'), ('live', $1, $2, 'c', now() + interval '1 minute')`,
      [ws.id, user.id],
    );
    const ago = (ms: number) => new Date(Date.now() - ms);
    const counters: Array<[string, Date]> = [
      ['email:old@example.test', ago(LOGIN_WINDOW_MS + MINUTE)],
      ['email:fresh@example.test', ago(LOGIN_WINDOW_MS - MINUTE)],
      ['ip:10.0.0.1', ago(LOGIN_WINDOW_MS + MINUTE)],
      ['ip:10.0.0.2', ago(MINUTE)],
      // Backoff counters outlive the login window: their delays may still be running.
      ['pair:10.0.0.1|a@example.test', ago(LOGIN_WINDOW_MS + MINUTE)],
      ['pair:10.0.0.1|b@example.test', ago(BACKOFF_MEMORY_MS + MINUTE)],
      ['password:' + user.id, ago(BACKOFF_MEMORY_MS - MINUTE)],
    ];
    await db.dataSource.query(`INSERT INTO login_throttle (key, failures, window_started_at) SELECT * FROM unnest($1::text[], $2::int[], $3::timestamptz[])`, [
      counters.map(([k]) => k),
      counters.map(() => 3),
      counters.map(([, at]) => at),
    ]);
    // More stale write counters than one batch deletes, and one still counting.
    await db.dataSource.query(
      `INSERT INTO api_rate_limit (key, hits, window_started_at)
       SELECT 'ip:stale-' || i, 1, now() - $1 * interval '1 millisecond' FROM generate_series(1, 12001) AS i
       UNION ALL SELECT 'user:fresh', 4, now()`,
      [WRITE_WINDOW_MS + 1_000],
    );

    // Invitation/reset links: kept while usable and for a while after use or expiry (410, not 404).
    const links: Array<[string, string, string | null]> = [
      ['used-long-ago', `now() + interval '1 day'`, `now() - interval '${ACCESS_LINK_MEMORY_DAYS + 1} days'`],
      ['expired-long-ago', `now() - interval '${ACCESS_LINK_MEMORY_DAYS + 1} days'`, null],
      ['used-lately', `now() + interval '1 day'`, `now() - interval '1 day'`],
      ['expired-lately', `now() - interval '1 day'`, null],
      ['open', `now() + interval '7 days'`, null],
    ];
    for (const [hash, expires, used] of links) {
      await db.dataSource.query(
        `INSERT INTO user_access_link (workspace_id, user_id, purpose, token_hash, expires_at, used_at) VALUES ($1, $2, 'reset', $3, ${expires}, ${used ?? 'NULL'})`,
        [ws.id, user.id, hash],
      );
    }

    // Webhook deliveries' hashes: kept for the replay window, then they protect nothing.
    await db.dataSource.query(
      `INSERT INTO webhook_delivery (network, delivery_id, received_at) VALUES ('facebook', 'old', now() - $1 * interval '1 day' - interval '1 hour'), ('facebook', 'fresh', now())`,
      [REPLAY_WINDOW_DAYS],
    );

    expect(await purgeExpiredSecurityRows(db.dataSource)).toEqual({
      sessions: 1,
      loginThrottle: 3,
      apiRateLimit: 12_001,
      accessLinks: 2,
      webhookDeliveries: 1,
    });
    expect(await keys('webhook_delivery', 'delivery_id')).toEqual(['fresh']);
    expect(await keys('user_access_link', 'token_hash')).toEqual(['expired-lately', 'open', 'used-lately']);
    expect(await keys('session', 'id')).toEqual(['live']);
    expect(await keys('login_throttle', 'key')).toEqual(
      ['email:fresh@example.test', 'ip:10.0.0.2', 'pair:10.0.0.1|a@example.test', `password:${user.id}`].sort(),
    );
    expect(await keys('api_rate_limit', 'key')).toEqual(['user:fresh']);
    // A second run finds nothing.
    expect(await purgeExpiredSecurityRows(db.dataSource)).toEqual({ sessions: 0, loginThrottle: 0, apiRateLimit: 0, accessLinks: 0, webhookDeliveries: 0 });
  });

  it('runs in the api on its own: a started api purges what expired', async () => {
    await db.dataSource.query(`INSERT INTO api_rate_limit (key, hits, window_started_at) VALUES ('ip:left-over', 9, now() - interval '1 hour')`);
    const app = await createApi(testConfig(), db.url);
    try {
      await app.init();
      await waitFor(async () => ((await keys('api_rate_limit', 'key')).includes('ip:left-over') ? undefined : true));
    } finally {
      await app.close();
    }
  });
});
