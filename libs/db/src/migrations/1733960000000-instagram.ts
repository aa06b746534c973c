import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Instagram, the sixth network (issue 27): channel accounts and connect flows may be Instagram's.
 * Threads, messages and posts take their network from the channel account; the SLA targets'
 * check (1733860000000) already names it.
 */
export class Instagram1733960000000 implements MigrationInterface {
  name = 'Instagram1733960000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['channel_account', 'oauth_connect']) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_network_check`);
      await q.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_network_check CHECK (network IN ('facebook', 'instagram', 'x', 'linkedin', 'youtube', 'xing'))`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    // Instagram's rows go with the network (cascading to their threads, messages and posts).
    await q.query(`DELETE FROM oauth_connect WHERE network = 'instagram'`);
    await q.query(`DELETE FROM channel_account WHERE network = 'instagram'`);
    for (const table of ['channel_account', 'oauth_connect']) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_network_check`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_network_check CHECK (network IN ('facebook', 'x', 'linkedin', 'youtube', 'xing'))`);
    }
  }
}
