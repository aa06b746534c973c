import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Three foreign keys that ingestion paid for on every inserted row: a message's author contact,
 * and a thread's contact and post (all ON DELETE SET NULL). Ingestion takes those ids from a join
 * with the contact and post rows in the same statement, so the per-row check (a lookup and a row
 * lock) only repeated what the join had just found: about 9 % of PostgreSQL's ingest time (40,040
 * bench messages replayed: 95–97 µs a message with the checks, 86–88 without).
 *
 * What the keys did on delete stays, as statement-level triggers: deleting contacts or posts
 * clears the references to them, in one UPDATE per table and statement. That is also cheaper than
 * the key was: message.author_contact_id has no index, and the key's SET NULL scanned the message
 * table once per deleted contact (deleting a channel account with 60,000 contacts ran for more
 * than ten minutes); the trigger scans it once per statement.
 */
export class IngestReferenceChecks1733400000000 implements MigrationInterface {
  name = 'IngestReferenceChecks1733400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE message DROP CONSTRAINT message_author_contact_id_fkey`);
    await q.query(`ALTER TABLE thread DROP CONSTRAINT thread_contact_id_fkey`);
    await q.query(`ALTER TABLE thread DROP CONSTRAINT thread_post_id_fkey`);
    await q.query(`
      CREATE FUNCTION resonance_forget_deleted_contacts() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE message SET author_contact_id = NULL WHERE author_contact_id IN (SELECT id FROM deleted_contacts);
        UPDATE thread SET contact_id = NULL WHERE contact_id IN (SELECT id FROM deleted_contacts);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER contact_deleted_forget AFTER DELETE ON contact
        REFERENCING OLD TABLE AS deleted_contacts FOR EACH STATEMENT
        EXECUTE FUNCTION resonance_forget_deleted_contacts()`);
    await q.query(`
      CREATE FUNCTION resonance_forget_deleted_posts() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE thread SET post_id = NULL WHERE post_id IN (SELECT id FROM deleted_posts);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER post_deleted_forget AFTER DELETE ON post
        REFERENCING OLD TABLE AS deleted_posts FOR EACH STATEMENT
        EXECUTE FUNCTION resonance_forget_deleted_posts()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER post_deleted_forget ON post`);
    await q.query(`DROP FUNCTION resonance_forget_deleted_posts()`);
    await q.query(`DROP TRIGGER contact_deleted_forget ON contact`);
    await q.query(`DROP FUNCTION resonance_forget_deleted_contacts()`);
    await q.query(`ALTER TABLE thread ADD CONSTRAINT thread_post_id_fkey FOREIGN KEY (post_id) REFERENCES post(id) ON DELETE SET NULL`);
    await q.query(`ALTER TABLE thread ADD CONSTRAINT thread_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES contact(id) ON DELETE SET NULL`);
    await q.query(`ALTER TABLE message ADD CONSTRAINT message_author_contact_id_fkey FOREIGN KEY (author_contact_id) REFERENCES contact(id) ON DELETE SET NULL`);
  }
}
