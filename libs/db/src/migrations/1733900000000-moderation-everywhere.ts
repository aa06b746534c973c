import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Moderation on every network (issue 25, docs/moderation.md).
 *
 * - `ban` joins the actions: hide a comment and bar its author from commenting again (YouTube's
 *   setModerationStatus rejected with banAuthor). Its effect on the message is a hide, so
 *   handled_action keeps its three values. `block` bars a comment's author from the page
 *   (Facebook) and changes nothing on the message.
 * - message_action.attempted_at: set (and committed) just before the worker calls the network. A
 *   run that finds it set knows an earlier attempt may have reached the network before the worker
 *   died, and asks the network whether the effect is in place before calling again — the
 *   exactly-once guarantee replies get from their 'sending' state.
 */
export class ModerationEverywhere1733900000000 implements MigrationInterface {
  name = 'ModerationEverywhere1733900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE message_action DROP CONSTRAINT message_action_action_check`);
    await q.query(`ALTER TABLE message_action ADD CONSTRAINT message_action_action_check CHECK (action IN ('like', 'unlike', 'hide', 'unhide', 'delete', 'ban', 'block'))`);
    await q.query(`ALTER TABLE message_action ADD COLUMN attempted_at timestamptz`);
    // Whether a message's author is blocked (MessageItem.actions): the done blocks, few, in their own index.
    await q.query(`CREATE INDEX message_action_block_idx ON message_action (message_id) WHERE action = 'block' AND state = 'done'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX message_action_block_idx`);
    await q.query(`ALTER TABLE message_action DROP COLUMN attempted_at`);
    await q.query(`DELETE FROM message_action WHERE action IN ('ban', 'block')`);
    await q.query(`ALTER TABLE message_action DROP CONSTRAINT message_action_action_check`);
    await q.query(`ALTER TABLE message_action ADD CONSTRAINT message_action_action_check CHECK (action IN ('like', 'unlike', 'hide', 'unhide', 'delete'))`);
  }
}
