import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agents correct sentiment as well as intent (issue 23):
 * - sentiment_correction: who set a message's sentiment band, from which score, when. The band is
 *   stored, and the message's score becomes −1, 0 or 1 (P(positive) − P(negative) of a label a
 *   person is sure of), so the reports' bands and mean sentiment follow the correction.
 * - (workspace_id, id) indexes on both correction tables: the worker's classifier reads a
 *   workspace's newest corrections, and asks whether there are new ones, by id.
 * A correction whose new label equals the old one is an agent's confirmation: the message was
 * reviewed and left unchanged (the intents report's measured precision counts those).
 */
export class LabelCorrections1733820000000 implements MigrationInterface {
  name = 'LabelCorrections1733820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sentiment_correction (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        message_id bigint NOT NULL REFERENCES message(id) ON DELETE CASCADE,
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        previous_sentiment real,
        sentiment text NOT NULL CHECK (sentiment IN ('negative', 'neutral', 'positive')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX sentiment_correction_workspace_idx ON sentiment_correction (workspace_id, id)`);
    await q.query(`CREATE INDEX sentiment_correction_message_idx ON sentiment_correction (message_id)`);
    await q.query(`CREATE INDEX intent_correction_workspace_id_idx ON intent_correction (workspace_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX intent_correction_workspace_id_idx`);
    await q.query(`DROP TABLE sentiment_correction`);
  }
}
