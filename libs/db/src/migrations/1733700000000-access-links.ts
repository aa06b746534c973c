import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * First run and one-time links (issue 21, item 4):
 * - users.password_hash may be NULL: an invited user exists (assignable, listed) but cannot sign in
 *   until they set a password through their invitation link. No password travels for them.
 * - user_access_link: one-time links an admin hands over, to set a first password (invite) or a new
 *   one (reset). Only the SHA-256 of the token is stored, so a copy of the table opens no account;
 *   used_at makes a link single-use, expires_at makes it short-lived.
 */
export class AccessLinks1733700000000 implements MigrationInterface {
  name = 'AccessLinks1733700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL`);
    await q.query(`
      CREATE TABLE user_access_link (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('invite', 'reset')),
        token_hash text NOT NULL UNIQUE,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query(`CREATE INDEX user_access_link_user_idx ON user_access_link (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_access_link`);
    await q.query(`DELETE FROM users WHERE password_hash IS NULL`);
    await q.query(`ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL`);
  }
}
