import { createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CONFIG, type Config } from '@resonance/config';
import type { UserRole } from '@resonance/contracts';
import { SESSION_IDLE_MS, SESSION_MAX_MS, type AuthUser } from './auth.types';

/** 32 random bytes, base64url. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

interface SessionRow {
  session_id: string;
  csrf_token: string;
  user_id: string;
  workspace_id: string;
  email: string;
  name: string;
  role: UserRole;
}

/**
 * Server-side sessions. The cookie holds 32 random bytes; the table holds their HMAC under
 * SESSION_SECRET, so a copy of the table cannot be replayed as cookies.
 */
@Injectable()
export class SessionService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  private idOf(token: string): string {
    return createHmac('sha256', this.config.SESSION_SECRET).update(token).digest('hex');
  }

  /** The session table's id for a cookie token, or null when the token cannot be one of ours. */
  sessionIdOf(token: string): string | null {
    return TOKEN_SHAPE.test(token) ? this.idOf(token) : null;
  }

  async create(input: { userId: string; workspaceId: string; userAgent?: string; ip?: string }): Promise<{ token: string; csrfToken: string }> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    await this.dataSource.query(
      `INSERT INTO session (id, workspace_id, user_id, csrf_token, expires_at, user_agent, ip)
       VALUES ($1, $2, $3, $4, now() + $5 * interval '1 millisecond', $6, $7)`,
      [this.idOf(token), input.workspaceId, input.userId, csrfToken, SESSION_IDLE_MS, input.userAgent?.slice(0, 300) ?? null, input.ip ?? null],
    );
    return { token, csrfToken };
  }

  /**
   * The user behind a cookie token, in one statement: the lookup, and (at most every five minutes)
   * sliding the idle expiry forward, capped at SESSION_MAX_MS after sign-in.
   */
  async resolve(token: string): Promise<AuthUser | null> {
    if (!TOKEN_SHAPE.test(token)) return null;
    const rows = (await this.dataSource.query(
      `WITH s AS (
         SELECT s.id AS session_id, s.csrf_token, u.id AS user_id, u.workspace_id, u.email, u.name, u.role
           FROM session s JOIN users u ON u.id = s.user_id AND u.workspace_id = s.workspace_id
          WHERE s.id = $1 AND s.expires_at > now() AND u.active
       ), touch AS (
         UPDATE session SET last_seen_at = now(),
                expires_at = least(now() + $2 * interval '1 millisecond', created_at + $3 * interval '1 millisecond')
          WHERE id = $1 AND last_seen_at < now() - interval '5 minutes' AND EXISTS (SELECT 1 FROM s)
       )
       SELECT * FROM s`,
      [this.idOf(token), SESSION_IDLE_MS, SESSION_MAX_MS],
    )) as SessionRow[];
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.user_id,
      workspaceId: row.workspace_id,
      email: row.email,
      name: row.name,
      role: row.role,
      sessionId: row.session_id,
      csrfToken: row.csrf_token,
    };
  }

  async destroy(sessionId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM session WHERE id = $1`, [sessionId]);
  }

  /** Signs a user out everywhere (but the given session): after a password change or deactivation. */
  async destroyForUser(userId: string, exceptSessionId?: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM session WHERE user_id = $1 AND id IS DISTINCT FROM $2`, [userId, exceptSessionId ?? null]);
  }
}
