import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports (issue 10): rollups so that reports never scan the message table, agents' corrections of
 * intent labels, and the time a comment was handled without a reply (like, hide, delete).
 *
 * Maintenance: statement-level triggers mark every thread whose messages were inserted or changed
 * (ingestion, replies, hide/delete, label corrections) in rollup_dirty_thread, one statement per
 * write statement; the rollup job drains that set and recomputes the response events of those
 * threads and the daily rollups of the days they touch. `resonance rollup` rebuilds it all.
 *
 * Days are calendar days in the workspace's time zone. Durations are seconds. Response-time
 * percentiles come from histograms with buckets 20 % wide (resonance_duration_bucket); counts,
 * sums (means) and SLA hits are exact.
 */
export class Reports1732500000000 implements MigrationInterface {
  name = 'Reports1732500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE message
        ADD COLUMN handled_at timestamptz,
        ADD COLUMN handled_by uuid REFERENCES users(id) ON DELETE SET NULL,
        ADD COLUMN handled_action text CHECK (handled_action IN ('like', 'hide', 'delete'))`);
    // Whoever hides or deletes a comment (the inbox API, a moderation rule) may set handled_* itself;
    // when it does not, hiding or deleting stamps the time, so the service level still sees it.
    await q.query(`
      CREATE FUNCTION resonance_stamp_handled() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT NEW.is_from_account THEN
          NEW.handled_at := COALESCE(NEW.handled_at, now());
          NEW.handled_action := COALESCE(NEW.handled_action,
                                         CASE WHEN NEW.deleted AND NOT OLD.deleted THEN 'delete' ELSE 'hide' END);
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER message_stamp_handled BEFORE UPDATE ON message FOR EACH ROW
        WHEN ((NEW.hidden AND NOT OLD.hidden) OR (NEW.deleted AND NOT OLD.deleted))
        EXECUTE FUNCTION resonance_stamp_handled()`);

    await q.query(`
      CREATE TABLE intent_correction (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        message_id bigint NOT NULL REFERENCES message(id) ON DELETE CASCADE,
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        previous_intent text,
        intent text NOT NULL CHECK (intent IN ('discount_request', 'purchase_intent', 'product_question',
                                               'complaint_support', 'praise', 'other_spam')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX intent_correction_workspace_idx ON intent_correction (workspace_id, created_at)`);
    await q.query(`CREATE INDEX intent_correction_message_idx ON intent_correction (message_id)`);

    // since: the earliest message time that changed; version: bumped on every mark, so the rollup
    // job removes a mark only if nobody marked the thread again while it was recomputing.
    await q.query(`
      CREATE TABLE rollup_dirty_thread (
        thread_id bigint PRIMARY KEY,
        workspace_id uuid NOT NULL,
        since timestamptz NOT NULL,
        version bigint NOT NULL DEFAULT 1
      )`);
    await q.query(`
      CREATE FUNCTION resonance_mark_threads_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO rollup_dirty_thread (thread_id, workspace_id, since)
        SELECT thread_id, min(workspace_id::text)::uuid, min(created_at) FROM changed_rows GROUP BY thread_id
        ORDER BY thread_id
        ON CONFLICT (thread_id) DO UPDATE SET since = LEAST(rollup_dirty_thread.since, excluded.since),
                                              version = rollup_dirty_thread.version + 1;
        RETURN NULL;
      END $$`);
    // Transition tables allow one event per trigger: one trigger for inserts, one for updates.
    await q.query(`
      CREATE TRIGGER message_inserted_mark_dirty AFTER INSERT ON message
        REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT
        EXECUTE FUNCTION resonance_mark_threads_dirty()`);
    await q.query(`
      CREATE TRIGGER message_updated_mark_dirty AFTER UPDATE ON message
        REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT
        EXECUTE FUNCTION resonance_mark_threads_dirty()`);

    // Seconds inside the weekly schedule between a and b, in the workspace's time zone. Local
    // wall-clock windows become instants with AT TIME ZONE, so DST changes are handled by PostgreSQL.
    await q.query(`
      CREATE FUNCTION resonance_business_seconds(a timestamptz, b timestamptz, tz text, hours jsonb)
      RETURNS double precision LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT COALESCE(sum(GREATEST(0, extract(epoch FROM LEAST(b, w.finish) - GREATEST(a, w.start)))), 0)::double precision
          FROM generate_series((a AT TIME ZONE tz)::date, (b AT TIME ZONE tz)::date, interval '1 day') AS d(day)
          CROSS JOIN LATERAL jsonb_array_elements(COALESCE(hours -> extract(dow FROM d.day)::int::text, '[]'::jsonb)) AS win(span)
          CROSS JOIN LATERAL (SELECT (d.day::date + (win.span ->> 0)::time) AT TIME ZONE tz AS start,
                                     (d.day::date + (win.span ->> 1)::time) AT TIME ZONE tz AS finish) AS w
         WHERE b > a AND w.finish > a AND w.start < b
      $$`);
    // Histogram bucket of a duration: 0 for under a second, then buckets 20 % wide.
    await q.query(`
      CREATE FUNCTION resonance_duration_bucket(seconds double precision)
      RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN seconds < 1 THEN 0 ELSE 1 + floor(ln(seconds) / ln(1.2))::int END::smallint
      $$`);

    // One row per response event: the fact table behind the daily rollups and the per-thread CSV.
    await q.query(`
      CREATE TABLE report_response_event (
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        thread_id bigint NOT NULL REFERENCES thread(id) ON DELETE CASCADE,
        channel_account_id uuid NOT NULL,
        network text NOT NULL,
        channel text NOT NULL,
        agent_id uuid,
        kind text NOT NULL CHECK (kind IN ('first', 'reply', 'handled')),
        action text,
        inbound_at timestamptz NOT NULL,
        closed_at timestamptz NOT NULL,
        day date NOT NULL,
        seconds double precision NOT NULL,
        business_seconds double precision,
        within_target boolean NOT NULL,
        within_target_business boolean
      )`);
    await q.query(`CREATE INDEX report_response_event_thread_idx ON report_response_event (thread_id)`);
    await q.query(`CREATE INDEX report_response_event_day_idx ON report_response_event (workspace_id, day)`);

    const responseKey = `
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        day date NOT NULL,
        channel_account_id uuid NOT NULL,
        network text NOT NULL,
        channel text NOT NULL,
        agent_id uuid,
        kind text NOT NULL`;
    await q.query(`
      CREATE TABLE report_response_daily (${responseKey},
        n integer NOT NULL,
        seconds_sum double precision NOT NULL,
        business_n integer NOT NULL,
        business_seconds_sum double precision NOT NULL,
        within_target integer NOT NULL,
        within_target_business integer NOT NULL
      )`);
    await q.query(`CREATE INDEX report_response_daily_idx ON report_response_daily (workspace_id, day)`);
    await q.query(`
      CREATE TABLE report_response_hist (${responseKey},
        clock text NOT NULL CHECK (clock IN ('calendar', 'business')),
        bucket smallint NOT NULL,
        n integer NOT NULL,
        seconds_sum double precision NOT NULL
      )`);
    await q.query(`CREATE INDEX report_response_hist_idx ON report_response_hist (workspace_id, day)`);

    // Inbound messages per day, channel account, post and intent. post_id 0 = not on a post (DMs).
    await q.query(`
      CREATE TABLE report_comment_daily (
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        day date NOT NULL,
        channel_account_id uuid NOT NULL,
        network text NOT NULL,
        channel text NOT NULL,
        post_id bigint NOT NULL,
        intent text NOT NULL,
        comments integer NOT NULL,
        answered integer NOT NULL,
        sentiment_sum double precision NOT NULL,
        sentiment_n integer NOT NULL,
        handled integer NOT NULL,
        ingest_lag_seconds_sum double precision NOT NULL
      )`);
    await q.query(`CREATE INDEX report_comment_daily_idx ON report_comment_daily (workspace_id, day)`);
    await q.query(`CREATE INDEX report_comment_daily_post_idx ON report_comment_daily (post_id) WHERE post_id <> 0`);
    // Distinct commenters need the person, not a sum: one row per commenter and day (comments only).
    await q.query(`
      CREATE TABLE report_commenter_daily (
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        day date NOT NULL,
        channel_account_id uuid NOT NULL,
        network text NOT NULL,
        contact_id bigint NOT NULL,
        comments integer NOT NULL
      )`);
    await q.query(`CREATE INDEX report_commenter_daily_idx ON report_commenter_daily (workspace_id, day) INCLUDE (contact_id, network, channel_account_id)`);
    await q.query(`CREATE INDEX report_commenter_daily_contact_idx ON report_commenter_daily (contact_id, day)`);
    // A commenter's first comment day ever: "returning" = commented on an earlier day than this one.
    await q.query(`
      CREATE TABLE report_commenter (
        contact_id bigint PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        first_day date NOT NULL
      )`);
    // Threads by start, for the one-row-per-thread CSV export.
    await q.query(`CREATE INDEX thread_first_inbound_idx ON thread (workspace_id, first_inbound_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX thread_first_inbound_idx`);
    for (const table of ['report_commenter', 'report_commenter_daily', 'report_comment_daily', 'report_response_hist',
      'report_response_daily', 'report_response_event', 'rollup_dirty_thread', 'intent_correction']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION resonance_duration_bucket(double precision)`);
    await q.query(`DROP FUNCTION resonance_business_seconds(timestamptz, timestamptz, text, jsonb)`);
    await q.query(`DROP TRIGGER message_updated_mark_dirty ON message`);
    await q.query(`DROP TRIGGER message_inserted_mark_dirty ON message`);
    await q.query(`DROP FUNCTION resonance_mark_threads_dirty()`);
    await q.query(`DROP TRIGGER message_stamp_handled ON message`);
    await q.query(`DROP FUNCTION resonance_stamp_handled()`);
    await q.query(`ALTER TABLE message DROP COLUMN handled_action, DROP COLUMN handled_by, DROP COLUMN handled_at`);
  }
}
