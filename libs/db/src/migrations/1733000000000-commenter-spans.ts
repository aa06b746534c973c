import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Unique and returning commenters of any day range without reading one row per commenter
 * (docs/reports.md, docs/benchmarks.md): grouping report_commenter_daily by contact grew with the
 * number of commenters (110k rows for 90 days at 500k messages, ~1.1M at 5M).
 *
 * Each (contact, day) row of report_commenter_daily is counted here under its day, the contact's
 * next comment day ('infinity' if none) and whether the contact commented on an earlier day. A
 * contact's last day in [a, b] is the one row with a ≤ day ≤ b < next_day, so
 *   unique commenters of [a, b]    = sum(commenters) WHERE day BETWEEN a AND b AND next_day > b
 *   returning commenters of [a, b] = the same sum WHERE has_prev.
 * The table holds at most channels × days² / 2 × 2 rows, whatever the number of messages; the
 * primary key makes each day of a period one index range (day = d AND next_day > b).
 *
 * Maintained with report_commenter_daily by the rollup job (apps/worker/src/rollup): a drain
 * replaces the contributions of the contacts whose days it recomputed; `resonance rollup` rebuilds
 * it. Filled here from the existing rollups.
 */
export class CommenterSpans1733000000000 implements MigrationInterface {
  name = 'CommenterSpans1733000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_commenter_span (
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        day date NOT NULL,
        next_day date NOT NULL,
        channel_account_id uuid NOT NULL,
        network text NOT NULL,
        has_prev boolean NOT NULL,
        commenters integer NOT NULL CHECK (commenters > 0),
        PRIMARY KEY (workspace_id, day, next_day, channel_account_id, network, has_prev),
        CHECK (next_day > day)
      )`);
    await q.query(`
      INSERT INTO report_commenter_span (workspace_id, day, next_day, channel_account_id, network, has_prev, commenters)
      SELECT workspace_id, day, next_day, channel_account_id, network, has_prev, count(*)
        FROM (SELECT workspace_id, day, channel_account_id, network,
                     COALESCE(lead(day) OVER w, 'infinity') AS next_day, lag(day) OVER w IS NOT NULL AS has_prev
                FROM report_commenter_daily WINDOW w AS (PARTITION BY contact_id ORDER BY day)) s
       GROUP BY 1, 2, 3, 4, 5, 6`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report_commenter_span`);
  }
}
