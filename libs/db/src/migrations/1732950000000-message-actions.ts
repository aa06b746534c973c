import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Like, hide and delete a comment from the inbox (issue 9; DESIGN.md §5 "handled without reply").
 *
 * message_action holds each request an agent made: queued until the worker has done it on the
 * network (done) or given up (failed, with the reason). One queued row per message and action at a
 * time, so a double click queues one job. message.liked is the page's like, as hidden and deleted
 * are the other effects; the worker sets them together with handled_* when the network confirms.
 */
export class MessageActions1732950000000 implements MigrationInterface {
  name = 'MessageActions1732950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE message ADD COLUMN liked boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE TABLE message_action (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        message_id bigint NOT NULL REFERENCES message(id) ON DELETE CASCADE,
        action text NOT NULL CHECK (action IN ('like', 'unlike', 'hide', 'unhide', 'delete')),
        state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'done', 'failed')),
        error text,
        requested_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX message_action_message_idx ON message_action (message_id, id DESC)`);
    await q.query(`CREATE UNIQUE INDEX message_action_queued_uniq ON message_action (message_id, action) WHERE state = 'queued'`);
    // Dashboards learn of every queued/done/failed action (and of a like, which changes no column
    // the message trigger watches) as message.updated, in the payload of the inbox-api migration.
    await q.query(`
      CREATE FUNCTION resonance_notify_message_actions() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE r record;
      BEGIN
        FOR r IN SELECT workspace_id, array_agg(DISTINCT message_id::text) AS ids FROM changed_actions GROUP BY workspace_id LOOP
          PERFORM pg_notify('resonance_db_events',
            json_build_object('kind', 'messages.updated', 'workspaceId', r.workspace_id,
                              'ids', r.ids[1:200], 'count', cardinality(r.ids))::text);
        END LOOP;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER message_action_inserted_notify AFTER INSERT ON message_action
        REFERENCING NEW TABLE AS changed_actions FOR EACH STATEMENT
        EXECUTE FUNCTION resonance_notify_message_actions()`);
    await q.query(`
      CREATE TRIGGER message_action_updated_notify AFTER UPDATE ON message_action
        REFERENCING NEW TABLE AS changed_actions FOR EACH STATEMENT
        EXECUTE FUNCTION resonance_notify_message_actions()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE message_action`);
    await q.query(`DROP FUNCTION resonance_notify_message_actions()`);
    await q.query(`ALTER TABLE message DROP COLUMN liked`);
  }
}
