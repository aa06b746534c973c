import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Private replies (issue 27, docs/instagram.md): an outbound direct message sent to a comment's
 * author, addressed by the comment. message.private_reply_to names the comment it answers; the
 * unique partial index makes "once per comment" a fact of the database, so a double click, two
 * tabs or two agents can never queue a second one. A nullable column without default: adding it
 * rewrites nothing, and the index holds only the (few) private replies.
 */
export class PrivateReplies1733980000000 implements MigrationInterface {
  name = 'PrivateReplies1733980000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE message ADD COLUMN private_reply_to bigint REFERENCES message(id) ON DELETE SET NULL`);
    await q.query(`CREATE UNIQUE INDEX message_private_reply_to_key ON message (private_reply_to) WHERE private_reply_to IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX message_private_reply_to_key`);
    await q.query(`ALTER TABLE message DROP COLUMN private_reply_to`);
  }
}
