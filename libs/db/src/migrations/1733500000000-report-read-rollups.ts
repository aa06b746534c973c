import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coarser copies of three rollups, so that the 90-day reports read thousands of rows instead of
 * tens of thousands (docs/reports.md, docs/benchmarks.md: 16 ms of the response-times report was a
 * 62,000-row histogram scan; 14 ms of the resonance report one post-rollup lookup per post):
 *
 *  - report_response_hist_week: report_response_hist summed over the days of a week (Monday to
 *    Sunday, workspace days) and over the channel kind, which no response report groups or filters
 *    by. A report period takes its whole weeks from here and only its remaining days from the
 *    daily table (apps/api/src/reports/report-query.ts, weeksAndDays).
 *  - report_comment_channel_daily: report_comment_daily summed over posts (6 times fewer rows),
 *    for every comment report that does not group by post.
 *  - report_post_comment: report_comment_daily summed per post over all days (a post's stored
 *    comments, which the top posts and views ratios show for up to 1,000 posts).
 *
 * Each is a sum of rows the drain already computes, maintained in the same transaction and by the
 * difference of those rows (apps/worker/src/rollup): the week rows add new − old of their days'
 * histogram rows; the other two add the change report_comment_daily adds. `resonance rollup`
 * rebuilds them. Filled here from the existing rollups, under the drain lock.
 */
const DRAIN_LOCK = 0x7265_736f; // apps/worker/src/rollup/rollups.ts

const COMMENT_CHANNEL_KEY = 'workspace_id, day, channel_account_id, network, channel, intent';

export class ReportReadRollups1733500000000 implements MigrationInterface {
  name = 'ReportReadRollups1733500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`SELECT pg_advisory_xact_lock($1)`, [DRAIN_LOCK]);
    await q.query(`
      CREATE TABLE report_response_hist_week (
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        week date NOT NULL CHECK (extract(isodow FROM week) = 1),
        channel_account_id uuid NOT NULL,
        network text NOT NULL,
        agent_id uuid,
        kind text NOT NULL,
        clock text NOT NULL,
        bucket smallint NOT NULL,
        n integer NOT NULL CHECK (n > 0),
        seconds_sum double precision NOT NULL
      )`);
    await q.query(`
      INSERT INTO report_response_hist_week (workspace_id, week, channel_account_id, network, agent_id, kind, clock, bucket, n, seconds_sum)
      SELECT workspace_id, date_trunc('week', day)::date, channel_account_id, network, agent_id, kind, clock, bucket, sum(n), sum(seconds_sum)
        FROM report_response_hist GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`);
    // The drain adds to the rows by this key (ON CONFLICT); reports read by its first two columns.
    // agent_id NULL (native answers) is one agent here: COALESCE, not NULLS NOT DISTINCT (PostgreSQL 15+).
    await q.query(`
      CREATE UNIQUE INDEX report_response_hist_week_key ON report_response_hist_week
        (workspace_id, week, channel_account_id, network, kind, clock, bucket, COALESCE(agent_id, '00000000-0000-0000-0000-000000000000'::uuid))`);

    await q.query(`
      CREATE TABLE report_comment_channel_daily (
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        day date NOT NULL,
        channel_account_id uuid NOT NULL,
        network text NOT NULL,
        channel text NOT NULL,
        intent text NOT NULL,
        comments integer NOT NULL CHECK (comments > 0),
        answered integer NOT NULL,
        sentiment_sum double precision NOT NULL,
        sentiment_n integer NOT NULL,
        handled integer NOT NULL,
        ingest_lag_seconds_sum double precision NOT NULL
      )`);
    await q.query(`
      INSERT INTO report_comment_channel_daily (${COMMENT_CHANNEL_KEY}, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum)
      SELECT ${COMMENT_CHANNEL_KEY}, sum(comments), sum(answered), sum(sentiment_sum), sum(sentiment_n), sum(handled), sum(ingest_lag_seconds_sum)
        FROM report_comment_daily GROUP BY ${COMMENT_CHANNEL_KEY}`);
    await q.query(`CREATE UNIQUE INDEX report_comment_channel_daily_key ON report_comment_channel_daily (${COMMENT_CHANNEL_KEY})`);

    // No key to post: like report_comment_daily, the counts stay when a post is deleted.
    await q.query(`
      CREATE TABLE report_post_comment (
        post_id bigint PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        comments integer NOT NULL CHECK (comments > 0)
      )`);
    await q.query(`
      INSERT INTO report_post_comment (post_id, workspace_id, comments)
      SELECT post_id, workspace_id, sum(comments) FROM report_comment_daily WHERE post_id <> 0 GROUP BY 1, 2`);
    await q.query(`CREATE INDEX report_post_comment_workspace_idx ON report_post_comment (workspace_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['report_post_comment', 'report_comment_channel_daily', 'report_response_hist_week']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
