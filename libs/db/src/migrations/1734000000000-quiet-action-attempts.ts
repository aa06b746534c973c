import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * No NOTIFY when a moderation action only gets its attempted_at (issue 25, docs/benchmarks.md
 * "Stop 36"): the worker commits attempted_at before every network call, so that a retry after a
 * crash asks the network first; the dashboards show nothing of it. The update trigger NOTIFYed for
 * that commit too, and every NOTIFY takes PostgreSQL's global notify-queue lock at commit: with
 * rules hiding and liking during an ingest, one needless serialized commit per action. The update
 * trigger now compares old and new rows and NOTIFYs only for rows where anything else changed
 * (state, error, finished_at); the insert trigger is unchanged.
 */
export class QuietActionAttempts1734000000000 implements MigrationInterface {
  name = 'QuietActionAttempts1734000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION resonance_notify_message_actions_changed() RETURNS trigger LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE AS $$
    DECLARE r record;
    BEGIN
      FOR r IN SELECT n.workspace_id, array_agg(DISTINCT n.message_id::text) AS ids
                 FROM changed_actions n JOIN old_actions o ON o.id = n.id
                WHERE (to_jsonb(n) - 'attempted_at') IS DISTINCT FROM (to_jsonb(o) - 'attempted_at')
                GROUP BY n.workspace_id LOOP
        PERFORM pg_notify('resonance_db_events',
          json_build_object('kind', 'messages.updated', 'workspaceId', r.workspace_id,
                            'ids', r.ids[1:200], 'count', cardinality(r.ids))::text);
      END LOOP;
      RETURN NULL;
    END
  $$`);
    await q.query(`DROP TRIGGER message_action_updated_notify ON message_action`);
    await q.query(
      `CREATE TRIGGER message_action_updated_notify AFTER UPDATE ON public.message_action REFERENCING OLD TABLE AS old_actions NEW TABLE AS changed_actions FOR EACH STATEMENT EXECUTE FUNCTION resonance_notify_message_actions_changed()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER message_action_updated_notify ON message_action`);
    await q.query(
      `CREATE TRIGGER message_action_updated_notify AFTER UPDATE ON public.message_action REFERENCING NEW TABLE AS changed_actions FOR EACH STATEMENT EXECUTE FUNCTION resonance_notify_message_actions()`,
    );
    await q.query(`DROP FUNCTION resonance_notify_message_actions_changed()`);
  }
}
