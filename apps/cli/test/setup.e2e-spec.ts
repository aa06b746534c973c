import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApi } from '@resonance/api';
import { cleanChildProcessEnv, loadConfig, testServices } from '@resonance/config';
import { dropDatabase, withDatabase } from '@resonance/db';
import { uniqueSuffix } from '@resonance/testing';

// `resonance setup` as an operator runs it: the built CLI in a child process, production settings.
const BIN = resolve(__dirname, '..', '..', '..', 'bin', 'resonance.cjs');

const databaseUrl = withDatabase(testServices().databaseUrl, `resonance_setup_${uniqueSuffix()}`);
const production = {
  NODE_ENV: 'production',
  DATABASE_URL: databaseUrl,
  REDIS_URL: testServices().redisUrl,
  QUEUE_PREFIX: `test-${uniqueSuffix()}`,
  ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  SESSION_SECRET: randomBytes(32).toString('hex'),
  // http: the session cookie is not Secure, so the test's HTTP client sends it back.
  PUBLIC_URL: 'http://resonance.example',
  LOG_LEVEL: 'silent',
};

function setup(args: string[], stdin?: string): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, 'setup', ...args], {
      env: cleanChildProcessEnv({ ...production }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (output += b.toString('utf8')));
    child.once('error', fail);
    child.once('exit', (code) => done({ code, output }));
    child.stdin.end(stdin ?? '');
  });
}

const ADMIN = ['--workspace', 'Muster GmbH', '--admin-email', 'Chefin@Muster.example', '--admin-name', 'Clara Chefin'];

describe('resonance setup on an empty production database', () => {
  let app: INestApplication | undefined;
  afterAll(async () => {
    await app?.close();
    await dropDatabase(databaseUrl);
  });

  it('creates the first admin once, who signs in, invites an agent, and the agent sets a password through the link', async () => {
    const first = await setup([...ADMIN, '--password-stdin'], 'the chosen admin password\n');
    expect(first.output).toMatch(/applied migrations/);
    expect(first.output).toMatch(/created the workspace "Muster GmbH" \(.+\) and its admin chefin@muster\.example/);
    expect(first.output).not.toMatch(/the chosen admin password/);
    expect(first.code).toBe(0);

    // Again with the same values: nothing changes, and it says so (no new password printed either).
    const again = await setup(ADMIN);
    expect(again.output).toMatch(/nothing changed: chefin@muster\.example is already the admin of the workspace "Muster GmbH"/);
    expect(again.output).not.toMatch(/admin password/);
    expect(again.code).toBe(0);

    // Another admin e-mail on a database that has its admin: refused, clearly.
    const other = await setup(['--workspace', 'Other', '--admin-email', 'someone@else.example', '--admin-name', 'Some One']);
    expect(other.output).toMatch(/refused: this database has users already \(admin: chefin@muster\.example\).*invite more people/);
    expect(other.code).toBe(3);

    const bad = await setup(['--workspace', 'X', '--admin-email', 'not-an-address', '--admin-name', 'Y']);
    expect(bad.output).toMatch(/--admin-email "not-an-address" is not an e-mail address/);
    expect(bad.code).toBe(2);

    const config = loadConfig(production);
    expect(config.DEMO_MODE).toBe(false);
    app = await createApi(config, databaseUrl);
    await app.init();
    const server = app.getHttpServer();
    expect((await request(server).get('/api/onboarding').expect(200)).body).toEqual({ needed: false });

    const admin = request.agent(server);
    const signedIn = await admin.post('/api/auth/login').send({ email: 'chefin@muster.example', password: 'the chosen admin password' }).expect(200);
    expect(signedIn.body.user).toMatchObject({ role: 'admin', name: 'Clara Chefin' });
    const invited = await admin
      .post('/api/users/invites')
      .set('X-CSRF-Token', signedIn.body.csrfToken)
      .send({ email: 'anna@muster.example', name: 'Anna Agentin', role: 'agent' })
      .expect(201);
    const link = new URL(invited.body.link.url);
    expect(link.origin + link.pathname).toBe('http://resonance.example/access');

    await request(server)
      .post('/api/access-links/accept')
      .send({ token: link.hash.slice(1), password: 'anna chose this one' })
      .expect(200);
    const agent = await request(server).post('/api/auth/login').send({ email: 'anna@muster.example', password: 'anna chose this one' }).expect(200);
    expect(agent.body.user).toMatchObject({ role: 'agent', workspaceId: signedIn.body.user.workspaceId });
  });

  it('without --password-stdin prints a generated password once, which signs in', async () => {
    const fresh = withDatabase(testServices().databaseUrl, `resonance_setup_${uniqueSuffix()}`);
    const child = await new Promise<{ code: number | null; output: string }>((done) => {
      const p = spawn(process.execPath, [BIN, 'setup', ...ADMIN], {
        env: cleanChildProcessEnv({ ...production, DATABASE_URL: fresh }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      p.stdout.on('data', (b: Buffer) => (output += b.toString('utf8')));
      p.stderr.on('data', (b: Buffer) => (output += b.toString('utf8')));
      p.once('exit', (code) => done({ code, output }));
    });
    try {
      expect(child.code).toBe(0);
      const password = /admin password \(shown only now[^)]*\): (\S+)/.exec(child.output)?.[1];
      expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
      const api = await createApi(loadConfig({ ...production, DATABASE_URL: fresh }), fresh);
      await api.init();
      try {
        await request(api.getHttpServer()).post('/api/auth/login').send({ email: 'chefin@muster.example', password }).expect(200);
      } finally {
        await api.close();
      }
    } finally {
      await dropDatabase(fresh);
    }
  });
});
