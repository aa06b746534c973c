import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Security and data care (issue 13):
 * - webhook_delivery: the hash of every verified webhook body seen, so a replayed delivery (the same
 *   signed bytes sent again, by the network's retries or by someone who captured it) queues nothing.
 *   Rows older than the replay window are pruned by the receiver.
 * - api_rate_limit: fixed-window counters of API writes per session or client address, in
 *   PostgreSQL so every api copy shares them.
 * - workspace.retention_days: messages older than this many days are deleted by the retention job
 *   (NULL keeps them for ever).
 */
export class Security1732700000000 implements MigrationInterface {
  name = 'Security1732700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_delivery (
        network text NOT NULL,
        delivery_id text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (network, delivery_id)
      )`);
    await q.query(`CREATE INDEX webhook_delivery_received_at ON webhook_delivery (received_at)`);
    await q.query(`
      CREATE TABLE api_rate_limit (
        key text PRIMARY KEY,
        hits integer NOT NULL,
        window_started_at timestamptz NOT NULL
      )`);
    await q.query(`ALTER TABLE workspace ADD COLUMN retention_days integer CHECK (retention_days IS NULL OR retention_days > 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE workspace DROP COLUMN retention_days`);
    await q.query(`DROP TABLE api_rate_limit`);
    await q.query(`DROP TABLE webhook_delivery`);
  }
}
