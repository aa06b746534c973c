import { createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, type Config } from '@resonance/config';
import { FreshReads } from '../common/fresh-reads';
import { SESSION_IDLE_MS, SESSION_MAX_MS, type AuthUser } from './auth.types';
import { SessionsRepository } from './sessions.repository';

/** 32 random bytes, base64url. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Server-side sessions. The cookie holds 32 random bytes; the table holds their HMAC under
 * SESSION_SECRET, so a copy of the table cannot be replayed as cookies.
 */
@Injectable()
export class SessionService {
  /**
   * A dashboard sends its requests side by side (a live refetch asks for the list, the thread and
   * its messages at once): their lookups of one session share one statement, which starts after
   * each of them arrived (common/fresh-reads.ts), so a logout, deactivation or role change
   * committed before a request still refuses it. Nothing is kept once the statement answered.
   */
  readonly lookups = new FreshReads<AuthUser | null>();

  constructor(
    @Inject(SessionsRepository) private readonly repository: SessionsRepository,
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
    await this.repository.insert({
      id: this.idOf(token),
      workspaceId: input.workspaceId,
      userId: input.userId,
      csrfToken,
      idleMs: SESSION_IDLE_MS,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      ip: input.ip ?? null,
    });
    return { token, csrfToken };
  }

  /**
   * The user behind a cookie token, in one statement: the lookup, and (at most every five minutes)
   * sliding the idle expiry forward, capped at SESSION_MAX_MS after sign-in.
   */
  async resolve(token: string): Promise<AuthUser | null> {
    if (!TOKEN_SHAPE.test(token)) return null;
    const id = this.idOf(token);
    return this.lookups.read(id, () => this.lookup(id));
  }

  private async lookup(id: string): Promise<AuthUser | null> {
    const row = await this.repository.resolve(id, SESSION_IDLE_MS, SESSION_MAX_MS);
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
    await this.repository.delete(sessionId);
  }

  /** Signs a user out everywhere (but the given session): after a password change or deactivation. */
  async destroyForUser(userId: string, exceptSessionId?: string): Promise<void> {
    await this.repository.deleteForUser(userId, exceptSessionId ?? null);
  }
}
