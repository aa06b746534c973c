import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Less work per automatic action of a rule (issue 25, docs/benchmarks.md "Stop 36"):
 * - No NOTIFY when a moderation action only gets its attempted_at: the worker commits attempted_at
 *   before every network call, so that a retry after a crash asks the network first; the
 *   dashboards show nothing of it. The update trigger NOTIFYed for that commit too, and every
 *   NOTIFY takes PostgreSQL's global notify-queue lock at commit: with rules hiding and liking
 *   during an ingest, one needless serialized commit per action. The update trigger now compares
 *   old and new rows and NOTIFYs only for rows where anything else changed (state, error,
 *   finished_at); the insert trigger is unchanged.
 * - The rule_run row is the audit record of an automatic action: the audit log reads runs as
 *   rule.<action> events (apps/api/src/audit/audit.sql), newest first by this index, so the ingest
 *   no longer writes an audit_event beside each run. The events written so far for runs that
 *   still exist are removed (the log would show them twice); those whose run is gone stay.
 */
export class RuleRunAudit1734000000000 implements MigrationInterface {
  name = 'RuleRunAudit1734000000000';

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
    await q.query(`CREATE INDEX rule_run_audit_idx ON rule_run (workspace_id, created_at DESC, id DESC)`);
    await q.query(`
      DELETE FROM audit_event a USING rule_run r
       WHERE a.actor_user_id IS NULL AND a.action LIKE 'rule.%' AND a.data ? 'ruleRunId'
         AND a.data ->> 'ruleRunId' ~ '^[0-9]{1,18}$' AND r.id = (a.data ->> 'ruleRunId')::bigint AND r.workspace_id = a.workspace_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      INSERT INTO audit_event (workspace_id, actor_user_id, action, target_type, target_id, data, created_at)
      SELECT workspace_id, NULL, 'rule.' || (action ->> 'type'), 'thread', thread_id::text,
             jsonb_build_object('ruleId', rule_id::text, 'ruleName', rule_name, 'ruleRunId', id::text, 'messageId', message_id::text, 'action', action), created_at
        FROM rule_run`);
    await q.query(`DROP INDEX rule_run_audit_idx`);
    await q.query(`DROP TRIGGER message_action_updated_notify ON message_action`);
    await q.query(
      `CREATE TRIGGER message_action_updated_notify AFTER UPDATE ON public.message_action REFERENCING NEW TABLE AS changed_actions FOR EACH STATEMENT EXECUTE FUNCTION resonance_notify_message_actions()`,
    );
    await q.query(`DROP FUNCTION resonance_notify_message_actions_changed()`);
  }
}
