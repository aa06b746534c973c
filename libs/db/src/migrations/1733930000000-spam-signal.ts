import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The spam/abuse signal and YouTube's held-for-review comments (issue 25, docs/moderation.md).
 *
 * - message.spam_reasons: why the ingest thinks an inbound message may be spam or abuse (codes of
 *   SPAM_REASONS in libs/contracts; empty: no sign). Written by the ingest's INSERT, never later.
 * - message.text_fingerprint: a hash of the inbound text, normalised (lower case, no punctuation or
 *   spacing), for `repeated_text`: the ingest's INSERT looks for the same fingerprint in other threads
 *   of the workspace within a window through message_text_fingerprint_idx (short texts have none:
 *   "thanks!" repeated is no spam).
 * - message.held_for_review: YouTube holds the comment for the channel to review (commentThreads.list
 *   moderationStatus=heldForReview); it is stored hidden as well, since nobody but the channel sees it.
 * - workspace.own_domains: the company's own domains, which links may point to without being
 *   `link_unknown_domain` (an admin setting).
 */
export class SpamSignal1733930000000 implements MigrationInterface {
  name = 'SpamSignal1733930000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE message ADD COLUMN spam_reasons text[] NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE message ADD COLUMN text_fingerprint bigint`);
    await q.query(`ALTER TABLE message ADD COLUMN held_for_review boolean NOT NULL DEFAULT false`);
    await q.query(`CREATE INDEX message_text_fingerprint_idx ON message (workspace_id, text_fingerprint, created_at) WHERE text_fingerprint IS NOT NULL`);
    // The inbox filters "Possible spam" and "Held for review" probe these per candidate thread; both sets are small.
    await q.query(`CREATE INDEX message_spam_thread_idx ON message (thread_id) WHERE spam_reasons <> '{}'`);
    await q.query(`CREATE INDEX message_held_thread_idx ON message (thread_id) WHERE held_for_review`);
    await q.query(`ALTER TABLE workspace ADD COLUMN own_domains text[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE workspace DROP COLUMN own_domains`);
    await q.query(`DROP INDEX message_held_thread_idx`);
    await q.query(`DROP INDEX message_spam_thread_idx`);
    await q.query(`DROP INDEX message_text_fingerprint_idx`);
    await q.query(`ALTER TABLE message DROP COLUMN held_for_review`);
    await q.query(`ALTER TABLE message DROP COLUMN text_fingerprint`);
    await q.query(`ALTER TABLE message DROP COLUMN spam_reasons`);
  }
}
