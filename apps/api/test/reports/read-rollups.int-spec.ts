import { ReadRouter } from '@resonance/db';
import type { DataSource } from 'typeorm';
import type { MessageRecord } from '@resonance/contracts';
import { createTestDatabase, type TestDatabase } from '@resonance/testing';
import { IngestStore, Rollups } from '@resonance/worker';
import { parseReportQuery } from '../../src/reports/report-query';
import { ReportsRepository } from '../../src/reports/reports.repository';
import { responseTimesReport } from '../../src/reports/response-times.report';
import { berlin, seedFixture, type Fixture } from './fixture';

/**
 * The coarser rollups the reports read (migration 1733500000000) against the rollups they sum:
 * each pair must be equal after every drain and after a rebuild. Double sums to 6 decimals (the
 * order of additions differs).
 */
async function pairs(ds: DataSource, workspaceId: string) {
  const q = (sql: string) => ds.query<Array<Record<string, unknown>>>(sql, [workspaceId]);
  const weekKey = `w, channel_account_id, network, agent_id, kind, clock, bucket`;
  const channelKey = `d, channel_account_id, network, channel, intent`;
  return {
    weeks: [
      await q(`SELECT to_char(week, 'YYYY-MM-DD') w, channel_account_id, network, agent_id, kind, clock, bucket, n,
                      round(seconds_sum::numeric, 6)::text AS s
                 FROM report_response_hist_week WHERE workspace_id = $1 ORDER BY ${weekKey}`),
      await q(`SELECT to_char(date_trunc('week', day), 'YYYY-MM-DD') w, channel_account_id, network, agent_id, kind, clock, bucket,
                      sum(n)::int AS n, round(sum(seconds_sum)::numeric, 6)::text AS s
                 FROM report_response_hist WHERE workspace_id = $1 GROUP BY ${weekKey} ORDER BY ${weekKey}`),
    ],
    channels: [
      await q(`SELECT to_char(day, 'YYYY-MM-DD') d, channel_account_id, network, channel, intent, comments, answered,
                      round(sentiment_sum::numeric, 6)::text AS ss, sentiment_n, handled, round(ingest_lag_seconds_sum::numeric, 6)::text AS lag
                 FROM report_comment_channel_daily WHERE workspace_id = $1 ORDER BY ${channelKey}`),
      await q(`SELECT to_char(day, 'YYYY-MM-DD') d, channel_account_id, network, channel, intent, sum(comments)::int AS comments,
                      sum(answered)::int AS answered, round(sum(sentiment_sum)::numeric, 6)::text AS ss, sum(sentiment_n)::int AS sentiment_n,
                      sum(handled)::int AS handled, round(sum(ingest_lag_seconds_sum)::numeric, 6)::text AS lag
                 FROM report_comment_daily WHERE workspace_id = $1 GROUP BY ${channelKey} ORDER BY ${channelKey}`),
    ],
    posts: [
      await q(`SELECT post_id, comments FROM report_post_comment WHERE workspace_id = $1 ORDER BY 1`),
      await q(`SELECT post_id, sum(comments)::int AS comments FROM report_comment_daily WHERE workspace_id = $1 AND post_id <> 0 GROUP BY 1 ORDER BY 1`),
    ],
  };
}

describe('report read rollups (weeks, comments per channel, comments per post)', () => {
  let db: TestDatabase;
  let fx: Fixture;
  let store: IngestStore;
  let rollups: Rollups;

  const comment = (id: string, thread: string, at: string, author: string): MessageRecord => ({
    kind: 'message',
    network: 'facebook',
    externalId: id,
    threadKey: thread,
    channel: 'comment',
    postExternalId: 'post-1',
    author: { externalId: author, name: author },
    text: 'Schöne Farbe!',
    createdAt: at,
  });
  const native = (id: string, thread: string, at: string): MessageRecord => ({
    ...comment(id, thread, at, fx.channel.externalId),
    author: { externalId: fx.channel.externalId, name: 'The Page' },
  });
  const expectSums = async () => {
    const all = await pairs(db.dataSource, fx.workspace.id);
    for (const [actual, expected] of Object.values(all)) expect(actual).toEqual(expected);
    return all;
  };
  /** First responses per week (calendar clock), from the week rows. */
  const firstsPerWeek = async () =>
    Object.fromEntries(
      (
        await db.dataSource.query<Array<{ w: string; n: number }>>(
          `SELECT to_char(week, 'YYYY-MM-DD') w, sum(n)::int n FROM report_response_hist_week
            WHERE workspace_id = $1 AND kind = 'first' AND clock = 'calendar' GROUP BY 1 ORDER BY 1`,
          [fx.workspace.id],
        )
      ).map((r) => [r.w, r.n]),
    );
  const replies = async (query: Record<string, string>) => {
    const p = parseReportQuery(query, '2026-12-01', ['none']);
    const report = await responseTimesReport(new ReportsRepository(db.dataSource, new ReadRouter(db.dataSource)), fx.workspace.id, p);
    return report.rows.map((r) => [r.period, r.reply.count, r.reply.median]);
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    fx = await seedFixture(db.dataSource);
    store = new IngestStore(db.dataSource);
    rollups = new Rollups(db.dataSource);
  });
  afterAll(() => db.drop());

  it('holds the sums of the fixture: weeks of 2 Nov (A, D) and 9 Nov (B), one post with its 6 comments', async () => {
    const { posts, channels } = await expectSums();
    expect(await firstsPerWeek()).toEqual({ '2026-11-02': 2, '2026-11-09': 1 });
    expect(posts[0]).toEqual([{ post_id: expect.any(String), comments: 6 }]);
    const perDay: Record<string, number> = {};
    for (const r of channels[0]) perDay[r.d as string] = (perDay[r.d as string] ?? 0) + (r.comments as number);
    expect(perDay).toEqual({ '2026-11-03': 1, '2026-11-04': 1, '2026-11-05': 3, '2026-11-06': 1 });
  });

  it('reads whole weeks from the week rows and the other days from the day rows, period by period', async () => {
    // Replies: A 1800 (3 Nov), D 600 and 7200 (5 Nov), B 230400 (9 Nov).
    expect(await replies({ period: '2026-11-01..2026-11-30' })).toEqual([['total', 4, 1800]]);
    expect(await replies({ period: '2026-11-01..2026-11-30', interval: 'week' })).toEqual([
      ['2026-11-02', 3, 1800],
      ['2026-11-09', 1, 230400],
    ]);
    expect(await replies({ period: '2026-10-27..2026-11-09', interval: 'month' })).toEqual([['2026-11', 4, 1800]]);
    // 9 Nov alone (a day row), and the week of 9 Nov whole (a week row): the same.
    expect(await replies({ period: '2026-11-09..2026-11-09' })).toEqual([['total', 1, 230400]]);
    expect(await replies({ period: '2026-11-09..2026-11-15' })).toEqual([['total', 1, 230400]]);
  });

  it('follows each drain: a new week, a corrected label, a reply that was never sent', async () => {
    await store.ingest(fx.channel.id, [comment('g1', 'G', berlin('2026-11-17', '10:00'), 'max'), native('g2', 'G', berlin('2026-11-17', '10:05'))]);
    await rollups.drainAll();
    await expectSums();
    expect(await firstsPerWeek()).toEqual({ '2026-11-02': 2, '2026-11-09': 1, '2026-11-16': 1 });

    await db.dataSource.query(`UPDATE message SET intent = 'praise' WHERE channel_account_id = $1 AND external_id = 'd1'`, [fx.channel.id]);
    await rollups.drainAll();
    await expectSums();

    // B's reply turns out never to have been sent: the week of 9 Nov loses its only events.
    await db.dataSource.query(`UPDATE message SET delivery = 'failed', external_id = NULL WHERE channel_account_id = $1 AND external_id = 'b2'`, [
      fx.channel.id,
    ]);
    await rollups.drainAll();
    await expectSums();
    expect(await firstsPerWeek()).toEqual({ '2026-11-02': 2, '2026-11-16': 1 });
    expect((await pairs(db.dataSource, fx.workspace.id)).weeks[0].filter((r) => r.w === '2026-11-09')).toEqual([]);
  });

  it('is rebuilt as the drains left it', async () => {
    const drained = await expectSums();
    await rollups.rebuild({ workspaceId: fx.workspace.id });
    expect(await expectSums()).toEqual(drained);
  });
});
