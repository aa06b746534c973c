import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The external classifier (issue 23, apps/worker/src/classify):
 * - message.label_source: who set the intent and sentiment at ingest — NULL for the built-in model,
 *   'external' once the company's own classifier relabelled the message. A constant-free nullable
 *   column: adding it rewrites nothing, and ingest never writes it.
 * - external_classifier_cursor: one row, the id of the newest message handed to the external
 *   classifier (the relabelling walks new inbound messages by primary key, so ingest needs no hook
 *   and no queue per page), and what came of it so far.
 */
export class ExternalClassifier1733970000000 implements MigrationInterface {
  name = 'ExternalClassifier1733970000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE message ADD COLUMN label_source text CHECK (label_source IN ('external'))`);
    await q.query(`
      CREATE TABLE external_classifier_cursor (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        last_message_id bigint NOT NULL,
        relabelled bigint NOT NULL DEFAULT 0,
        kept_builtin bigint NOT NULL DEFAULT 0,
        failed_batches bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE external_classifier_cursor`);
    await q.query(`ALTER TABLE message DROP COLUMN label_source`);
  }
}
