import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the inbox API needs beyond the core model (issue 9):
 * - server-side sessions (cookie token stored as an HMAC, never in clear) and a login throttle;
 * - full-text search over messages in German and English (plus 'simple' for names, codes and
 *   words of any other language): a stored generated tsvector with a GIN index;
 * - live updates: statement-level triggers that NOTIFY `resonance_db_events` once per statement
 *   and workspace when messages are inserted or change (delivery, text, hidden/deleted), whoever
 *   wrote them (ingest worker, outbound worker, api). One notification per statement, not per row,
 *   so bulk ingestion pays one pg_notify per page.
 */
export class InboxApi1732400000000 implements MigrationInterface {
  name = 'InboxApi1732400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE session (
        id text PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        user_agent text,
        ip text
      )`);
    await q.query(`CREATE INDEX session_user_idx ON session (user_id)`);
    await q.query(`CREATE INDEX session_expires_idx ON session (expires_at)`);
    await q.query(`
      CREATE TABLE login_throttle (
        key text PRIMARY KEY,
        failures integer NOT NULL DEFAULT 0,
        window_started_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      ALTER TABLE message ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig, text)
        || to_tsvector('german'::regconfig, text)
        || to_tsvector('english'::regconfig, text)
      ) STORED`);
    await q.query(`CREATE INDEX message_search_idx ON message USING gin (search_vector)`);

    await q.query(`
      CREATE FUNCTION resonance_notify_messages_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE r record;
      BEGIN
        FOR r IN SELECT workspace_id, min(id) AS lo, max(id) AS hi, count(*) AS n FROM new_rows GROUP BY workspace_id LOOP
          PERFORM pg_notify('resonance_db_events',
            json_build_object('kind', 'messages.inserted', 'workspaceId', r.workspace_id,
                              'from', r.lo::text, 'to', r.hi::text, 'count', r.n)::text);
        END LOOP;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER message_inserted_notify AFTER INSERT ON message
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
        EXECUTE FUNCTION resonance_notify_messages_inserted()`);
    await q.query(`
      CREATE FUNCTION resonance_notify_messages_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE r record;
      BEGIN
        FOR r IN
          SELECT n.workspace_id, array_agg(n.id::text ORDER BY n.id) AS ids
            FROM new_rows n JOIN old_rows o ON o.id = n.id
           WHERE (n.delivery, n.delivery_error, n.external_id, n.text, n.hidden, n.deleted)
                 IS DISTINCT FROM (o.delivery, o.delivery_error, o.external_id, o.text, o.hidden, o.deleted)
           GROUP BY n.workspace_id
        LOOP
          PERFORM pg_notify('resonance_db_events',
            json_build_object('kind', 'messages.updated', 'workspaceId', r.workspace_id,
                              'ids', r.ids[1:200], 'count', cardinality(r.ids))::text);
        END LOOP;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER message_updated_notify AFTER UPDATE ON message
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
        EXECUTE FUNCTION resonance_notify_messages_updated()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER message_updated_notify ON message`);
    await q.query(`DROP TRIGGER message_inserted_notify ON message`);
    await q.query(`DROP FUNCTION resonance_notify_messages_updated()`);
    await q.query(`DROP FUNCTION resonance_notify_messages_inserted()`);
    await q.query(`DROP INDEX message_search_idx`);
    await q.query(`ALTER TABLE message DROP COLUMN search_vector`);
    await q.query(`DROP TABLE login_throttle`);
    await q.query(`DROP TABLE session`);
  }
}
