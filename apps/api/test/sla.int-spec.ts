import type { INestApplication } from '@nestjs/common';
import type { MessageRecord } from '@resonance/contracts';
import type { ChannelAccount, Workspace } from '@resonance/db';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { IngestStore, Rollups } from '@resonance/worker';
import { createApi } from '../src';
import { login, makeLoginUser, type Session } from './support';

/** Berlin wall-clock time in November 2026 (CET, UTC+1) → ISO instant. */
const berlin = (day: string, time: string) => new Date(`${day}T${time}:00+01:00`).toISOString();
const WEEKDAYS_9_TO_17 = Object.fromEntries(
  ['1', '2', '3', '4', '5'].map((d) => [
    d,
    [
      ['09:00', '12:00'],
      ['13:00', '17:00'],
    ],
  ]),
);
const HOLIDAY = { date: '2026-11-09', name: 'Betriebsausflug' }; // a Monday

/**
 * SLA targets (default, per network, per priority, both), business hours with a lunch break and a
 * holiday, the due time of waiting threads, the "SLA due first" keyset order and the reports'
 * business-hours time and "within SLA" with the same rules — numbers computed by hand.
 */
describe('SLA targets, business hours, holidays and due times', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let ws: Workspace;
  let facebook: ChannelAccount;
  let x: ChannelAccount;
  let admin: Session;
  let agent: Session;

  const comment = (channel: ChannelAccount, key: string, createdAt: string): MessageRecord => ({
    kind: 'message',
    network: channel.network,
    externalId: `${key}-1`,
    threadKey: key,
    channel: 'comment',
    postExternalId: 'post-1',
    author: { externalId: `fan-${key}`, name: `Fan ${key}` },
    text: `Frage ${key}`,
    createdAt,
  });
  const threadId = async (key: string) => (await db.dataSource.query<Array<{ id: string }>>(`SELECT id::text FROM thread WHERE thread_key = $1`, [key]))[0].id;
  const dueOf = async (key: string) =>
    ((await agent.agent.get(`/api/threads/${await threadId(key)}`).expect(200)).body as { slaDueAt: string | null }).slaDueAt;
  const put = (body: object) => admin.agent.put('/api/sla').set('X-CSRF-Token', admin.csrf).send(body);
  const base = { defaultMinutes: 60, businessHoursOnly: true, targets: [], businessHours: WEEKDAYS_9_TO_17, holidays: [HOLIDAY] };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApi(testConfig(), db.url);
    await app.init();
    ws = await makeWorkspace(db.dataSource, { timezone: 'Europe/Berlin' });
    facebook = await makeChannel(db.dataSource, ws, { network: 'facebook' });
    x = await makeChannel(db.dataSource, ws, { network: 'x' });
    const adminUser = await makeLoginUser(db.dataSource, ws, 'admin');
    const agentUser = await makeLoginUser(db.dataSource, ws, 'agent');
    admin = await login(app, adminUser.email);
    agent = await login(app, agentUser.email);
    const store = new IngestStore(db.dataSource);
    await store.ingest(facebook.id, [
      comment(facebook, 'fri', berlin('2026-11-06', '16:30')), // Friday, 30 min before closing
      comment(facebook, 'lunch', berlin('2026-11-10', '11:50')), // Tuesday, 10 min before lunch
      comment(facebook, 'night', berlin('2026-11-10', '20:00')), // Tuesday evening, closed
    ]);
    await store.ingest(x.id, [comment(x, 'xfri', berlin('2026-11-06', '16:30')), comment(x, 'xtue', berlin('2026-11-10', '10:00'))]);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('refuses what is not a target, schedule or holiday with a code the dashboard translates; agents may read, not change', async () => {
    const refusal = async (body: object, code: string) => expect((await put({ ...base, ...body }).expect(400)).body.code).toBe(code);
    await refusal({ defaultMinutes: 0 }, 'SLA_MINUTES_RANGE');
    await refusal({ targets: [{ network: null, priority: null, minutes: 5 }] }, 'SLA_TARGET_EMPTY');
    await refusal(
      {
        targets: [
          { network: 'x', priority: 1, minutes: 5 },
          { network: 'x', priority: 1, minutes: 6 },
        ],
      },
      'SLA_TARGET_DUPLICATE',
    );
    await refusal(
      {
        businessHours: {
          '1': [
            ['09:00', '12:00'],
            ['11:00', '13:00'],
          ],
        },
      },
      'HOURS_SPAN_OVERLAP',
    );
    await refusal({ businessHours: { '1': [['17:00', '09:00']] } }, 'HOURS_SPAN_INVALID');
    await refusal({ holidays: [{ date: '2026-02-30', name: 'Nie' }] }, 'HOLIDAY_DATE_INVALID');
    await refusal({ holidays: [HOLIDAY, HOLIDAY] }, 'HOLIDAY_DUPLICATE');
    await refusal({ holidays: [{ date: '2026-12-24', name: '  ' }] }, 'HOLIDAY_NAME_INVALID');
    expect((await admin.agent.patch('/api/settings').set('X-CSRF-Token', admin.csrf).send({ timezone: 'Mars/Olympus' }).expect(400)).body.code).toBe(
      'TIMEZONE_UNKNOWN',
    );
    await agent.agent.put('/api/sla').set('X-CSRF-Token', agent.csrf).send(base).expect(403);
    expect((await agent.agent.get('/api/sla').expect(200)).body).toMatchObject({ defaultMinutes: 60, businessHoursOnly: false, targets: [], holidays: [] });
  });

  it('counts each thread due by the most specific target, in business hours across a weekend and a holiday', async () => {
    const saved = await put({
      ...base,
      targets: [
        { network: 'facebook', priority: null, minutes: 45 },
        { network: null, priority: 3, minutes: 15 },
        { network: 'x', priority: 3, minutes: 5 },
      ],
    }).expect(200);
    expect(saved.body).toMatchObject({ defaultMinutes: 60, businessHoursOnly: true, holidays: [HOLIDAY], timezone: 'Europe/Berlin' });
    expect(saved.body.targets).toHaveLength(3);
    // fri (facebook, 45 min): Fri 16:30–17:00 = 30 min; Sat, Sun closed; Mon 9 Nov a holiday; Tue 09:00 + 15 min.
    expect(await dueOf('fri')).toBe(berlin('2026-11-10', '09:15'));
    // xfri (x, default 60 min): 30 min on Friday, Tue 09:00 + 30 min.
    expect(await dueOf('xfri')).toBe(berlin('2026-11-10', '09:30'));
    // lunch (facebook, 45 min): 11:50–12:00 = 10 min, lunch closed, 13:00 + 35 min.
    expect(await dueOf('lunch')).toBe(berlin('2026-11-10', '13:35'));
    // night: Tuesday 20:00 is closed; Wednesday 09:00 + 45 min.
    expect(await dueOf('night')).toBe(berlin('2026-11-11', '09:45'));
    // Priority: urgent x → the x+urgent target (5 min); urgent facebook → the urgent target (15 min) before the facebook one.
    await agent.agent
      .patch(`/api/threads/${await threadId('xtue')}`)
      .set('X-CSRF-Token', agent.csrf)
      .send({ priority: 3 })
      .expect(200);
    expect(await dueOf('xtue')).toBe(berlin('2026-11-10', '10:05'));
    await agent.agent
      .patch(`/api/threads/${await threadId('lunch')}`)
      .set('X-CSRF-Token', agent.csrf)
      .send({ priority: 3 })
      .expect(200);
    expect(await dueOf('lunch')).toBe(berlin('2026-11-10', '13:05'));
  });

  it('counts calendar time when the SLA does not run in business hours, and a closed thread is not due', async () => {
    await put({ ...base, businessHoursOnly: false, targets: [{ network: 'facebook', priority: null, minutes: 45 }] }).expect(200);
    expect(await dueOf('fri')).toBe(berlin('2026-11-06', '17:15'));
    expect(await dueOf('night')).toBe(berlin('2026-11-10', '20:45'));
    await agent.agent
      .patch(`/api/threads/${await threadId('night')}`)
      .set('X-CSRF-Token', agent.csrf)
      .send({ status: 'closed' })
      .expect(200);
    expect(await dueOf('night')).toBeNull();
    await agent.agent
      .patch(`/api/threads/${await threadId('night')}`)
      .set('X-CSRF-Token', agent.csrf)
      .send({ status: 'open' })
      .expect(200);
    expect(await dueOf('night')).toBe(berlin('2026-11-10', '20:45'));
  });

  it('sorts "SLA due first" as a keyset: pages of 2 give every waiting thread once, earliest due first, ties by id', async () => {
    await put({ ...base, businessHoursOnly: true, targets: [] }).expect(200);
    // Due (60 min, business hours): fri and xfri both Tue 09:30 (a tie, by id), xtue Tue 11:00, lunch Tue 13:50, night Wed 10:00.
    const seen: Array<{ id: string; slaDueAt: string }> = [];
    let cursor: string | null = null;
    do {
      const res = await agent.agent
        .get('/api/threads')
        .query({ sort: 'sla_due', limit: 2, ...(cursor ? { cursor } : {}) })
        .expect(200);
      seen.push(...(res.body.items as Array<{ id: string; slaDueAt: string }>));
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
    const ids = await Promise.all(['fri', 'xfri'].map(threadId));
    const tie = ids.sort((a, b) => Number(a) - Number(b));
    expect(seen.map((t) => t.id)).toEqual([...tie, await threadId('xtue'), await threadId('lunch'), await threadId('night')]);
    expect(seen.map((t) => t.slaDueAt)).toEqual([
      berlin('2026-11-10', '09:30'),
      berlin('2026-11-10', '09:30'),
      berlin('2026-11-10', '11:00'),
      berlin('2026-11-10', '13:50'),
      berlin('2026-11-11', '10:00'),
    ]);
    // A filter narrows the same order.
    const onlyX = await agent.agent.get('/api/threads').query({ sort: 'sla_due', network: 'x' }).expect(200);
    expect(onlyX.body.items.map((t: { id: string }) => t.id)).toEqual([await threadId('xfri'), await threadId('xtue')]);
  });

  it('reports business-hours time and "within SLA" with the same schedule, holiday and targets', async () => {
    await put({ ...base, businessHoursOnly: true, targets: [{ network: 'facebook', priority: null, minutes: 45 }] }).expect(200);
    // fri answered on Tuesday 09:10: 30 + 10 = 40 business minutes (within 45); calendar 4 days (not within).
    await db.dataSource.query(
      `INSERT INTO message (workspace_id, channel_account_id, thread_id, external_id, direction, is_from_account, text, created_at, delivery)
       SELECT workspace_id, channel_account_id, id, 'fri-answer', 'outbound', true, 'Danke!', $2, 'sent' FROM thread WHERE thread_key = $1`,
      ['fri', berlin('2026-11-10', '09:10')],
    );
    await new Rollups(db.dataSource).drainAll();
    const [event] = await db.dataSource.query<Array<{ seconds: number; business_seconds: number; within_target: boolean; within_target_business: boolean }>>(
      `SELECT e.seconds, e.business_seconds, e.within_target, e.within_target_business
         FROM report_response_event e JOIN thread t ON t.id = e.thread_id WHERE t.thread_key = 'fri' AND e.kind = 'reply'`,
    );
    expect(event).toEqual({ seconds: (3 * 24 * 60 + 16 * 60 + 40) * 60, business_seconds: 40 * 60, within_target: false, within_target_business: true });
    const report = await admin.agent.get('/api/reports/response-times').query({ period: '2026-11-01..2026-11-30', groupBy: 'network' }).expect(200);
    expect(report.body.slaTargetMinutes).toEqual({ default: 60, facebook: 45 });
    const row = report.body.rows.find((r: { group: string }) => r.group === 'facebook');
    expect(row.reply.sla).toEqual({ attained: 0, businessAttained: 1 });
    expect(row.reply.business.mean).toBe(2400);
  });
});
