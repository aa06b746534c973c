import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The worker's outbound recovery sweep (apps/worker/src/outbound/outbound-recovery.ts) pages over
 * replies still queued or sending and like/hide/delete requests still queued, by id. These partial
 * indexes hold only those rows: ingested messages (delivery NULL) never enter them, so the ingest
 * path pays one predicate check per row and nothing else.
 */
export class OutboundRecovery1733630000000 implements MigrationInterface {
  name = 'OutboundRecovery1733630000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX message_pending_delivery_id_idx ON message (id) WHERE delivery IN ('queued', 'sending')`);
    await q.query(`CREATE INDEX message_action_queued_id_idx ON message_action (id) WHERE state = 'queued'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX message_action_queued_id_idx`);
    await q.query(`DROP INDEX message_pending_delivery_id_idx`);
  }
}
