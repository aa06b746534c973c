import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rules that moderate and route (issue 25 part 2, docs/rules.md).
 *
 * - rule: an admin's conditions → actions, evaluated by the worker's ingest in `position` order.
 *   Its counts (matched, suggested, accepted) are kept on the row: the rules list shows them.
 * - rule_set: one row per workspace with rules, whose `version` every change of its rules bumps
 *   (statement trigger). The worker caches a workspace's compiled rules and reloads them only when
 *   the version it reads differs — one primary-key read per batch instead of the rules themselves.
 * - rule_suggestion: a suggest-mode rule's proposed action on a message; accepted or dismissed by a
 *   person (accepting runs the action through the normal path).
 * - rule_run: an action a rule took on its own: the link from the effect (a message_action row, a
 *   thread change) to the rule, with what was there before, so the thread can undo it.
 * - message_action.rule_run_id: a moderation request made by a rule (requested_by is then NULL).
 */
export class Rules1733920000000 implements MigrationInterface {
  name = 'Rules1733920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rule (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        position integer NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        enabled boolean NOT NULL DEFAULT true,
        mode text NOT NULL CHECK (mode IN ('suggest', 'auto')),
        stop_after boolean NOT NULL DEFAULT false,
        conditions jsonb NOT NULL CHECK (jsonb_typeof(conditions) = 'array'),
        actions jsonb NOT NULL CHECK (jsonb_typeof(actions) = 'array'),
        matched_count bigint NOT NULL DEFAULT 0,
        suggested_count bigint NOT NULL DEFAULT 0,
        accepted_count bigint NOT NULL DEFAULT 0,
        -- The next round-robin turn of an assignRoundRobin action.
        turn bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX rule_workspace_idx ON rule (workspace_id, position, id)`);
    await q.query(`
      CREATE TABLE rule_set (
        workspace_id uuid PRIMARY KEY REFERENCES workspace(id) ON DELETE CASCADE,
        version bigint NOT NULL DEFAULT 1
      )`);
    // Counts and turns change with every match: only a change of what a rule is bumps the version.
    await q.query(`
      CREATE FUNCTION resonance_rule_set_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO rule_set (workspace_id)
             SELECT DISTINCT workspace_id FROM changed_rules
        ON CONFLICT (workspace_id) DO UPDATE SET version = rule_set.version + 1;
        RETURN NULL;
      END $$`);
    for (const op of ['INSERT', 'DELETE']) {
      await q.query(`
        CREATE TRIGGER rule_${op.toLowerCase()}_version AFTER ${op} ON rule
          REFERENCING ${op === 'DELETE' ? 'OLD' : 'NEW'} TABLE AS changed_rules FOR EACH STATEMENT
          EXECUTE FUNCTION resonance_rule_set_bump()`);
    }
    // A row trigger: a statement trigger with a transition table cannot name columns.
    await q.query(`
      CREATE FUNCTION resonance_rule_set_bump_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO rule_set (workspace_id) VALUES (NEW.workspace_id)
        ON CONFLICT (workspace_id) DO UPDATE SET version = rule_set.version + 1;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER rule_update_version AFTER UPDATE OF position, name, enabled, mode, stop_after, conditions, actions ON rule
        FOR EACH ROW EXECUTE FUNCTION resonance_rule_set_bump_row()`);
    await q.query(`
      CREATE TABLE rule_suggestion (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        message_id bigint NOT NULL REFERENCES message(id) ON DELETE CASCADE,
        thread_id bigint NOT NULL REFERENCES thread(id) ON DELETE CASCADE,
        rule_id bigint REFERENCES rule(id) ON DELETE SET NULL,
        rule_name text NOT NULL,
        action_index smallint NOT NULL,
        action jsonb NOT NULL,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'dismissed')),
        decided_by uuid REFERENCES users(id) ON DELETE SET NULL,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (message_id, rule_id, action_index)
      )`);
    await q.query(`CREATE INDEX rule_suggestion_thread_idx ON rule_suggestion (thread_id, id)`);
    await q.query(`
      CREATE TABLE rule_run (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        message_id bigint NOT NULL REFERENCES message(id) ON DELETE CASCADE,
        thread_id bigint NOT NULL REFERENCES thread(id) ON DELETE CASCADE,
        rule_id bigint REFERENCES rule(id) ON DELETE SET NULL,
        rule_name text NOT NULL,
        action_index smallint NOT NULL,
        action jsonb NOT NULL,
        -- What the action replaced (priority, assignee, status, the tags it added), for undo.
        previous jsonb NOT NULL DEFAULT '{}'::jsonb,
        undone_at timestamptz,
        undone_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (message_id, rule_id, action_index)
      )`);
    await q.query(`CREATE INDEX rule_run_thread_idx ON rule_run (thread_id, id)`);
    // "Hidden by rules": the hides rules did and nobody undid, newest first.
    await q.query(`CREATE INDEX rule_run_hidden_idx ON rule_run (workspace_id, id DESC) WHERE action ->> 'type' = 'hide' AND undone_at IS NULL`);
    await q.query(`ALTER TABLE message_action ADD COLUMN rule_run_id bigint REFERENCES rule_run(id) ON DELETE SET NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE message_action DROP COLUMN rule_run_id`);
    await q.query(`DROP TABLE rule_run`);
    await q.query(`DROP TABLE rule_suggestion`);
    await q.query(`DROP TABLE rule`);
    await q.query(`DROP FUNCTION resonance_rule_set_bump()`);
    await q.query(`DROP FUNCTION resonance_rule_set_bump_row()`);
    await q.query(`DROP TABLE rule_set`);
  }
}
