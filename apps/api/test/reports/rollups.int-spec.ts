import { createTestDatabase, type TestDatabase } from '@resonance/testing';
import { Rollups } from '@resonance/worker';
import { berlin, seedFixture, WEEKDAYS_8_TO_18, type Fixture } from './fixture';

describe('report rollups', () => {
  let db: TestDatabase;
  let fx: Fixture;
  const events = async () =>
    (await db.dataSource.query(
      `SELECT t.thread_key, e.kind, e.seconds, e.business_seconds, e.within_target, e.agent_id, e.action, to_char(e.day, 'YYYY-MM-DD') AS day
         FROM report_response_event e JOIN thread t ON t.id = e.thread_id WHERE e.workspace_id = $1
        ORDER BY t.thread_key, e.kind, e.closed_at`,
      [fx.workspace.id],
    )) as Array<Record<string, unknown>>;

  beforeAll(async () => {
    db = await createTestDatabase();
    fx = await seedFixture(db.dataSource);
  });
  afterAll(() => db.drop());

  it('derives response events as hand-computed (native answer, weekend, hidden, reopened)', async () => {
    expect(await events()).toEqual([
      { thread_key: 'A', kind: 'first', seconds: 1800, business_seconds: 1800, within_target: true, agent_id: null, action: null, day: '2026-11-03' },
      { thread_key: 'A', kind: 'reply', seconds: 1800, business_seconds: 1800, within_target: true, agent_id: null, action: null, day: '2026-11-03' },
      { thread_key: 'B', kind: 'first', seconds: 230400, business_seconds: 7200, within_target: false, agent_id: fx.agent.id, action: null, day: '2026-11-09' },
      { thread_key: 'B', kind: 'reply', seconds: 230400, business_seconds: 7200, within_target: false, agent_id: fx.agent.id, action: null, day: '2026-11-09' },
      { thread_key: 'C', kind: 'handled', seconds: 1200, business_seconds: 1200, within_target: true, agent_id: fx.agent.id, action: 'hide', day: '2026-11-04' },
      { thread_key: 'D', kind: 'first', seconds: 600, business_seconds: 600, within_target: true, agent_id: null, action: null, day: '2026-11-05' },
      { thread_key: 'D', kind: 'reply', seconds: 600, business_seconds: 600, within_target: true, agent_id: null, action: null, day: '2026-11-05' },
      { thread_key: 'D', kind: 'reply', seconds: 7200, business_seconds: 7200, within_target: false, agent_id: null, action: null, day: '2026-11-05' },
    ]);
    expect(await db.dataSource.query(`SELECT count(*)::int AS n FROM rollup_dirty_thread`)).toEqual([{ n: 0 }]);
  });

  it('counts business hours across a weekend and across the end of daylight saving time', async () => {
    const hours = JSON.stringify(WEEKDAYS_8_TO_18);
    const [r] = (await db.dataSource.query(
      `SELECT resonance_business_seconds($1, $2, 'Europe/Berlin', $5::jsonb) AS weekend,
              resonance_business_seconds($3, $4, 'Europe/Berlin', $5::jsonb) AS dst,
              extract(epoch FROM $4::timestamptz - $3::timestamptz)::float8 AS dst_calendar,
              resonance_business_seconds($1, $1, 'Europe/Berlin', $5::jsonb) AS empty`,
      // Fri 6 Nov 17:00 → Mon 9 Nov 09:00 (CET); Fri 23 Oct 17:00 CEST → Mon 26 Oct 09:00 CET.
      [berlin('2026-11-06', '17:00'), berlin('2026-11-09', '09:00'), '2026-10-23T17:00:00+02:00', '2026-10-26T09:00:00+01:00', hours],
    )) as Array<Record<string, number>>;
    expect(r).toEqual({ weekend: 7200, dst: 7200, dst_calendar: 65 * 3600, empty: 0 });
  });

  it('follows new messages incrementally and equals a rebuild from raw data', async () => {
    const snapshot = async () => ({
      events: await events(),
      daily: await db.dataSource.query(
        `SELECT to_char(day, 'YYYY-MM-DD') d, channel_account_id, network, channel, agent_id, kind, n, seconds_sum, business_n, business_seconds_sum, within_target, within_target_business
           FROM report_response_daily WHERE workspace_id = $1 ORDER BY 1, 2, 3, 4, 5, 6`, [fx.workspace.id]),
      hist: await db.dataSource.query(
        `SELECT to_char(day, 'YYYY-MM-DD') d, agent_id, kind, clock, bucket, n, seconds_sum FROM report_response_hist WHERE workspace_id = $1 ORDER BY 1, 2, 3, 4, 5`, [fx.workspace.id]),
      comments: await db.dataSource.query(
        `SELECT to_char(day, 'YYYY-MM-DD') d, post_id, intent, comments, answered, sentiment_sum, sentiment_n, handled FROM report_comment_daily WHERE workspace_id = $1 ORDER BY 1, 2, 3`, [fx.workspace.id]),
      commenters: await db.dataSource.query(
        `SELECT to_char(day, 'YYYY-MM-DD') d, contact_id, comments FROM report_commenter_daily WHERE workspace_id = $1 ORDER BY 1, 2`, [fx.workspace.id]),
      first: await db.dataSource.query(`SELECT contact_id, to_char(first_day, 'YYYY-MM-DD') d FROM report_commenter WHERE workspace_id = $1 ORDER BY 1`, [fx.workspace.id]),
      spans: await db.dataSource.query(
        `SELECT to_char(day, 'YYYY-MM-DD') d, next_day::text, has_prev, commenters FROM report_commenter_span WHERE workspace_id = $1 ORDER BY 1, 2, 3`, [fx.workspace.id]),
    });
    const incremental = await snapshot();
    expect(incremental.comments.length).toBeGreaterThan(0);
    // lena 3 and 5 Nov, max 6 Nov, spam 4 Nov
    expect(incremental.spans).toEqual([
      { d: '2026-11-03', next_day: '2026-11-05', has_prev: false, commenters: 1 },
      { d: '2026-11-04', next_day: 'infinity', has_prev: false, commenters: 1 },
      { d: '2026-11-05', next_day: 'infinity', has_prev: true, commenters: 1 },
      { d: '2026-11-06', next_day: 'infinity', has_prev: false, commenters: 1 },
    ]);
    await new Rollups(db.dataSource).rebuild({ workspaceId: fx.workspace.id });
    expect(await snapshot()).toEqual(incremental);
  });
});
