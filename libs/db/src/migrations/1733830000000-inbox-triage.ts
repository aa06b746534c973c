import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inbox triage (issue 24):
 * - "Oldest waiting first": threads by the time their customer has waited (waiting_since ascending;
 *   threads nobody waits on last, as if they waited since 9999-12-31, so one ascending key pages them
 *   all). Two indexes serve it as the newest-first ones do: with a status (Open, Needs reply) and
 *   without. The expression must be written the same way in threads.sql for the planner to use them.
 * - saved_view: an agent's named inbox filters and sort, private or shared with the workspace.
 */
export class InboxTriage1733830000000 implements MigrationInterface {
  name = 'InboxTriage1733830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX thread_inbox_waiting_idx ON thread (workspace_id, status, (COALESCE(waiting_since, '9999-12-31T00:00:00Z'::timestamptz)), id)`,
    );
    await q.query(`CREATE INDEX thread_inbox_waiting_all_idx ON thread (workspace_id, (COALESCE(waiting_since, '9999-12-31T00:00:00Z'::timestamptz)), id)`);
    await q.query(`
      CREATE TABLE saved_view (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        owner_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        filters jsonb NOT NULL DEFAULT '{}'::jsonb,
        sort text NOT NULL CHECK (sort IN ('newest', 'waiting', 'sla_due')),
        shared boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (owner_id, name)
      )`);
    await q.query(`CREATE INDEX saved_view_workspace_idx ON saved_view (workspace_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE saved_view`);
    await q.query(`DROP INDEX thread_inbox_waiting_all_idx`);
    await q.query(`DROP INDEX thread_inbox_waiting_idx`);
  }
}
