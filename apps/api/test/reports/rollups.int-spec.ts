import type { DataSource } from 'typeorm';
import type { MessageRecord } from '@resonance/contracts';
import { createTestDatabase, type TestDatabase } from '@resonance/testing';
import { IngestStore, Rollups } from '@resonance/worker';
import { berlin, seedFixture, WEEKDAYS_8_TO_18, type Fixture } from './fixture';

/** Every rollup row of the workspace, in a stable order (double sums to 9 decimals). */
async function rollupSnapshot(ds: DataSource, workspaceId: string) {
  const q = (sql: string) => ds.query<Array<Record<string, unknown>>>(sql, [workspaceId]);
  return {
    events: await q(
      `SELECT t.thread_key, e.kind, e.seconds, e.business_seconds, e.within_target, e.agent_id, e.action, to_char(e.day, 'YYYY-MM-DD') AS day
         FROM report_response_event e JOIN thread t ON t.id = e.thread_id WHERE e.workspace_id = $1
        ORDER BY t.thread_key, e.kind, e.closed_at`,
    ),
    daily: await q(
      `SELECT to_char(day, 'YYYY-MM-DD') d, channel_account_id, network, channel, agent_id, kind, n, seconds_sum, business_n, business_seconds_sum, within_target, within_target_business
         FROM report_response_daily WHERE workspace_id = $1 ORDER BY 1, 2, 3, 4, 5, 6`,
    ),
    hist: await q(
      `SELECT to_char(day, 'YYYY-MM-DD') d, agent_id, kind, clock, bucket, n, seconds_sum FROM report_response_hist WHERE workspace_id = $1 ORDER BY 1, 2, 3, 4, 5`,
    ),
    threadComments: await q(
      `SELECT t.thread_key, to_char(c.day, 'YYYY-MM-DD') d, c.post_id, c.intent, c.contact_id, c.comments, c.answered,
              round(c.sentiment_sum::numeric, 9)::text AS sentiment_sum, c.sentiment_n, c.handled,
              round(c.ingest_lag_seconds_sum::numeric, 9)::text AS ingest_lag_seconds_sum
         FROM report_thread_comment c JOIN thread t ON t.id = c.thread_id WHERE c.workspace_id = $1 ORDER BY 1, 2, 3, 4, 5`,
    ),
    comments: await q(
      `SELECT to_char(day, 'YYYY-MM-DD') d, post_id, intent, comments, answered, round(sentiment_sum::numeric, 9)::text AS sentiment_sum, sentiment_n, handled,
              round(ingest_lag_seconds_sum::numeric, 9)::text AS ingest_lag_seconds_sum
         FROM report_comment_daily WHERE workspace_id = $1 ORDER BY 1, 2, 3`,
    ),
    commenters: await q(`SELECT to_char(day, 'YYYY-MM-DD') d, contact_id, comments FROM report_commenter_daily WHERE workspace_id = $1 ORDER BY 1, 2`),
    first: await q(`SELECT contact_id, to_char(first_day, 'YYYY-MM-DD') d FROM report_commenter WHERE workspace_id = $1 ORDER BY 1`),
    spans: await q(
      `SELECT to_char(day, 'YYYY-MM-DD') d, next_day::text, has_prev, commenters FROM report_commenter_span WHERE workspace_id = $1 ORDER BY 1, 2, 3`,
    ),
  };
}

describe('report rollups', () => {
  let db: TestDatabase;
  let fx: Fixture;
  const events = async () =>
    await db.dataSource.query<Array<Record<string, unknown>>>(
      `SELECT t.thread_key, e.kind, e.seconds, e.business_seconds, e.within_target, e.agent_id, e.action, to_char(e.day, 'YYYY-MM-DD') AS day
         FROM report_response_event e JOIN thread t ON t.id = e.thread_id WHERE e.workspace_id = $1
        ORDER BY t.thread_key, e.kind, e.closed_at`,
      [fx.workspace.id],
    );

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
      {
        thread_key: 'C',
        kind: 'handled',
        seconds: 1200,
        business_seconds: 1200,
        within_target: true,
        agent_id: fx.agent.id,
        action: 'hide',
        day: '2026-11-04',
      },
      { thread_key: 'D', kind: 'first', seconds: 600, business_seconds: 600, within_target: true, agent_id: null, action: null, day: '2026-11-05' },
      { thread_key: 'D', kind: 'reply', seconds: 600, business_seconds: 600, within_target: true, agent_id: null, action: null, day: '2026-11-05' },
      { thread_key: 'D', kind: 'reply', seconds: 7200, business_seconds: 7200, within_target: false, agent_id: null, action: null, day: '2026-11-05' },
    ]);
    expect(await db.dataSource.query(`SELECT count(*)::int AS n FROM rollup_dirty_thread`)).toEqual([{ n: 0 }]);
  });

  it('counts business hours across a weekend and across the end of daylight saving time', async () => {
    const hours = JSON.stringify(WEEKDAYS_8_TO_18);
    const [r] = await db.dataSource.query<Array<Record<string, number>>>(
      `SELECT resonance_business_seconds($1, $2, 'Europe/Berlin', $5::jsonb, '{}') AS weekend,
              resonance_business_seconds($1, $2, 'Europe/Berlin', $5::jsonb, '{2026-11-09}') AS weekend_holiday,
              resonance_business_seconds($3, $4, 'Europe/Berlin', $5::jsonb, '{}') AS dst,
              extract(epoch FROM $4::timestamptz - $3::timestamptz)::float8 AS dst_calendar,
              resonance_business_seconds($1, $1, 'Europe/Berlin', $5::jsonb, '{}') AS empty`,
      // Fri 6 Nov 17:00 → Mon 9 Nov 09:00 (CET); Fri 23 Oct 17:00 CEST → Mon 26 Oct 09:00 CET.
      [berlin('2026-11-06', '17:00'), berlin('2026-11-09', '09:00'), '2026-10-23T17:00:00+02:00', '2026-10-26T09:00:00+01:00', hours],
    );
    // With Monday 9 Nov a holiday only Friday's last hour counts.
    expect(r).toEqual({ weekend: 7200, weekend_holiday: 3600, dst: 7200, dst_calendar: 65 * 3600, empty: 0 });
  });

  it('follows new messages incrementally and equals a rebuild from raw data', async () => {
    const snapshot = () => rollupSnapshot(db.dataSource, fx.workspace.id);
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

/**
 * Drain by drain on the fixture: each change is drained on its own (the comment rollups take the
 * difference of the changed threads' rows) and then checked against a rebuild from raw data. The
 * rebuild leaves the same rows, so the next step drains on top of what the drains built.
 */
describe('report rollups, one change per drain', () => {
  let db: TestDatabase;
  let fx: Fixture;
  let store: IngestStore;
  let rollups: Rollups;

  const comment = (id: string, thread: string, at: string, author: string, text = 'Schöne Farbe!'): MessageRecord => ({
    kind: 'message',
    network: 'facebook',
    externalId: id,
    threadKey: thread,
    channel: 'comment',
    postExternalId: 'post-1',
    author: { externalId: author, name: author },
    text,
    createdAt: at,
  });
  const native = (id: string, thread: string, at: string): MessageRecord => ({
    ...comment(id, thread, at, fx.channel.externalId, 'Danke!'),
    author: { externalId: fx.channel.externalId, name: 'The Page' },
  });
  /** Per day: [comments, answered, handled]. */
  const days = async () =>
    Object.fromEntries(
      (
        await db.dataSource.query<Array<{ d: string; c: number; a: number; h: number }>>(
          `SELECT to_char(day, 'YYYY-MM-DD') d, sum(comments)::int c, sum(answered)::int a, sum(handled)::int h
           FROM report_comment_daily WHERE workspace_id = $1 GROUP BY 1 ORDER BY 1`,
          [fx.workspace.id],
        )
      ).map((r) => [r.d, [r.c, r.a, r.h]]),
    );
  const contact = async (externalId: string) =>
    (
      await db.dataSource.query<
        Array<{
          id: number;
        }>
      >(`SELECT id::int FROM contact WHERE channel_account_id = $1 AND external_id = $2`, [fx.channel.id, externalId])
    )[0].id;
  const drainedAsRebuilt = async () => {
    const drained = await rollups.drainAll();
    expect(drained.threads).toBeGreaterThan(0);
    const incremental = await rollupSnapshot(db.dataSource, fx.workspace.id);
    await rollups.rebuild({ workspaceId: fx.workspace.id });
    expect(await rollupSnapshot(db.dataSource, fx.workspace.id)).toEqual(incremental);
    return incremental;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    fx = await seedFixture(db.dataSource);
    store = new IngestStore(db.dataSource);
    rollups = new Rollups(db.dataSource);
  });
  afterAll(() => db.drop());

  it('starts from the hand-computed days', async () => {
    expect(await days()).toEqual({
      '2026-11-03': [1, 1, 0], // a1, answered natively
      '2026-11-04': [1, 0, 1], // c1, hidden
      '2026-11-05': [3, 3, 0], // d1, d3, d4
      '2026-11-06': [1, 1, 0], // b1, answered on 9 Nov
    });
  });

  it('counts a known contact on a new day (its spans move)', async () => {
    await store.ingest(fx.channel.id, [comment('e1', 'E', berlin('2026-11-10', '10:00'), 'max')]);
    const after = await drainedAsRebuilt();
    expect((await days())['2026-11-10']).toEqual([1, 0, 0]);
    const max = await contact('max');
    expect(after.commenters.filter((r) => r.contact_id === String(max))).toEqual([
      { d: '2026-11-06', contact_id: String(max), comments: 1 },
      { d: '2026-11-10', contact_id: String(max), comments: 1 },
    ]);
    expect(after.spans.filter((s) => ['2026-11-06', '2026-11-10'].includes(s.d as string))).toEqual([
      { d: '2026-11-06', next_day: '2026-11-10', has_prev: false, commenters: 1 },
      { d: '2026-11-10', next_day: 'infinity', has_prev: true, commenters: 1 },
    ]);
  });

  it('moves a comment to answered when the reply arrives in a later drain', async () => {
    await store.ingest(fx.channel.id, [native('e2', 'E', berlin('2026-11-10', '10:30'))]);
    await drainedAsRebuilt();
    expect((await days())['2026-11-10']).toEqual([1, 1, 0]);
  });

  it('moves a comment between intents when its label is corrected', async () => {
    const byIntent = async () =>
      Object.fromEntries(
        (
          await db.dataSource.query<Array<{ intent: string; comments: number }>>(
            `SELECT intent, comments FROM report_comment_daily WHERE workspace_id = $1 AND day = '2026-11-05'`,
            [fx.workspace.id],
          )
        ).map((r) => [r.intent, r.comments]),
      );
    const before = await byIntent();
    const [d4] = await db.dataSource.query<
      Array<{
        intent: string;
      }>
    >(`SELECT intent FROM message WHERE channel_account_id = $1 AND external_id = 'd4'`, [fx.channel.id]);
    const target = d4.intent === 'complaint_support' ? 'other_spam' : 'complaint_support';
    await db.dataSource.query(`UPDATE message SET intent = $2 WHERE channel_account_id = $1 AND external_id = 'd4'`, [fx.channel.id, target]);
    await drainedAsRebuilt();
    const after = await byIntent();
    expect(after[target]).toBe((before[target] ?? 0) + 1);
    expect(after[d4.intent] ?? 0).toBe(before[d4.intent] - 1);
    expect((await days())['2026-11-05']).toEqual([3, 3, 0]);
  });

  it('counts a hidden comment as handled', async () => {
    await db.dataSource.query(`UPDATE message SET hidden = true WHERE channel_account_id = $1 AND external_id = 'a1'`, [fx.channel.id]);
    await drainedAsRebuilt();
    expect((await days())['2026-11-03']).toEqual([1, 1, 1]);
  });

  it('follows a contact to a new day of an old thread and to an earlier first day', async () => {
    await store.ingest(fx.channel.id, [comment('d6', 'D', berlin('2026-11-12', '09:00'), 'lena'), comment('f1', 'F', berlin('2026-11-01', '15:00'), 'max')]);
    const after = await drainedAsRebuilt();
    expect((await days())['2026-11-12']).toEqual([1, 0, 0]); // after D's last answer
    expect((await days())['2026-11-05']).toEqual([3, 3, 0]);
    const [lena, max] = [await contact('lena'), await contact('max')];
    expect(after.first.filter((f) => [String(lena), String(max)].includes(f.contact_id as string))).toEqual(
      [
        { contact_id: String(lena), d: '2026-11-03' },
        { contact_id: String(max), d: '2026-11-01' },
      ].sort((a, b) => Number(a.contact_id) - Number(b.contact_id)),
    );
    expect(after.spans.find((s) => s.d === '2026-11-05')).toEqual({ d: '2026-11-05', next_day: '2026-11-12', has_prev: true, commenters: 1 });
  });

  it('takes a reply back when it turns out never to have been sent', async () => {
    await db.dataSource.query(`UPDATE message SET delivery = 'failed', external_id = NULL WHERE channel_account_id = $1 AND external_id = 'b2'`, [
      fx.channel.id,
    ]);
    const after = await drainedAsRebuilt();
    expect((await days())['2026-11-06']).toEqual([1, 0, 0]);
    expect(after.events.filter((e) => e.thread_key === 'B')).toEqual([]);
  });

  it('drops the commenter days of a contact that was deleted', async () => {
    const spam = await contact('spam');
    await db.dataSource.query(`DELETE FROM contact WHERE id = $1`, [spam]);
    const after = await drainedAsRebuilt();
    expect(after.commenters.filter((r) => r.d === '2026-11-04')).toEqual([]);
    expect(after.first.filter((f) => f.contact_id === String(spam))).toEqual([]);
    expect(after.spans.filter((s) => s.d === '2026-11-04')).toEqual([]);
    expect((await days())['2026-11-04']).toEqual([1, 0, 1]); // the comment itself still counts
  });

  it('keeps the counts of a deleted thread and forgets its rows (as for retention, unlike a rebuild)', async () => {
    const before = await days();
    await db.dataSource.query(`DELETE FROM thread WHERE channel_account_id = $1 AND thread_key = 'C'`, [fx.channel.id]);
    expect(await rollups.drainAll()).toEqual({ threads: 0, days: 0 });
    expect(await days()).toEqual(before);
    expect((await rollupSnapshot(db.dataSource, fx.workspace.id)).threadComments.filter((r) => r.thread_key === 'C')).toEqual([]);
    expect(
      await db.dataSource.query(`SELECT count(*)::int AS n FROM report_thread_comment c WHERE NOT EXISTS (SELECT 1 FROM thread t WHERE t.id = c.thread_id)`),
    ).toEqual([{ n: 0 }]);
  });
});
