import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { filter, Observable, Subject } from 'rxjs';
import { DataSource } from 'typeorm';
import type { Pool } from 'pg';
import { CONFIG, type Config } from '@resonance/config';
import { createSidePool, type SqlConnection } from '@resonance/db';
import { SessionService, type SessionEndSignal } from '../auth/session.service';
import { DbChanges, MAX_MESSAGES_PER_NOTIFICATION, type DbNotification } from './db-changes';
import type { LiveEvent, PresenceEntry, WorkspaceEvent } from './live-event';
import { PgListener } from './pg-listener';
import { PG_SESSION_ENDS_CHANNEL, SessionStreams } from './session-streams';
import { PG_DB_EVENTS_CHANNEL, PG_EVENTS_CHANNEL, PostgresTransport, RedisTransport, type EventTransport } from './transports';

const PG_PAYLOAD_LIMIT = 7_800;
/** After an inbox.changed, database changes of the workspace gather this long before the next load. */
export const INBOX_CHANGED_GATHER_MS = 250;
/**
 * After any other send, this long. Each send is a write on every open stream of the workspace
 * (a syscall and Nest's SSE pipeline per stream); while the worker stores a page every few
 * milliseconds, sending each load's events at once made 20+ writes a second per stream, the api's
 * largest cost with 200 streams (bench --agents CPU profile: writev alone 20 %). A lone change
 * still goes out at once: the gather is after a send, not before.
 */
export const LIVE_GATHER_MS = 100;
/**
 * Events a workspace's messages may cost per second over all its open streams of this api copy
 * (a message sent one by one is a message event and a thread event on every stream). Beyond it
 * they go as one inbox.changed: 5 dashboards get up to MAX_MESSAGES_PER_NOTIFICATION messages a
 * second one by one, 200 dashboards 10.
 */
export const LIVE_STREAM_WRITES_PER_SECOND = 4_000;
/**
 * Connections of the live-event loads, beside the request pool: loads run one at a time per
 * workspace, so two serve two busy workspaces at once. In the request pool they waited behind
 * ~100 requests (bench --agents: live p95 0.8 → 8.5 s once the requests' queue grew).
 */
export const LIVE_READ_CONNECTIONS = 2;

/**
 * Live events of every api copy. Events the api causes (thread changes, notes, presence) travel
 * over Redis pub/sub when REDIS_URL is set, else PostgreSQL NOTIFY; every copy, the sender too,
 * hands them to its own open streams. Message inserts and updates (whoever made them: ingest,
 * outbound worker, api) come from the database's own NOTIFY triggers, which every copy LISTENs to,
 * as are the ends of sessions (handed to SessionStreams, which closes those sessions' streams).
 */
@Injectable()
export class EventBus implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('EventBus');
  private readonly local = new Subject<WorkspaceEvent>();
  private readonly presence = new Map<string, PresenceEntry & { workspaceId: string }>();
  private readonly transport: EventTransport;
  private listener: PgListener | null = null;
  /** Where the live events' loads run (createSidePool): never behind the requests in the api's pool. */
  private reads: { pool: Pool; connection: SqlConnection } | null = null;
  private sweeper: NodeJS.Timeout | undefined;
  /** Per workspace with a load running: the database notifications (DbChanges) that arrived since it began. */
  private readonly queued = new Map<string, DbNotification[]>();
  /** Per workspace, messages sent one by one (message.created/updated) in the current second. */
  private readonly sentOneByOne = new Map<string, { start: number; messages: number }>();
  /** Per workspace, the open streams of this api copy. */
  private readonly streams = new Map<string, number>();

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CONFIG) config: Config,
    @Inject(DbChanges) private readonly dbChanges: DbChanges,
    @Inject(SessionStreams) private readonly sessionStreams: SessionStreams,
    @Inject(SessionService) private readonly sessions: SessionService,
  ) {
    this.transport = config.REDIS_URL ? new RedisTransport(config.REDIS_URL, `${config.QUEUE_PREFIX}:live-events`) : new PostgresTransport(dataSource);
  }

  get transportKind(): 'redis' | 'postgres' {
    return this.transport.kind;
  }

  async onModuleInit(): Promise<void> {
    const url = (this.dataSource.options as { url?: string }).url;
    if (!url) throw new Error('live events need the database URL');
    this.reads = createSidePool({ url, max: LIVE_READ_CONNECTIONS, applicationName: 'resonance-api-live' });
    const channels = [PG_DB_EVENTS_CHANNEL, PG_SESSION_ENDS_CHANNEL, ...(this.transport.kind === 'postgres' ? [PG_EVENTS_CHANNEL] : [])];
    this.listener = new PgListener(
      url,
      channels,
      (channel, payload) => {
        if (channel === PG_EVENTS_CHANNEL) this.received(payload);
        else if (channel === PG_SESSION_ENDS_CHANNEL) {
          this.sessions.sessionsEnded(parseSignal(payload));
          this.sessionStreams.signal(payload);
        } else this.dbChanged(payload);
      },
      () => {
        // Kept session lookups may have missed their end while the listener was away.
        this.sessions.forgetAll();
        this.resync();
        // Sessions may have ended while the listener was away: ask the database now.
        void this.sessionStreams.recheck();
      },
      (message) => this.logger.warn(message),
    );
    await this.listener.start();
    // Session lookups are kept a few seconds only while this listener would say when they end.
    const listener = this.listener;
    this.sessions.useCache(() => listener.connected);
    await this.transport.start((payload) => this.received(payload));
    this.sweeper = setInterval(() => this.sweepPresence(), 5_000);
    this.sweeper.unref();
    this.logger.log(`live events over ${this.transport.kind}; database changes over PostgreSQL LISTEN`);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.sweeper);
    this.local.complete();
    await this.listener?.close();
    await this.transport.close();
    await this.reads?.pool.end().catch(() => undefined);
  }

  /** The events of one workspace, as they happen. */
  stream(workspaceId: string): Observable<WorkspaceEvent> {
    const events = this.local.pipe(filter((e) => e.workspaceId === workspaceId || e.workspaceId === '*'));
    return new Observable<WorkspaceEvent>((subscriber) => {
      this.streams.set(workspaceId, (this.streams.get(workspaceId) ?? 0) + 1);
      const subscription = events.subscribe(subscriber);
      return () => {
        subscription.unsubscribe();
        const left = (this.streams.get(workspaceId) ?? 1) - 1;
        if (left > 0) this.streams.set(workspaceId, left);
        else this.streams.delete(workspaceId);
      };
    });
  }

  /** Messages of the workspace that may go one by one per second, for its number of open streams. */
  private oneByOnePerSecond(workspaceId: string): number {
    const streams = Math.max(1, this.streams.get(workspaceId) ?? 1);
    return Math.max(1, Math.min(MAX_MESSAGES_PER_NOTIFICATION, Math.floor(LIVE_STREAM_WRITES_PER_SECOND / (2 * streams))));
  }

  /** Sends an event to every api copy's streams of the workspace. Never throws: live is best effort. */
  async publish(workspaceId: string, event: LiveEvent): Promise<void> {
    let payload = JSON.stringify({ ...event, workspaceId, eventId: randomUUID() });
    if (this.transport.kind === 'postgres' && Buffer.byteLength(payload) > PG_PAYLOAD_LIMIT) {
      payload = JSON.stringify(shrink({ ...event, workspaceId, eventId: randomUUID() }));
    }
    try {
      await this.transport.publish(payload);
    } catch (error) {
      this.logger.warn(`could not publish ${event.type}: ${(error as Error).message}`);
    }
  }

  /** Who is viewing or typing in the workspace's threads right now (entries not yet expired). */
  presenceOf(workspaceId: string): PresenceEntry[] {
    const now = Date.now();
    return [...this.presence.values()].filter((p) => p.workspaceId === workspaceId && Date.parse(p.expiresAt) > now).map(({ workspaceId: _, ...p }) => p);
  }

  private received(payload: string): void {
    let event: WorkspaceEvent;
    try {
      event = JSON.parse(payload) as WorkspaceEvent;
    } catch {
      return;
    }
    if (event.type === 'presence') {
      const key = `${event.threadId}:${event.user.id}`;
      if (event.state === 'left') this.presence.delete(key);
      else
        this.presence.set(key, { workspaceId: event.workspaceId, threadId: event.threadId, user: event.user, state: event.state, expiresAt: event.expiresAt });
    }
    this.local.next(event);
  }

  private dbChanged(payload: string): void {
    // No dashboard has a stream open on this copy: nobody would get the events, so the two
    // queries per notification (one per stored page while the worker ingests) are skipped.
    if (!this.local.observed) return;
    const notification = DbChanges.parse(payload);
    if (!notification) return;
    // One load after another per workspace, in the order the database sent them: each load reads the
    // rows as they are when it runs, so two loads of one reply (sending, then sent) running side by
    // side on the pool could finish in the wrong order and leave every dashboard on the older state
    // for good. What arrives while a load runs waits, and the next load takes all of it at once.
    const key = notification.workspaceId;
    const queued = this.queued.get(key);
    if (queued) {
      queued.push(notification);
      return;
    }
    this.queued.set(key, [notification]);
    void this.drain(key);
  }

  /** Loads and sends the workspace's queued notifications until none are left. */
  private async drain(key: string): Promise<void> {
    for (;;) {
      const batch = this.queued.get(key) ?? [];
      if (!batch.length) {
        this.queued.delete(key);
        if (Date.now() - (this.sentOneByOne.get(key)?.start ?? 0) >= 1_000) this.sentOneByOne.delete(key);
        return;
      }
      this.queued.set(key, []);
      try {
        const now = Date.now();
        let second = this.sentOneByOne.get(key);
        if (!second || now - second.start >= 1_000) this.sentOneByOne.set(key, (second = { start: now, messages: 0 }));
        const events = await this.dbChanges.toEventsOfBatch(batch, this.oneByOnePerSecond(key) - second.messages, this.reads?.connection);
        const flood = events.some((e) => e.type === 'inbox.changed');
        if (!flood) second.messages += DbChanges.messageCount(batch);
        events.forEach((e) => this.local.next(e));
        // What arrives next gathers for a moment and goes out with one write per stream; after a
        // flood's inbox.changed longer, so the streams carry a few of them a second.
        if (events.length) await new Promise((r) => setTimeout(r, flood ? INBOX_CHANGED_GATHER_MS : LIVE_GATHER_MS));
      } catch (error) {
        this.logger.warn(`could not load changed messages: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  /** After a gap in the database listener: tell every dashboard to refetch. */
  private resync(): void {
    this.local.next({ type: 'inbox.changed', count: 0, workspaceId: '*', eventId: randomUUID() });
  }

  private sweepPresence(): void {
    const now = Date.now();
    for (const [key, p] of this.presence) if (Date.parse(p.expiresAt) <= now) this.presence.delete(key);
  }
}

/** A resonance_session_ends payload (nothing when it is not a JSON object). */
function parseSignal(payload: string): SessionEndSignal {
  try {
    const signal: unknown = JSON.parse(payload);
    return typeof signal === 'object' && signal !== null ? signal : {};
  } catch {
    return {};
  }
}

/** Keeps a too-large event under the NOTIFY limit: long texts shortened, else a refetch hint. */
function shrink(event: WorkspaceEvent): WorkspaceEvent {
  if (event.type === 'note.created' || event.type === 'note.updated') return { ...event, note: { ...event.note, text: event.note.text.slice(0, 1_000) } };
  if (event.type === 'thread.updated') {
    return { ...event, thread: { ...event.thread, tags: event.thread.tags.slice(0, 20), lastMessagePreview: event.thread.lastMessagePreview.slice(0, 200) } };
  }
  return { type: 'inbox.changed', count: 1, workspaceId: event.workspaceId, eventId: event.eventId };
}
