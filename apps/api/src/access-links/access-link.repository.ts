import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ACCESS_LINK_DAYS, type AccessLinkPurpose } from '@resonance/contracts';

/** What the database knows about a presented token: the link and its user, locked for the caller's transaction. */
export interface StoredAccessLink {
  id: string;
  purpose: AccessLinkPurpose;
  workspaceId: string;
  userId: string;
  email: string;
  name: string;
  userActive: boolean;
  expiresAt: Date;
  usedAt: Date | null;
  expired: boolean;
}

/** 32 random bytes, URL-safe: the secret of a link. Only its SHA-256 is stored. */
export const newToken = (): string => randomBytes(32).toString('base64url');
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The SQL of user_access_link. */
export const accessLinkRepository = {
  /** A new link for the user; the user's earlier unused links stop working (one live link per user). */
  async insert(tx: EntityManager, input: { workspaceId: string; userId: string; purpose: AccessLinkPurpose; createdBy: string | null; token: string }): Promise<Date> {
    await tx.query(`DELETE FROM user_access_link WHERE user_id = $1 AND used_at IS NULL`, [input.userId]);
    const [row] = (await tx.query(
      `INSERT INTO user_access_link (workspace_id, user_id, purpose, token_hash, created_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6)) RETURNING expires_at AS "expiresAt"`,
      [input.workspaceId, input.userId, input.purpose, tokenHash(input.token), input.createdBy, ACCESS_LINK_DAYS],
    )) as Array<{ expiresAt: Date }>;
    return row.expiresAt;
  },

  /** The link of a token, or undefined; `lock` holds its row until the transaction ends (single use). */
  async find(tx: EntityManager, token: string, lock: boolean): Promise<StoredAccessLink | undefined> {
    const [row] = (await tx.query(
      `SELECT l.id, l.purpose, l.workspace_id AS "workspaceId", l.user_id AS "userId", u.email, u.name, u.active AS "userActive",
              l.expires_at AS "expiresAt", l.used_at AS "usedAt", l.expires_at <= now() AS expired
         FROM user_access_link l JOIN users u ON u.id = l.user_id
        WHERE l.token_hash = $1 ${lock ? 'FOR UPDATE OF l' : ''}`,
      [tokenHash(token)],
    )) as StoredAccessLink[];
    return row;
  },

  /** Sets the password, uses the link up and ends the user's sessions (a reset locks out whoever had them). */
  async consume(tx: EntityManager, link: StoredAccessLink, passwordHash: string): Promise<void> {
    await tx.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [link.userId, passwordHash]);
    await tx.query(`UPDATE user_access_link SET used_at = now() WHERE id = $1`, [link.id]);
    await tx.query(`DELETE FROM session WHERE user_id = $1`, [link.userId]);
  },
};
