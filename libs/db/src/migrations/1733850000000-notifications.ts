import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notes with @mentions and notifications (issue 24, team):
 * - note.edited_at (shown as edited) and note.mentioned_user_ids (the mentioned team members; the
 *   text holds `<@uuid>` tokens that the dashboard renders as names).
 * - notification: one row per recipient and event (UNIQUE (user_id, dedupe_key): a second insert of
 *   the same event adds nothing); in_app says whether the bell lists it, email_state tracks the
 *   e-mail (off | pending | sent | failed) that the worker sends once.
 * - notification_setting: per user, the kinds turned off in-app and by e-mail, and the language of
 *   the e-mails (the dashboard's language, sent by it).
 * - resonance_notify(): the one INSERT of notifications, applying the recipient's settings; used by
 *   the api (assigned, mentioned), the worker (SLA warning) and the channel trigger below.
 * - channel_account → needs_reauth notifies the workspace's admins (a trigger: the worker, the api
 *   and any tool set that status); notification inserts NOTIFY resonance_db_events for live bells.
 */
export class Notifications1733850000000 implements MigrationInterface {
  name = 'Notifications1733850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE note ADD COLUMN edited_at timestamptz, ADD COLUMN mentioned_user_ids uuid[] NOT NULL DEFAULT '{}'`);
    await q.query(`
      CREATE TABLE notification (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('assigned', 'mentioned', 'sla_warning', 'channel_reauth')),
        dedupe_key text NOT NULL,
        thread_id bigint REFERENCES thread(id) ON DELETE CASCADE,
        channel_account_id uuid REFERENCES channel_account(id) ON DELETE CASCADE,
        actor_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        due_at timestamptz,
        in_app boolean NOT NULL,
        read_at timestamptz,
        email_state text NOT NULL CHECK (email_state IN ('off', 'pending', 'sent', 'failed')),
        email_sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notification_event_unique UNIQUE (user_id, dedupe_key)
      )`);
    await q.query(`CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC) WHERE in_app`);
    await q.query(`CREATE INDEX notification_email_pending_idx ON notification (created_at) WHERE email_state = 'pending'`);
    await q.query(`CREATE INDEX notification_thread_idx ON notification (thread_id)`);
    await q.query(`CREATE INDEX notification_channel_idx ON notification (channel_account_id)`);
    await q.query(`
      CREATE TABLE notification_setting (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'de')),
        in_app_off text[] NOT NULL DEFAULT '{}',
        email_off text[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE OR REPLACE FUNCTION resonance_notify(p_workspace_id uuid, p_user_ids uuid[], p_kind text, p_dedupe_key text, p_thread_id bigint, p_channel_account_id uuid, p_actor_user_id uuid, p_due_at timestamp with time zone) RETURNS SETOF bigint LANGUAGE sql VOLATILE PARALLEL UNSAFE AS $$
    INSERT INTO notification (workspace_id, user_id, kind, dedupe_key, thread_id, channel_account_id, actor_user_id, due_at, in_app, email_state)
    SELECT p_workspace_id, u.id, p_kind, p_dedupe_key, p_thread_id, p_channel_account_id, p_actor_user_id, p_due_at,
           NOT (p_kind = ANY(COALESCE(s.in_app_off, '{}'))),
           CASE WHEN p_kind = ANY(COALESCE(s.email_off, '{}')) THEN 'off' ELSE 'pending' END
      FROM users u LEFT JOIN notification_setting s ON s.user_id = u.id
     WHERE u.id = ANY(p_user_ids) AND u.workspace_id = p_workspace_id AND u.active
       AND NOT (p_kind = ANY(COALESCE(s.in_app_off, '{}')) AND p_kind = ANY(COALESCE(s.email_off, '{}')))
    ON CONFLICT (user_id, dedupe_key) DO NOTHING
    RETURNING id
  $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION resonance_notify_notifications_inserted() RETURNS trigger LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE AS $$
    DECLARE r record;
    BEGIN
      FOR r IN SELECT workspace_id, array_agg(id::text ORDER BY id) AS ids FROM new_rows WHERE in_app GROUP BY workspace_id LOOP
        PERFORM pg_notify('resonance_db_events',
          json_build_object('kind', 'notifications.inserted', 'workspaceId', r.workspace_id, 'ids', r.ids[1:200], 'count', cardinality(r.ids))::text);
      END LOOP;
      RETURN NULL;
    END
  $$`);
    await q.query(`
      CREATE TRIGGER notification_inserted_notify AFTER INSERT ON notification
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION resonance_notify_notifications_inserted()`);
    await q.query(`
      CREATE OR REPLACE FUNCTION resonance_notify_channel_needs_reauth() RETURNS trigger LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE AS $$
    BEGIN
      PERFORM resonance_notify(NEW.workspace_id,
                               ARRAY(SELECT id FROM users WHERE workspace_id = NEW.workspace_id AND role = 'admin' AND active),
                               'channel_reauth',
                               'channel_reauth:' || NEW.id::text || ':' || floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint::text,
                               NULL, NEW.id, NULL, NULL);
      RETURN NULL;
    END
  $$`);
    await q.query(`
      CREATE TRIGGER channel_needs_reauth_notify AFTER UPDATE OF status ON channel_account FOR EACH ROW
        WHEN (NEW.status = 'needs_reauth' AND OLD.status IS DISTINCT FROM 'needs_reauth')
        EXECUTE FUNCTION resonance_notify_channel_needs_reauth()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER channel_needs_reauth_notify ON channel_account`);
    await q.query(`DROP FUNCTION resonance_notify_channel_needs_reauth()`);
    await q.query(`DROP TABLE notification_setting`);
    await q.query(`DROP TABLE notification`);
    await q.query(`DROP FUNCTION resonance_notify_notifications_inserted()`);
    await q.query(`DROP FUNCTION resonance_notify(uuid, uuid[], text, text, bigint, uuid, uuid, timestamp with time zone)`);
    await q.query(`ALTER TABLE note DROP COLUMN edited_at, DROP COLUMN mentioned_user_ids`);
  }
}
