import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { Client } from 'pg';
import { databaseName, withDatabase } from '@resonance/db';
import { createTestDatabase, testConfig, type TestDatabase } from '@resonance/testing';
import { createApi } from '../src';

describe('api foundation', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let webDir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    webDir = mkdtempSync(join(tmpdir(), 'resonance-web-'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Resonance</title><div id="root"></div>');
    app = await createApi(testConfig({ WEB_DIST_DIR: webDir }), db.url);
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('GET /api/health reports the database and the queue up', async () => {
    const res = await request(app.getHttpServer()).get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.details.database.status).toBe('up');
    expect(res.body.details.queue).toEqual({ status: 'up', backend: 'redis' });
  });

  it('serves the OpenAPI document at /api/docs', async () => {
    const res = await request(app.getHttpServer()).get('/api/docs/openapi.json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toContain('/api/health');
    await request(app.getHttpServer()).get('/api/docs').expect(200).expect('Content-Type', /html/);
  });

  it('gives every request an id and echoes a well-formed one', async () => {
    const own = await request(app.getHttpServer()).get('/api/health').set('X-Request-Id', 'abc-123');
    expect(own.headers['x-request-id']).toBe('abc-123');
    const made = await request(app.getHttpServer()).get('/api/health').set('X-Request-Id', 'bad id with spaces');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the built dashboard at / and leaves unknown /api paths to the API', async () => {
    const page = await request(app.getHttpServer()).get('/').expect(200);
    expect(page.text).toContain('<div id="root"></div>');
    const missing = await request(app.getHttpServer()).get('/api/does-not-exist').expect(404);
    expect(missing.body).toMatchObject({ statusCode: 404 });
  });
});

describe('api health when the database is gone', () => {
  it('answers 503 and says the database is down', async () => {
    const db = await createTestDatabase();
    const name = databaseName(db.url);
    const app = await createApi(testConfig(), db.url);
    await app.init();
    const admin = new Client({ connectionString: withDatabase(db.url, 'postgres') });
    await admin.connect();
    try {
      // Refuse new connections and cut the existing ones, as when the database server goes away.
      await admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`);
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [name]);
      const res = await request(app.getHttpServer()).get('/api/health');
      expect(res.status).toBe(503);
      expect(res.body.details.database.status).toBe('down');
      expect(res.body.details.queue.status).toBe('up');
    } finally {
      await admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS true`);
      await admin.end();
      await app.close().catch(() => undefined);
      await db.drop();
    }
  });
});
