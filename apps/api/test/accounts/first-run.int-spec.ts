import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestDatabase, testConfig, type TestDatabase } from '@resonance/testing';
import { createApi } from '../../src';
import { login } from '../support';

/** The dashboard's one-time onboarding: the first admin is created once, then the door is closed for good. */
describe('onboarding (first workspace and admin)', () => {
  let db: TestDatabase;
  let app: INestApplication;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApi(testConfig({ DEMO_MODE: 'false' }), db.url);
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const first = { workspaceName: 'Muster GmbH', adminName: 'Mia Muster', adminEmail: 'Mia@Muster.example', password: 'first admin password' };

  it('refuses bad input with a 400 and creates nothing', async () => {
    const bad = await request(app.getHttpServer())
      .post('/api/onboarding')
      .send({ ...first, password: 'short' })
      .expect(400);
    expect(JSON.stringify(bad.body)).toMatch(/password/);
    await request(app.getHttpServer())
      .post('/api/onboarding')
      .send({ ...first, workspaceName: '   ' })
      .expect(400);
    // A cross-site form cannot send JSON: any other body type is refused (unparsed, it fails validation first).
    const form = await request(app.getHttpServer()).post('/api/onboarding').set('Content-Type', 'text/plain').send(JSON.stringify(first));
    expect([400, 415]).toContain(form.status);
    expect((await request(app.getHttpServer()).get('/api/onboarding').expect(200)).body).toEqual({ needed: true });
  });

  it('of two parallel requests exactly one creates the admin; every later one is refused', async () => {
    const [a, b] = await Promise.all([
      request(app.getHttpServer()).post('/api/onboarding').send(first),
      request(app.getHttpServer())
        .post('/api/onboarding')
        .send({ ...first, adminEmail: 'intruder@example.test', password: 'intruder password' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const refused = a.status === 409 ? a : b;
    expect(refused.body.detail ?? refused.body.message).toMatch(/first admin already/);
    expect(await db.dataSource.query(`SELECT count(*)::int AS n FROM users`)).toEqual([{ n: 1 }]);
    expect(await db.dataSource.query(`SELECT count(*)::int AS n FROM workspace`)).toEqual([{ n: 1 }]);

    expect((await request(app.getHttpServer()).get('/api/onboarding').expect(200)).body).toEqual({ needed: false });
    await request(app.getHttpServer())
      .post('/api/onboarding')
      .send({ ...first, adminEmail: 'late@example.test' })
      .expect(409);
    await request(app.getHttpServer()).post('/api/onboarding').send(first).expect(409);
    expect(await db.dataSource.query(`SELECT count(*)::int AS n FROM users`)).toEqual([{ n: 1 }]);
  });

  it('the winner signs in as admin, and the onboarding is in the audit log', async () => {
    const [{ email }] = await db.dataSource.query<Array<{ email: string }>>(`SELECT email FROM users`);
    const password = email === 'mia@muster.example' ? first.password : 'intruder password';
    const admin = await login(app, email, password);
    const me = await admin.agent.get('/api/auth/me').expect(200);
    expect(me.body.user).toMatchObject({ role: 'admin', invitationPending: false });
    const audit = await db.dataSource.query<
      Array<{
        action: string;
        data: { via: string };
      }>
    >(`SELECT action, data FROM audit_event WHERE action = 'workspace.first_admin'`);
    expect(audit).toHaveLength(1);
    expect(audit[0].data.via).toBe('onboarding');
  });
});
