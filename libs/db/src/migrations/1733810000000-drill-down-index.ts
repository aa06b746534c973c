import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reports' drill-down (apps/api/src/reports/drill-down.report.ts) lists the threads behind an
 * intent-mix or comment count from report_thread_comment, by workspace and day — the rows the count
 * sums. The table had only (thread_id) and (workspace_id): a 90-day drill-down read every row of
 * the workspace. This index makes it a range of the period's days.
 */
export class DrillDownIndex1733810000000 implements MigrationInterface {
  name = 'DrillDownIndex1733810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX report_thread_comment_day_idx ON report_thread_comment (workspace_id, day)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX report_thread_comment_day_idx`);
  }
}
