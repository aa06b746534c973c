import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { cleanChildProcessEnv, loadConfig, testServices } from '@resonance/config';
import { createQueueBackend, prepareQueueBackend } from '@resonance/queue';
import { DEMO_FACEBOOK_APP, type RunningSim } from '@resonance/sim';
import { createTestDatabase, uniqueSuffix, type TestDatabase } from '@resonance/testing';
import { makeLoginUser, PASSWORD } from '../support';
import { connectDemoPage, demoFacebook, simJson, testSim } from '../../../worker/test/pipeline-support';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function waitFor<T>(probe: () => Promise<T | undefined>, ms: number, what: string): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * A real run — api and worker as their own processes logging at debug, the sim as the network:
 * sign in, read the channel list, sync a connected page (its token encrypted at rest), receive
 * signed webhooks, send a reply. Then every line the processes wrote and every answer the API gave
 * is searched for the secrets: nothing may contain one.
 */
describe('secrets never reach logs or API answers', () => {
  let db: TestDatabase;
  let sim: RunningSim;
  const children: ChildProcess[] = [];
  const logs: string[] = [];
  const answers: string[] = [];
  const secrets: Record<string, string> = {
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    SESSION_SECRET: randomBytes(48).toString('base64'),
    FACEBOOK_APP_SECRET: DEMO_FACEBOOK_APP.appSecret,
    pageAccessToken: demoFacebook.credentials.pageAccessToken,
    password: PASSWORD,
  };

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await sim?.close();
    await db?.drop();
  });

  it('runs a full flow at debug level and finds no secret in any log line or answer', async () => {
    db = await createTestDatabase();
    const apiPort = await freePort();
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    sim = await testSim(`${apiUrl}/api/webhooks`);
    const env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'debug',
      DEMO_MODE: 'true',
      DATABASE_URL: db.url,
      REDIS_URL: testServices().redisUrl,
      QUEUE_PREFIX: `test-${uniqueSuffix()}`,
      SIM_URL: sim.url,
      API_HOST: '127.0.0.1',
      API_PORT: String(apiPort),
      PUBLIC_URL: apiUrl,
      ENCRYPTION_KEY: secrets.ENCRYPTION_KEY,
      SESSION_SECRET: secrets.SESSION_SECRET,
      FACEBOOK_APP_SECRET: secrets.FACEBOOK_APP_SECRET,
      FACEBOOK_APP_ID: DEMO_FACEBOOK_APP.appId,
      FACEBOOK_VERIFY_TOKEN: DEMO_FACEBOOK_APP.verifyToken,
      SYNC_INTERVAL_MS: '1000',
      SYNC_MIN_INTERVAL_MS: '500',
      SYNC_MAX_INTERVAL_MS: '2000',
      SYNC_LEASE_MS: '3000',
    };
    const config = loadConfig(env);
    await prepareQueueBackend(createQueueBackend({ redisUrl: config.REDIS_URL, databaseUrl: db.url, prefix: config.QUEUE_PREFIX }));
    const channel = await connectDemoPage(db.dataSource, config);
    const [{ workspace_id: workspaceId }] = await db.dataSource.query(`SELECT workspace_id FROM channel_account WHERE id = $1`, [channel.id]);
    const user = await makeLoginUser(db.dataSource, { id: workspaceId } as never, 'admin');

    for (const app of ['api', 'worker']) {
      const child = spawn(process.execPath, [join(__dirname, 'child', 'run-app.cjs'), app], {
        env: cleanChildProcessEnv(env),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.on('data', (chunk: Buffer) => logs.push(chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => logs.push(chunk.toString('utf8')));
      children.push(child);
    }
    await waitFor(async () => ((await fetch(`${apiUrl}/api/health`)).ok ? true : undefined), 60_000, 'the api to answer');

    // Every answer is kept (headers and body), except the login's Set-Cookie, which must carry the session.
    const call = async (path: string, init: { method?: string; body?: unknown; cookie?: string; csrf?: string } = {}) => {
      const res = await fetch(`${apiUrl}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(init.cookie ? { cookie: init.cookie } : {}),
          ...(init.csrf ? { 'x-csrf-token': init.csrf } : {}),
        },
        body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      });
      const text = await res.text();
      const headers = [...res.headers.entries()].filter(([name]) => name !== 'set-cookie');
      answers.push(`${path} ${res.status} ${JSON.stringify(headers)} ${text}`);
      return { res, json: text ? JSON.parse(text) : undefined };
    };

    await call('/api/auth/login', { method: 'POST', body: { email: user.email, password: 'a wrong password' } });
    const login = await call('/api/auth/login', { method: 'POST', body: { email: user.email, password: PASSWORD } });
    expect(login.res.status).toBe(200);
    const cookie = login.res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const session = cookie
      .split('; ')
      .find((c) => c.startsWith('resonance_session='))!
      .split('=')[1];
    secrets.sessionToken = decodeURIComponent(session);
    const csrf = login.json.csrfToken as string;

    await simJson(sim, '/_sim/generate', { method: 'POST', body: { network: 'facebook', count: 30 } });
    await waitFor(
      async () => {
        const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM message WHERE channel_account_id = $1`, [channel.id]);
        return n >= 20 ? n : undefined;
      },
      90_000,
      'the sync to store messages',
    );
    await call('/api/auth/me', { cookie });
    await call('/api/channels', { cookie });
    await call(`/api/channels/${channel.id}`, { cookie });
    const threads = await call('/api/threads?limit=5', { cookie });
    const thread = (threads.json?.items ?? threads.json?.threads ?? [])[0];
    expect(thread).toBeDefined();
    await call(`/api/threads/${thread.id}/messages`, { cookie });
    const reply = await call(`/api/threads/${thread.id}/replies`, { method: 'POST', body: { text: `Danke! ${Date.now()}` }, cookie, csrf });
    expect(reply.res.status).toBeLessThan(300);
    const messageId = String(reply.json.message?.id ?? reply.json.id);
    await waitFor(
      async () => {
        const [m] = await db.dataSource.query(`SELECT delivery FROM message WHERE id = $1`, [messageId]);
        return m.delivery === 'sent' ? true : undefined;
      },
      30_000,
      'the reply to be sent',
    );
    await call('/api/auth/logout', { method: 'POST', cookie, csrf });
    // The stored credentials are really encrypted with the key under test (so the key mattered).
    const [{ credentials_encrypted: stored }] = await db.dataSource.query(`SELECT credentials_encrypted FROM channel_account WHERE id = $1`, [channel.id]);
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain(secrets.pageAccessToken);

    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.filter((c) => c.exitCode === null).map((c) => new Promise((r) => c.once('exit', r))));
    const log = logs.join('');
    // The logs really are at debug level and cover the run (a silent log would prove nothing).
    expect(log.split('\n').filter(Boolean).length).toBeGreaterThan(20);
    expect(log).toContain('/api/auth/login');
    expect(log).toContain('/replies');

    const found: string[] = [];
    for (const [name, secret] of Object.entries(secrets)) {
      // Also in the forms a secret takes when encoded (base64url of the key, URL-encoded token).
      const forms = new Set([secret, encodeURIComponent(secret), Buffer.from(secret, 'base64').toString('base64url')].filter((f) => f.length >= 8));
      for (const form of forms) {
        if (log.includes(form)) found.push(`${name} in the logs`);
        if (answers.some((a) => a.includes(form))) found.push(`${name} in an API answer`);
      }
    }
    expect(found).toEqual([]);
  }, 180_000);
});
