import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Observable } from 'rxjs';
import { CONFIG, type Config } from '@resonance/config';
import type { UserRole } from '@resonance/contracts';
import type { AuthUser } from '../auth/auth.types';
import { EventsRepository } from './events.repository';

/** Where the database says that sessions ended or a user's access changed (migration 1733620000000). */
export const PG_SESSION_ENDS_CHANNEL = 'resonance_session_ends';

/** Sessions checked per query in the periodic re-check. */
const RECHECK_BATCH = 1_000;

interface OpenStream {
  sessionId: string;
  userId: string;
  role: UserRole;
  end(): void;
}

interface SessionEndSignal {
  sessionIds?: unknown;
  userId?: unknown;
  recheck?: unknown;
}

/**
 * The open live-event streams of this api copy, by session. A stream is authorised once, when it
 * opens; this registry ends it when that no longer holds: at once when the database says its
 * session was deleted (logout, password change, deactivation) or its user's role, active flag or
 * password changed, and every LIVE_SESSION_RECHECK_MS by asking the database about every open
 * stream (sessions that expired, and notifications lost while the listener reconnected).
 */
@Injectable()
export class SessionStreams implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('SessionStreams');
  private readonly open = new Set<OpenStream>();
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | null = null;

  constructor(
    @Inject(EventsRepository) private readonly sessions: EventsRepository,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.recheck(), this.config.LIVE_SESSION_RECHECK_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  get size(): number {
    return this.open.size;
  }

  /** Emits (once) and completes when the stream of this session must end: use with takeUntil. */
  endOf(user: AuthUser): Observable<void> {
    return new Observable<void>((subscriber) => {
      const entry: OpenStream = {
        sessionId: user.sessionId,
        userId: user.id,
        role: user.role,
        end: () => {
          subscriber.next();
          subscriber.complete();
        },
      };
      this.open.add(entry);
      return () => this.open.delete(entry);
    });
  }

  /** A notification on PG_SESSION_ENDS_CHANNEL (from any api copy's or tool's transaction). */
  signal(payload: string): void {
    let signal: SessionEndSignal;
    try {
      signal = JSON.parse(payload) as SessionEndSignal;
    } catch {
      return;
    }
    if (Array.isArray(signal.sessionIds)) {
      const ended = new Set(signal.sessionIds.filter((id): id is string => typeof id === 'string'));
      this.endWhere((s) => ended.has(s.sessionId));
    }
    if (typeof signal.userId === 'string') {
      const userId = signal.userId;
      this.endWhere((s) => s.userId === userId);
    }
    if (signal.recheck === true) void this.recheck();
  }

  /**
   * Ends every stream whose session is gone, expired, or whose user is inactive or has another
   * role now. Never throws (a failed check is logged and the next one tries again); one at a time.
   */
  recheck(): Promise<void> {
    this.checking ??= this.checkAll()
      .catch((error: unknown) => this.logger.warn(`could not re-check the sessions of live streams: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        this.checking = null;
      });
    return this.checking;
  }

  private async checkAll(): Promise<void> {
    const sessionIds = [...new Set([...this.open].map((s) => s.sessionId))];
    for (let i = 0; i < sessionIds.length; i += RECHECK_BATCH) {
      const batch = sessionIds.slice(i, i + RECHECK_BATCH);
      const valid = await this.sessions.validSessions(batch);
      const roleOf = new Map(valid.map((v) => [v.sessionId, v.role]));
      const checked = new Set(batch);
      this.endWhere((s) => checked.has(s.sessionId) && roleOf.get(s.sessionId) !== s.role);
    }
  }

  private endWhere(ended: (s: OpenStream) => boolean): void {
    for (const stream of [...this.open]) if (ended(stream)) stream.end();
  }
}
