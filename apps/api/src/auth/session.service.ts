import { createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, type Config } from '@resonance/config';
import { FreshReads } from '../common/fresh-reads';
import { SESSION_IDLE_MS, SESSION_MAX_MS, type AuthUser } from './auth.types';
import { SessionsRepository } from './sessions.repository';

/** 32 random bytes, base64url. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * How long a session's lookup answers the requests after it (a dashboard's burst: its click, the
 * live refetch trio, the next click), unless the database says first that it ended (below).
 */
export const SESSION_CACHE_MS = 5_000;
/** At most this many sessions kept (an api copy serves a few hundred dashboards at once). */
const SESSION_CACHE_ENTRIES = 10_000;

/** What the database says on resonance_session_ends (migration 1733620000000; events/session-streams.ts ends the streams). */
export interface SessionEndSignal {
  sessionIds?: unknown;
  userId?: unknown;
  recheck?: unknown;
}

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
   * committed before a request still refuses it. Its answer is then kept a few seconds (`cache`).
   */
  readonly lookups = new FreshReads<AuthUser | null>();
  /**
   * The users of sessions looked up in the last SESSION_CACHE_MS (never past the session's expiry),
   * by session id. The lookup was a query per request: with 200 dashboards ~40 % of the api's
   * statements, each holding a pooled connection while a starved event loop got to its result
   * (bench --agents). An entry ends at once when the database says on resonance_session_ends that
   * its session was deleted (logout, password change, deactivation) or its user's role, active
   * flag, password or workspace changed — so another api copy's change ends access as soon as its
   * notification arrives (milliseconds), this copy's own at once (destroy, destroyForUser, forgetUser).
   * Only while the listener is connected (`useCache`): without it nothing is kept, and after a gap
   * everything kept is dropped (notifications may have been lost). Requests share the kept
   * AuthUser: it is read-only.
   */
  private readonly cache = new Map<string, { user: AuthUser; until: number }>();
  /** Bumped by every forget: a lookup that started before it must not keep its (maybe stale) answer. */
  private generation = 0;
  private cacheOn: () => boolean = () => false;
  /** Lookups answered from the cache (tests and the metrics). */
  cacheHits = 0;

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
    const kept = this.cache.get(id);
    if (kept) {
      if (kept.until > Date.now() && this.cacheOn()) {
        this.cacheHits += 1;
        return kept.user;
      }
      this.cache.delete(id);
    }
    return this.lookups.read(id, () => this.lookup(id));
  }

  /**
   * Keeps lookups for SESSION_CACHE_MS while `listening()` says the session-ends listener is
   * connected (the event bus calls it once its listener started, and `forgetAll` after a gap).
   */
  useCache(listening: () => boolean): void {
    this.cacheOn = listening;
  }

  /** A notification on resonance_session_ends: the sessions and users it names are looked up afresh. */
  sessionsEnded(signal: SessionEndSignal): void {
    if (signal.recheck === true) {
      this.forgetAll();
      return;
    }
    if (Array.isArray(signal.sessionIds)) for (const id of signal.sessionIds) if (typeof id === 'string') this.forget(id);
    if (typeof signal.userId === 'string') this.forgetUser(signal.userId);
  }

  /** The user's sessions are looked up afresh (this copy changed the user: name, role, active, password). */
  forgetUser(userId: string): void {
    this.generation += 1;
    for (const [id, kept] of this.cache) if (kept.user.id === userId) this.cache.delete(id);
  }

  /** Nothing kept is used again (the listener was away: notifications may be lost). */
  forgetAll(): void {
    this.generation += 1;
    this.cache.clear();
  }

  /** Drops the expired entries, and all of them if that is not enough (an entry is only ever a saved query). */
  private prune(): void {
    const now = Date.now();
    for (const [id, kept] of this.cache) if (kept.until <= now) this.cache.delete(id);
    if (this.cache.size >= SESSION_CACHE_ENTRIES) this.cache.clear();
  }

  private forget(sessionId: string): void {
    this.generation += 1;
    this.cache.delete(sessionId);
  }

  private async lookup(id: string): Promise<AuthUser | null> {
    const generation = this.generation;
    const row = await this.repository.resolve(id, SESSION_IDLE_MS, SESSION_MAX_MS);
    if (!row) return null;
    const user: AuthUser = {
      id: row.user_id,
      workspaceId: row.workspace_id,
      email: row.email,
      name: row.name,
      role: row.role,
      sessionId: row.session_id,
      csrfToken: row.csrf_token,
    };
    // Kept only if nothing was forgotten while the statement ran (its answer may predate that).
    if (generation === this.generation && this.cacheOn()) {
      if (this.cache.size >= SESSION_CACHE_ENTRIES) this.prune();
      this.cache.set(id, { user, until: Date.now() + Math.min(SESSION_CACHE_MS, row.expires_in_ms) });
    }
    return user;
  }

  async destroy(sessionId: string): Promise<void> {
    this.forget(sessionId);
    await this.repository.delete(sessionId);
    this.forget(sessionId);
  }

  /** Signs a user out everywhere (but the given session): after a password change or deactivation. */
  async destroyForUser(userId: string, exceptSessionId?: string): Promise<void> {
    this.forgetUser(userId);
    await this.repository.deleteForUser(userId, exceptSessionId ?? null);
    this.forgetUser(userId);
  }
}
