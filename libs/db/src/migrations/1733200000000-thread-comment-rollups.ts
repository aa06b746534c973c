import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The comment rollups follow their threads (docs/reports.md, docs/benchmarks.md): a rollup drain
 * recomputed every day its dirty threads touched from all of that day's messages (about 5 s for a
 * day of 400,000 messages, however few had changed). report_thread_comment holds each thread's
 * inbound messages counted per day, channel account, post, intent and author; report_comment_daily
 * and report_commenter_daily are the sums of its rows, and a drain replaces its threads' rows and
 * adds the difference (apps/worker/src/rollup/thread-comments.sql.ts). Both daily tables get a
 * unique key for that (replacing their (workspace_id, day) indexes, which the keys begin with) and
 * CHECK (comments > 0): a row reaching 0 is deleted, one going below means drift.
 *
 * Filled here from the messages, and the comment rollups (daily, commenter days, first days, spans)
 * recomputed from it, so that sums and rows agree from the start — what `resonance rollup` does for
 * these tables, and as with it, counts of messages that retention already deleted leave them. Run
 * with the drain lock held; worker copies of the previous version must not drain afterwards (stop
 * them before migrating, or run `resonance rollup` once they are gone).
 *
 * A deleted thread's rows go with it (a statement trigger on thread, which also runs when a channel
 * account or workspace is deleted), and the rollups keep its counts, as they keep those of messages
 * removed by retention (docs/security.md). Not a foreign key: its check per inserted row was a third
 * of the rebuild's insert (3.1 of 9.2 s at 650,000 rows) and ~6 µs per row in every drain.
 */
const DRAIN_LOCK = 0x7265_736f; // apps/worker/src/rollup/rollups.ts

const COMMENT_KEY = 'workspace_id, day, channel_account_id, network, channel, post_id, intent';
const COMMENTER_KEY = 'workspace_id, day, channel_account_id, network, contact_id';

export class ThreadCommentRollups1733200000000 implements MigrationInterface {
  name = 'ThreadCommentRollups1733200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`SELECT pg_advisory_xact_lock($1)`, [DRAIN_LOCK]);
    await q.query(`
      CREATE TABLE report_thread_comment (
        thread_id bigint NOT NULL,
        workspace_id uuid NOT NULL,
        day date NOT NULL,
        channel_account_id uuid NOT NULL,
        network text NOT NULL,
        channel text NOT NULL,
        post_id bigint NOT NULL,
        intent text NOT NULL,
        contact_id bigint,
        comments integer NOT NULL CHECK (comments > 0),
        answered integer NOT NULL,
        sentiment_sum double precision NOT NULL,
        sentiment_n integer NOT NULL,
        handled integer NOT NULL,
        ingest_lag_seconds_sum double precision NOT NULL
      )`);
    await q.query(`
      INSERT INTO report_thread_comment (thread_id, ${COMMENT_KEY}, contact_id, comments, answered, sentiment_sum,
                                         sentiment_n, handled, ingest_lag_seconds_sum)
      WITH last_response AS (
        SELECT r.thread_id, max(r.created_at) AS at FROM message r
         WHERE r.is_from_account AND (r.delivery = 'sent' OR r.external_id IS NOT NULL)
         GROUP BY r.thread_id
      )
      SELECT m.thread_id, m.workspace_id, (m.created_at AT TIME ZONE w.timezone)::date, m.channel_account_id,
             t.network, t.channel, COALESCE(t.post_id, 0), COALESCE(m.intent, 'unclassified'), m.author_contact_id,
             count(*), count(*) FILTER (WHERE lr.at > m.created_at),
             COALESCE(sum(m.sentiment::double precision), 0), count(m.sentiment),
             count(*) FILTER (WHERE m.handled_at IS NOT NULL),
             COALESCE(sum(GREATEST(0, extract(epoch FROM m.ingested_at - m.created_at))), 0)
        FROM message m
        JOIN workspace w ON w.id = m.workspace_id
        JOIN thread t ON t.id = m.thread_id
        LEFT JOIN last_response lr ON lr.thread_id = m.thread_id
       WHERE NOT m.is_from_account
       GROUP BY m.thread_id, m.workspace_id, 3, m.channel_account_id, t.network, t.channel, 7, 8, m.author_contact_id`);
    await q.query(`CREATE INDEX report_thread_comment_thread_idx ON report_thread_comment (thread_id)`);
    // The rebuild's, per workspace (deduplicated: a few MB).
    await q.query(`CREATE INDEX report_thread_comment_workspace_idx ON report_thread_comment (workspace_id)`);
    await q.query(`
      CREATE FUNCTION resonance_forget_thread_comments() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM report_thread_comment c USING deleted_threads d WHERE c.thread_id = d.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER thread_deleted_forget_comments AFTER DELETE ON thread
        REFERENCING OLD TABLE AS deleted_threads FOR EACH STATEMENT
        EXECUTE FUNCTION resonance_forget_thread_comments()`);

    await q.query(`TRUNCATE report_comment_daily, report_commenter_daily, report_commenter, report_commenter_span`);
    await q.query(`
      INSERT INTO report_comment_daily (${COMMENT_KEY}, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum)
      SELECT ${COMMENT_KEY}, sum(comments), sum(answered), sum(sentiment_sum), sum(sentiment_n), sum(handled), sum(ingest_lag_seconds_sum)
        FROM report_thread_comment GROUP BY ${COMMENT_KEY}`);
    await q.query(`
      INSERT INTO report_commenter_daily (${COMMENTER_KEY}, comments)
      SELECT ${COMMENTER_KEY}, sum(comments) FROM report_thread_comment
       WHERE channel = 'comment' AND contact_id IS NOT NULL GROUP BY ${COMMENTER_KEY}`);
    await q.query(`
      INSERT INTO report_commenter (contact_id, workspace_id, first_day)
      SELECT contact_id, workspace_id, min(day) FROM report_commenter_daily GROUP BY contact_id, workspace_id`);
    await q.query(`
      INSERT INTO report_commenter_span (workspace_id, day, next_day, channel_account_id, network, has_prev, commenters)
      SELECT workspace_id, day, next_day, channel_account_id, network, has_prev, count(*)
        FROM (SELECT workspace_id, day, channel_account_id, network,
                     COALESCE(lead(day) OVER w, 'infinity') AS next_day, lag(day) OVER w IS NOT NULL AS has_prev
                FROM report_commenter_daily WINDOW w AS (PARTITION BY contact_id ORDER BY day)) s
       GROUP BY 1, 2, 3, 4, 5, 6`);

    await q.query(`DROP INDEX report_comment_daily_idx`);
    await q.query(`CREATE UNIQUE INDEX report_comment_daily_key ON report_comment_daily (${COMMENT_KEY})`);
    await q.query(`ALTER TABLE report_comment_daily ADD CONSTRAINT report_comment_daily_comments_check CHECK (comments > 0)`);
    await q.query(`DROP INDEX report_commenter_daily_idx`);
    await q.query(`CREATE UNIQUE INDEX report_commenter_daily_key ON report_commenter_daily (${COMMENTER_KEY})`);
    await q.query(`ALTER TABLE report_commenter_daily ADD CONSTRAINT report_commenter_daily_comments_check CHECK (comments > 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report_commenter_daily DROP CONSTRAINT report_commenter_daily_comments_check`);
    await q.query(`DROP INDEX report_commenter_daily_key`);
    await q.query(`CREATE INDEX report_commenter_daily_idx ON report_commenter_daily (workspace_id, day) INCLUDE (contact_id, network, channel_account_id)`);
    await q.query(`ALTER TABLE report_comment_daily DROP CONSTRAINT report_comment_daily_comments_check`);
    await q.query(`DROP INDEX report_comment_daily_key`);
    await q.query(`CREATE INDEX report_comment_daily_idx ON report_comment_daily (workspace_id, day)`);
    await q.query(`DROP TRIGGER thread_deleted_forget_comments ON thread`);
    await q.query(`DROP FUNCTION resonance_forget_thread_comments()`);
    await q.query(`DROP TABLE report_thread_comment`);
  }
}
