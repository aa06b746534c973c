import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cleanChildProcessEnv, testServices } from '@resonance/config';
import { dropDatabase, withDatabase } from '@resonance/db';
import { uniqueSuffix } from '@resonance/testing';
import { BIN, freePort, startAndCheck } from './start-harness';

describe('resonance start', () => {
  it('runs on embedded defaults (embedded PostgreSQL, queues on PostgreSQL) and stops cleanly on Ctrl-C', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'resonance-embedded-'));
    chmodSync(dir, 0o755); // the embedded server runs as the postgres user when the tests run as root
    try {
      const { health, exitCode, output } = await startAndCheck({
        EMBEDDED_PG_DIR: join(dir, 'pg'),
        EMBEDDED_PG_PORT: String(await freePort()),
      });
      expect(health.status).toBe('ok');
      expect(health.details.database.status).toBe('up');
      expect(health.details.queue).toEqual({ status: 'up', backend: 'postgres' });
      expect(output).toMatch(/database: embedded PostgreSQL/);
      expect(output).toMatch(/queues: BullMQ on its PostgreSQL backend/);
      expect(exitCode).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('uses DATABASE_URL and REDIS_URL when they are set', async () => {
    const services = testServices();
    const databaseUrl = withDatabase(services.databaseUrl, `resonance_e2e_${uniqueSuffix()}`);
    try {
      const { health, exitCode, output } = await startAndCheck({
        DATABASE_URL: databaseUrl,
        REDIS_URL: services.redisUrl,
        QUEUE_PREFIX: `e2e-${uniqueSuffix()}`,
      });
      expect(health.details.database.status).toBe('up');
      expect(health.details.queue).toEqual({ status: 'up', backend: 'redis' });
      expect(output).toMatch(/queues: BullMQ on Redis/);
      expect(exitCode).toBe(0);
    } finally {
      await dropDatabase(databaseUrl);
    }
  }, 180_000);
});

describe('startup failures are one clear line', () => {
  const run = (command: string, env: Record<string, string>) => {
    const result = spawnSync(process.execPath, [BIN, command], {
      env: cleanChildProcessEnv(env),
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: result.status, stderr: result.stderr.trim() };
  };

  it('names a malformed variable', () => {
    const { status, stderr } = run('migrate', { API_PORT: 'eighty', DATABASE_URL: testServices().databaseUrl });
    expect(status).toBe(1);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^resonance: Invalid configuration: API_PORT /);
  });

  it('says a wrong DATABASE_URL cannot be reached', () => {
    const { status, stderr } = run('migrate', { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/resonance' });
    expect(status).toBe(1);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toBe('resonance: PostgreSQL is not reachable at 127.0.0.1:1/resonance (connection refused). Check DATABASE_URL.');
  });

  it('says an unreachable Redis cannot be reached', () => {
    const { status, stderr } = run('migrate', { DATABASE_URL: testServices().databaseUrl, REDIS_URL: 'redis://127.0.0.1:1' });
    expect(status).toBe(1);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^resonance: Redis is not reachable at 127\.0\.0\.1:1 .*Check REDIS_URL\.$/);
  });

  it('the api process says the same for a wrong DATABASE_URL', () => {
    const entry = resolve(__dirname, '..', '..', 'api', 'dist', 'main.js');
    const result = spawnSync(process.execPath, [entry], {
      env: { PATH: process.env.PATH, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/x' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('resonance api: PostgreSQL is not reachable at 127.0.0.1:1/x (connection refused). Check DATABASE_URL.');
  });
});
