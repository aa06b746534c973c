import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { cleanChildProcessEnv, testServices } from '@resonance/config';
import { createTestDatabase, makeWorkspace, uniqueSuffix, type TestDatabase } from '@resonance/testing';
import { makeLoginUser, PASSWORD } from '../support';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/**
 * `GET /api/reports/response-times?period=9999-12-31..9999-12-31` once never answered: the day walk
 * compared ISO date strings, and the day after 9999-12-31 is "+010000-01-01", which sorts before
 * it; the loop filled the heap until the api died. The api runs as its own process here, so a
 * request that blocks its event loop fails this test on the per-request timeout instead of
 * hanging Jest, and the process must still answer afterwards.
 */
describe('one report request cannot block or kill the api', () => {
  let db: TestDatabase;
  let api: ChildProcess | undefined;
  const output: string[] = [];

  afterAll(async () => {
    if (api?.exitCode === null) {
      api.kill('SIGKILL');
      await new Promise((r) => api!.once('exit', r));
    }
    await db?.drop();
  });

  it('answers a period at year 9999 with a 400 at once, and keeps serving', async () => {
    db = await createTestDatabase();
    const workspace = await makeWorkspace(db.dataSource);
    const analyst = await makeLoginUser(db.dataSource, workspace, 'analyst');
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    api = spawn(process.execPath, ['--max-old-space-size=256', join(__dirname, 'child', 'run-app.cjs'), 'api'], {
      env: cleanChildProcessEnv({
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DATABASE_URL: db.url,
        REDIS_URL: testServices().redisUrl,
        QUEUE_PREFIX: `test-${uniqueSuffix()}`,
        API_HOST: '127.0.0.1',
        API_PORT: String(port),
        PUBLIC_URL: url,
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    api.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    api.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    const until = Date.now() + 60_000;
    while (
      !(await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (api.exitCode !== null || Date.now() > until) throw new Error(`the api did not start:\n${output.join('')}`);
      await new Promise((r) => setTimeout(r, 250));
    }

    const signIn = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: analyst.email, password: PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');

    const started = Date.now();
    const res = await fetch(`${url}/api/reports/response-times?period=9999-12-31..9999-12-31`, {
      headers: { cookie },
      signal: AbortSignal.timeout(5_000),
    }).catch((error: unknown) => {
      throw new Error(`the report request did not answer within 5 s (${error instanceof Error ? error.name : String(error)}); api exit code ${api!.exitCode}`);
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/between 2000-01-01 and 2100-12-31/);
    expect(Date.now() - started).toBeLessThan(2_000);

    // The process is alive and still answers reports.
    const after = await fetch(`${url}/api/reports/response-times?period=7d`, { headers: { cookie }, signal: AbortSignal.timeout(5_000) });
    expect(after.status).toBe(200);
    expect(api.exitCode).toBeNull();
  }, 120_000);
});
