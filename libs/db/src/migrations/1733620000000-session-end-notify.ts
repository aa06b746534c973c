import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live-event streams end with their session (issue 20, item 3). Every api copy LISTENs on
 * resonance_session_ends and closes its open streams of:
 *  - deleted sessions (logout, sign-out everywhere after a password change or deactivation, any
 *    purge): {"sessionIds": [...]}; a statement deleting more than 100 (a purge of expired rows)
 *    says {"recheck": true} instead, which stays under NOTIFY's 8,000 bytes;
 *  - a user whose role, active flag or password changed: {"userId": "..."} (the session may live
 *    on, but what it may see changed; the dashboard reconnects and is checked again).
 * A trigger, not the api's code, so that no path that ends a session (a script, a job, psql) is
 * forgotten; the notification goes out when the transaction commits.
 */
export class SessionEndNotify1733620000000 implements MigrationInterface {
  name = 'SessionEndNotify1733620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION resonance_notify_sessions_ended() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ids text[];
      BEGIN
        SELECT array_agg(id) INTO ids FROM ended;
        IF ids IS NULL THEN
          RETURN NULL;
        END IF;
        IF cardinality(ids) > 100 THEN
          PERFORM pg_notify('resonance_session_ends', json_build_object('recheck', true)::text);
        ELSE
          PERFORM pg_notify('resonance_session_ends', json_build_object('sessionIds', ids)::text);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER session_deleted_notify AFTER DELETE ON session
        REFERENCING OLD TABLE AS ended FOR EACH STATEMENT
        EXECUTE FUNCTION resonance_notify_sessions_ended()`);
    await q.query(`
      CREATE FUNCTION resonance_notify_user_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('resonance_session_ends', json_build_object('userId', NEW.id)::text);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER users_access_changed_notify AFTER UPDATE ON users FOR EACH ROW
        WHEN (OLD.role IS DISTINCT FROM NEW.role OR OLD.active IS DISTINCT FROM NEW.active
              OR OLD.password_hash IS DISTINCT FROM NEW.password_hash OR OLD.workspace_id IS DISTINCT FROM NEW.workspace_id)
        EXECUTE FUNCTION resonance_notify_user_access_changed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER users_access_changed_notify ON users`);
    await q.query(`DROP FUNCTION resonance_notify_user_access_changed()`);
    await q.query(`DROP TRIGGER session_deleted_notify ON session`);
    await q.query(`DROP FUNCTION resonance_notify_sessions_ended()`);
  }
}
