import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { Workspace } from '@resonance/db';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { IngestStore } from '@resonance/worker';
import { createApi } from '../../src';
import { comment, login, makeLoginUser, type Session } from '../support';

const REPORTS = ['response-times', 'resonance', 'intents', 'channels-health', 'threads'];
/** A keyset cursor as the API encodes one (common/cursor.ts), with any content. */
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/**
 * Input that used to reach PostgreSQL or V8 unchecked and came back as a 500: impossible dates,
 * cursors the API never issued, JSON nested thousands of levels deep, a time zone PostgreSQL does
 * not know. Each must be a 400 (or, for a stored time zone, a 409) in plain words, and change
 * nothing. The report period walk that never ended: report-period-hang.int-spec.ts.
 */
describe('bad input is a clear 400, never a 500', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let workspace: Workspace;
  let admin: Session;
  let analyst: Session;
  let agent: Session;
  let threadId: string;

  const workspaceRow = async () => (await db.dataSource.query(`SELECT name, timezone, business_hours FROM workspace WHERE id = $1`, [workspace.id]))[0];
  const counts = async () =>
    (
      await db.dataSource.query(
        `SELECT (SELECT count(*) FROM message)::int AS messages, (SELECT count(*) FROM audit_event)::int AS audit,
              (SELECT count(*) FROM session)::int AS sessions`,
      )
    )[0];

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApi(testConfig(), db.url);
    await app.init();
    workspace = await makeWorkspace(db.dataSource, { timezone: 'Europe/Berlin' });
    const channel = await makeChannel(db.dataSource, workspace);
    const store = new IngestStore(db.dataSource);
    await store.ingest(channel.id, [
      comment({ threadKey: 'b1', externalId: 'b1-1', text: 'Hallo' }),
      comment({ threadKey: 'b1', externalId: 'b1-2', text: 'Noch da?' }),
      comment({ threadKey: 'b2', externalId: 'b2-1', text: 'Hi' }),
    ]);
    [{ id: threadId }] = await db.dataSource.query(`SELECT id::text FROM thread WHERE thread_key = 'b1'`);
    admin = await login(app, (await makeLoginUser(db.dataSource, workspace, 'admin')).email);
    analyst = await login(app, (await makeLoginUser(db.dataSource, workspace, 'analyst')).email);
    agent = await login(app, (await makeLoginUser(db.dataSource, workspace, 'agent')).email);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  describe('report periods', () => {
    it.each([
      ['9000-01-01..9000-01-02', /between 2000-01-01 and 2100-12-31/],
      ['2101-01-01..2101-01-02', /between 2000-01-01 and 2100-12-31/],
      ['1999-12-31..2000-01-02', /between 2000-01-01 and 2100-12-31/],
      ['0000-01-01..0000-01-02', /0000-01-01 is not a date/],
      ['2024-00-10..2024-01-10', /2024-00-10 is not a date/],
      ['2024-02-30..2024-03-02', /2024-02-30 is not a date/],
      ['2024-02-01..2023-02-29', /2023-02-29 is not a date/],
      ['2024-13-01..2024-13-02', /2024-13-01 is not a date/],
      ['2024-03-02..2024-03-01', /ends before it starts/],
      ['2024-01-01..2025-02-04', /at most 400 days/],
      ['+10000-01-01..+10000-01-02', /period must be/],
      ['500d', /period must be/],
    ])('refuses period=%s with a 400 that says why, on every report', async (period, message) => {
      for (const report of REPORTS) {
        const res = await analyst.agent.get(`/api/reports/${report}`).query({ period, format: 'json' }).timeout(5_000);
        expect({ report, status: res.status }).toEqual({ report, status: 400 });
        expect(res.body.message).toMatch(message);
      }
    });

    it('answers the edges of the range: the first and last allowed days, a leap day, 400 days', async () => {
      for (const period of ['2000-01-01..2000-01-07', '2100-12-25..2100-12-31', '2024-02-29..2024-02-29', '2024-01-01..2025-02-03']) {
        for (const report of REPORTS) {
          const res = await analyst.agent.get(`/api/reports/${report}`).query({ period, format: 'json' }).timeout(5_000);
          expect({ period, report, status: res.status }).toEqual({ period, report, status: 200 });
        }
      }
      // An agent reads response times too, with the same checks.
      await agent.agent.get('/api/reports/response-times').query({ period: '2101-01-01..2101-01-01' }).timeout(5_000).expect(400);
      await agent.agent.get('/api/reports/response-times').query({ period: '2100-12-31..2100-12-31', interval: 'week' }).timeout(5_000).expect(200);
    });
  });

  it('refuses an intent correction for a message id that is no bigint', async () => {
    const corrections = async () => (await db.dataSource.query(`SELECT count(*)::int AS n FROM intent_correction`))[0].n;
    const before = await corrections();
    for (const messageId of ['1.5', '-1', '99999999999999999999', '0', '+7']) {
      const res = await agent.agent.post('/api/reports/intents/corrections').set('X-CSRF-Token', agent.csrf).send({ messageId, intent: 'praise' });
      expect({ messageId, status: res.status }).toEqual({ messageId, status: 400 });
      expect(res.body.message).toEqual(['messageId must be a message id']);
    }
    await agent.agent
      .post('/api/reports/intents/corrections')
      .set('X-CSRF-Token', agent.csrf)
      .send({ messageId: '999999999999999999', intent: 'praise' })
      .expect(404);
    expect(await corrections()).toBe(before);
  });

  describe('page cursors', () => {
    const lists = () => [
      { who: agent, path: '/api/threads' },
      { who: agent, path: `/api/threads/${threadId}/messages` },
      { who: admin, path: '/api/audit-events' },
    ];

    it.each([
      ['an impossible day', cursorOf(['2024-02-30T10:00:00.000000Z', '1'])],
      ['year 0000', cursorOf(['0000-01-01T00:00:00.000000Z', '1'])],
      ['hour 25', cursorOf(['2024-02-01T25:00:00.000000Z', '1'])],
      ['a hex id', cursorOf(['2024-02-01T10:00:00.000000Z', 'deadbeef'])],
      ['an id beyond bigint', cursorOf(['2024-02-01T10:00:00.000000Z', '99999999999999999999'])],
      ['a uuid id', cursorOf(['2024-02-01T10:00:00.000000Z', '00000000-0000-4000-8000-000000000000'])],
      ['a negative id', cursorOf(['2024-02-01T10:00:00.000000Z', '-1'])],
      ['a number for the time', cursorOf([1700000000, '1'])],
      ['an object', cursorOf({ at: '2024-02-01T10:00:00Z', id: '1' })],
      ['null', cursorOf(null)],
      ['not base64 JSON', '%%%'],
    ])('refuses a cursor with %s on threads, messages and the audit log', async (_, cursor) => {
      for (const { who, path } of lists()) {
        const res = await who.agent.get(path).query({ cursor });
        expect({ path, status: res.status }).toEqual({ path, status: 400 });
        expect(res.body.message).toMatch(/cursor is not one this API issued/);
      }
    });

    it('still follows the cursors it issued, page by page', async () => {
      await admin.agent.patch('/api/settings').set('X-CSRF-Token', admin.csrf).send({ name: 'Cursor check' }).expect(200);
      await admin.agent.patch('/api/settings').set('X-CSRF-Token', admin.csrf).send({ name: 'Cursor check 2' }).expect(200);
      for (const { who, path } of lists()) {
        const first = await who.agent.get(path).query({ limit: 1 }).expect(200);
        expect(first.body.nextCursor).toEqual(expect.any(String));
        const second = await who.agent.get(path).query({ limit: 1, cursor: first.body.nextCursor }).expect(200);
        expect(second.body.items).toHaveLength(1);
        expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
      }
    });
  });

  describe('deeply nested JSON', () => {
    it('refuses JSON nested 5,000 levels deep with a 400, also on the unauthenticated sign-in', async () => {
      const before = await counts();
      const deepArray = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
      for (const body of [nested(5_000), deepArray, `{"email":"a@b.c","password":${nested(5_000)}}`]) {
        const res = await request(app.getHttpServer()).post('/api/auth/login').set('content-type', 'application/json').send(body).timeout(5_000);
        expect(res.status).toBe(400);
        expect(res.body.message).toMatch(/nested more than 64 levels deep/);
      }
      for (const { method, path } of [
        { method: 'patch', path: '/api/settings' },
        { method: 'patch', path: `/api/threads/${threadId}` },
        { method: 'post', path: `/api/threads/${threadId}/notes` },
      ] as const) {
        const res = await admin.agent[method](path).set('X-CSRF-Token', admin.csrf).set('content-type', 'application/json').send(nested(5_000)).timeout(5_000);
        expect({ path, status: res.status }).toEqual({ path, status: 400 });
        expect(res.body.message).toMatch(/nested more than 64 levels deep/);
      }
      expect(await counts()).toEqual(before);
    });

    it('takes ordinary nesting, and brackets inside strings do not count as depth', async () => {
      const note = `${'['.repeat(5_000)} {"a": ${'{'.repeat(100)}`;
      const res = await admin.agent.post(`/api/threads/${threadId}/notes`).set('X-CSRF-Token', admin.csrf).send({ text: note }).expect(201);
      expect(res.body.text).toBe(note);
      const hours = {
        '1': [['08:00', '18:00']],
        '2': [
          ['08:00', '12:00'],
          ['13:00', '18:00'],
        ],
      };
      await admin.agent.patch('/api/settings').set('X-CSRF-Token', admin.csrf).send({ businessHours: hours }).expect(200);
      // 64 levels are still JSON the API reads (the DTO then refuses what it does not know).
      const deepButAllowed = await admin.agent
        .patch('/api/settings')
        .set('X-CSRF-Token', admin.csrf)
        .set('content-type', 'application/json')
        .send(`{"name":"n","extra":${nested(62)}}`);
      expect(deepButAllowed.status).toBe(400);
      expect(deepButAllowed.body.message).toEqual(['property extra should not exist']);
    });
  });

  describe('workspace time zone', () => {
    it('refuses a time zone PostgreSQL does not know, even when Node accepts it, and changes nothing', async () => {
      const before = await workspaceRow();
      const audit = await counts();
      // Node (ICU) maps US/Pacific-New to America/Los_Angeles; PostgreSQL 15 has no such zone.
      expect(() => new Intl.DateTimeFormat('en', { timeZone: 'US/Pacific-New' })).not.toThrow();
      const res = await admin.agent.patch('/api/settings').set('X-CSRF-Token', admin.csrf).send({ timezone: 'US/Pacific-New', name: 'Renamed' }).expect(400);
      expect(res.body.message).toMatch(/time zone "US\/Pacific-New" is not one the database knows/);
      await admin.agent.patch('/api/settings').set('X-CSRF-Token', admin.csrf).send({ timezone: 'Mars/Olympus' }).expect(400);
      await admin.agent.patch('/api/settings').set('X-CSRF-Token', admin.csrf).send({ timezone: 'UTC+3' }).expect(400);
      expect(await workspaceRow()).toEqual(before);
      expect(await counts()).toEqual(audit);
      const ok = await admin.agent.patch('/api/settings').set('X-CSRF-Token', admin.csrf).send({ timezone: 'America/Los_Angeles' }).expect(200);
      expect(ok.body.timezone).toBe('America/Los_Angeles');
      await analyst.agent.get('/api/reports/response-times').expect(200);
      await admin.agent.patch('/api/settings').set('X-CSRF-Token', admin.csrf).send({ timezone: 'Europe/Berlin' }).expect(200);
    });

    it('answers reports with a 409 that says what to do when the stored time zone is unknown to PostgreSQL', async () => {
      // As if stored before the database refused unknown zones (migration 1733660000000): its check is bypassed here.
      await db.dataSource.transaction(async (tx) => {
        await tx.query(`ALTER TABLE workspace DISABLE TRIGGER workspace_timezone_known_update`);
        await tx.query(`UPDATE workspace SET timezone = 'US/Pacific-New' WHERE id = $1`, [workspace.id]);
        await tx.query(`ALTER TABLE workspace ENABLE TRIGGER workspace_timezone_known_update`);
      });
      try {
        for (const report of REPORTS) {
          const res = await analyst.agent.get(`/api/reports/${report}`).query({ format: 'json' });
          expect({ report, status: res.status }).toEqual({ report, status: 409 });
          expect(res.body.message).toMatch(/time zone "US\/Pacific-New" is not one the database knows.*settings/i);
        }
        // The admin can repair it through the settings.
        await admin.agent.patch('/api/settings').set('X-CSRF-Token', admin.csrf).send({ timezone: 'Europe/Berlin' }).expect(200);
        await analyst.agent.get('/api/reports/response-times').expect(200);
      } finally {
        await db.dataSource.query(`UPDATE workspace SET timezone = 'Europe/Berlin' WHERE id = $1`, [workspace.id]);
      }
    });
  });
});
