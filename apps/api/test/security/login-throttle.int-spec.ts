import type { INestApplication } from '@nestjs/common';
import type { Workspace } from '@resonance/db';
import { createTestDatabase, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { createApi } from '../../src';
import { FIRST_DELAY_MS, FREE_FAILURES_PER_CLIENT, MAX_ATTEMPTS_PER_IP, MAX_FAILURES_PER_ACCOUNT } from '../../src/auth/login-throttle';
import { SignInPassword } from '../../src/auth/sign-in-password';
import { login, makeLoginUser, PASSWORD, waitFor } from '../support';
import { fromAddress } from './client-address';

const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((t, s) => ({ ...t, [s]: (t[s] ?? 0) + 1 }), {});

/**
 * The sign-in and password-change throttles: attempts are reserved before the password is hashed
 * (parallel guesses cannot outrun the count), lockout is per account and client address with
 * doubling delays under a higher per-account ceiling, and known and unknown e-mails do the same work.
 * Each test signs in from its own loopback address (127.0.0.N) so their counters never mix.
 */
describe('login throttle', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let workspace: Workspace;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApi(testConfig({ API_WRITE_LIMIT_PER_MINUTE: '100000' }), db.url);
    await app.init();
    workspace = await makeWorkspace(db.dataSource);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const tryLogin = (address: string, email: string, password: string) => fromAddress(app, address).post('/api/auth/login').send({ email, password });

  it('evaluates at most the allowed sign-ins of one account when 25 arrive at once, then refuses even the right password', async () => {
    const user = await makeLoginUser(db.dataSource, workspace, 'agent');
    const statuses = (await Promise.all(Array.from({ length: 25 }, () => tryLogin('127.0.0.11', user.email, 'wrong password')))).map((r) => r.status);
    expect(tally(statuses)).toEqual({ 401: FREE_FAILURES_PER_CLIENT, 429: 25 - FREE_FAILURES_PER_CLIENT });
    const right = await tryLogin('127.0.0.11', user.email, PASSWORD).expect(429);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('evaluates at most the per-address limit when 80 sign-ins for different accounts arrive at once', async () => {
    const statuses = (await Promise.all(Array.from({ length: 80 }, (_, i) => tryLogin('127.0.0.12', `nobody-${i}@example.test`, 'wrong password')))).map(
      (r) => r.status,
    );
    expect(tally(statuses)).toEqual({ 401: MAX_ATTEMPTS_PER_IP, 429: 80 - MAX_ATTEMPTS_PER_IP });
  });

  it('lets the owner sign in from their own address while an attacker is locked out, with doubling delays for the attacker', async () => {
    const owner = await makeLoginUser(db.dataSource, workspace, 'agent');
    const attacker = '127.0.0.13';
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await tryLogin(attacker, owner.email, 'guess')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    await tryLogin('127.0.0.14', owner.email, PASSWORD).expect(200);

    // The first delay passes (moved back in time): one more guess, then twice the delay.
    // The address may read ::ffff:127.0.0.13 when the server listens on IPv6 as well.
    const pair = `%${attacker}|${owner.email.toLowerCase()}`;
    const [, moved] = await db.dataSource.query(
      `UPDATE login_throttle SET window_started_at = window_started_at - $2 * interval '1 millisecond' WHERE key LIKE 'pair:' || $1 RETURNING key`,
      [pair, FIRST_DELAY_MS + 1_000],
    );
    expect(moved).toBe(1);
    await tryLogin(attacker, owner.email, 'guess').expect(401);
    const refused = await tryLogin(attacker, owner.email, 'guess').expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan((FIRST_DELAY_MS * 2) / 1000 - 5);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual((FIRST_DELAY_MS * 2) / 1000);
  });

  it('slows a distributed guesser at the per-account ceiling, and a right password then ends the own backoff', async () => {
    const owner = await makeLoginUser(db.dataSource, workspace, 'agent');
    const email = owner.email.toLowerCase();
    // As if many addresses had failed MAX_FAILURES_PER_ACCOUNT times within the window.
    await db.dataSource.query(`INSERT INTO login_throttle (key, failures, window_started_at) VALUES ($1, $2, now())`, [
      `email:${email}`,
      MAX_FAILURES_PER_ACCOUNT,
    ]);
    const limited = await tryLogin('127.0.0.15', owner.email, PASSWORD).expect(429);
    expect(limited.body.message).toMatch(/too many failed sign-ins/);
    // Below the ceiling again: the owner's own typos count on both counters, the right password on neither.
    const typos = FREE_FAILURES_PER_CLIENT - 1;
    await db.dataSource.query(`UPDATE login_throttle SET failures = $2 WHERE key = $1`, [`email:${email}`, MAX_FAILURES_PER_ACCOUNT - typos - 1]);
    for (let i = 0; i < typos; i++) await tryLogin('127.0.0.15', owner.email, 'typo').expect(401);
    await tryLogin('127.0.0.15', owner.email, PASSWORD).expect(200);
    // The success gave its attempt back and forgot this client's failures.
    const rows = await db.dataSource.query(`SELECT key, failures FROM login_throttle WHERE key LIKE '%' || $1 ORDER BY key`, [email]);
    expect(rows).toEqual([{ key: `email:${email}`, failures: MAX_FAILURES_PER_ACCOUNT - 1 }]);
  });

  it('throttles wrong current passwords in a password change per user, also when they arrive at once', async () => {
    const user = await makeLoginUser(db.dataSource, workspace, 'agent');
    const session = await login(app, user.email);
    const change = (currentPassword: string) =>
      session.agent.post('/api/auth/password').set('X-CSRF-Token', session.csrf).send({ currentPassword, newPassword: 'a brand new password' });
    const statuses = (await Promise.all(Array.from({ length: 12 }, () => change('not my password')))).map((r) => r.status);
    expect(tally(statuses)).toEqual({ 400: FREE_FAILURES_PER_CLIENT, 429: 12 - FREE_FAILURES_PER_CLIENT });
    const refused = await change(PASSWORD).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.message).toMatch(/too many wrong current passwords/);
    // The password did not change.
    await login(app, user.email);
  });

  it('checks a password hash for unknown e-mails too, and answers a known e-mail without waiting for its audit entry', async () => {
    const user = await makeLoginUser(db.dataSource, workspace, 'agent');
    const verify = jest.spyOn(app.get(SignInPassword), 'matches');
    try {
      await tryLogin('127.0.0.16', 'nobody-at-all@example.test', 'guess').expect(401);
      await tryLogin('127.0.0.16', user.email, 'guess').expect(401);
      expect(verify.mock.calls).toEqual([
        ['guess', undefined],
        ['guess', expect.stringMatching(/^scrypt\$/)],
      ]);
    } finally {
      verify.mockRestore();
    }
    // Both paths wrote the same counters before answering.
    const counters = await db.dataSource.query(
      `SELECT split_part(key, ':', 1) AS kind, count(*)::int AS n FROM login_throttle WHERE key LIKE '%nobody-at-all@example.test' OR key LIKE '%' || $1 GROUP BY 1 ORDER BY 1`,
      [user.email.toLowerCase()],
    );
    expect(counters).toEqual([
      { kind: 'email', n: 2 },
      { kind: 'pair', n: 2 },
    ]);

    // While the audit table is locked, a known e-mail's failed sign-in still answers at once.
    const lock = db.dataSource.createQueryRunner();
    await lock.connect();
    await lock.startTransaction();
    let answeredWhileLocked: boolean;
    try {
      await lock.query(`LOCK TABLE audit_event IN SHARE ROW EXCLUSIVE MODE`);
      const answer = tryLogin('127.0.0.16', user.email, 'guess again').then((r) => r.status);
      const status = await Promise.race([answer, new Promise<'blocked'>((resolve) => setTimeout(() => resolve('blocked'), 3_000))]);
      answeredWhileLocked = status === 401;
    } finally {
      await lock.commitTransaction();
      await lock.release();
    }
    expect(answeredWhileLocked).toBe(true);
    const audited = await waitFor(async () => {
      const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'auth.login_failed' AND target_id = $1`, [user.id]);
      return n === 2 ? n : undefined;
    });
    expect(audited).toBe(2);
  });
});
