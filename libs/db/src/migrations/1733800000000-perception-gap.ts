import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The perception gap, response time by intent (issue 23, part 2):
 * - post.topic: what a company post is about (deals | product | service | brand), classified from
 *   its text at ingest (libs/classifier postTopic). Existing posts are classified by the worker's
 *   rollup job (posts whose topic is NULL, found by post_topic_pending_idx, 1,000 per run).
 * - report_response_event.intent: the intent of the inbound message a response event is measured
 *   from (the oldest of the run it closes; for 'first' the thread's first inbound message).
 * - report_response_intent_daily: reply-time histograms per day × channel account × intent
 *   (calendar clock), the response-time-by-intent report's rollup; recomputed from the events of
 *   the drained days like report_response_daily.
 * Existing response events get their intent when their threads are drained again: every thread
 * with events is marked here (a one-time drain of the whole history by the worker).
 */
export class PerceptionGap1733800000000 implements MigrationInterface {
  name = 'PerceptionGap1733800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE post ADD COLUMN topic text CHECK (topic IN ('deals', 'product', 'service', 'brand'))`);
    await q.query(`CREATE INDEX post_topic_pending_idx ON post (id) WHERE topic IS NULL`);
    await q.query(`ALTER TABLE report_response_event ADD COLUMN intent text`);
    await q.query(`
      CREATE TABLE report_response_intent_daily (
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        day date NOT NULL,
        channel_account_id uuid NOT NULL,
        network text NOT NULL,
        intent text NOT NULL,
        bucket smallint NOT NULL,
        n integer NOT NULL CHECK (n > 0),
        seconds_sum double precision NOT NULL,
        PRIMARY KEY (workspace_id, day, channel_account_id, network, intent, bucket)
      )`);
    await q.query(`
      INSERT INTO rollup_dirty_thread (thread_id, workspace_id, since)
      SELECT thread_id, min(workspace_id::text)::uuid, now() FROM report_response_event GROUP BY thread_id
      ON CONFLICT (thread_id) DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report_response_intent_daily`);
    await q.query(`ALTER TABLE report_response_event DROP COLUMN intent`);
    await q.query(`DROP INDEX post_topic_pending_idx`);
    await q.query(`ALTER TABLE post DROP COLUMN topic`);
  }
}
