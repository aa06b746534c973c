import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The connect flow of the dashboard (apps/api/src/connect): one row per started OAuth flow.
 *
 * While authorizing, the row holds the state's hash (the state itself is only in the admin's
 * browser and the network's redirect) and the PKCE code_verifier, encrypted with the credentials
 * key. After the callback it holds the accounts the admin may pick (ids and names, shown) and their
 * credentials (encrypted, never shown) until the admin picks or the row expires. Rows are bound to
 * the admin's session; a finished or expired row is deleted by the next flow.
 */
export class OauthConnect1732600000000 implements MigrationInterface {
  name = 'OauthConnect1732600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE oauth_connect (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        session_id text NOT NULL,
        network text NOT NULL CHECK (network IN ('facebook', 'x', 'linkedin', 'youtube', 'xing')),
        status text NOT NULL DEFAULT 'authorizing' CHECK (status IN ('authorizing', 'picking', 'done', 'failed')),
        state_hash text NOT NULL,
        code_verifier_encrypted text,
        reconnect_channel_id uuid REFERENCES channel_account(id) ON DELETE SET NULL,
        accounts jsonb NOT NULL DEFAULT '[]',
        credentials_encrypted text,
        error text,
        state_used_at timestamptz,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX oauth_connect_expires ON oauth_connect (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE oauth_connect`);
  }
}
