import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { notify } from './events.repository';

/** Carries api-originated live events between api copies (each copy also receives its own). */
export interface EventTransport {
  readonly kind: 'redis' | 'postgres';
  publish(payload: string): Promise<void>;
  start(onMessage: (payload: string) => void): Promise<void>;
  close(): Promise<void>;
}

/** PostgreSQL NOTIFY payloads must stay under 8,000 bytes. */
export const PG_EVENTS_CHANNEL = 'resonance_events';
export const PG_DB_EVENTS_CHANNEL = 'resonance_db_events';

export class RedisTransport implements EventTransport {
  readonly kind = 'redis' as const;
  private readonly pub: Redis;
  private readonly sub: Redis;

  constructor(
    url: string,
    private readonly channel: string,
  ) {
    this.pub = new Redis(url, { maxRetriesPerRequest: 2, lazyConnect: true });
    this.sub = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true });
  }

  async start(onMessage: (payload: string) => void): Promise<void> {
    await Promise.all([this.pub.connect(), this.sub.connect()]);
    this.sub.on('message', (_channel: string, payload: string) => onMessage(payload));
    await this.sub.subscribe(this.channel);
  }

  async publish(payload: string): Promise<void> {
    await this.pub.publish(this.channel, payload);
  }

  async close(): Promise<void> {
    await Promise.all([this.pub.quit().catch(() => undefined), this.sub.quit().catch(() => undefined)]);
  }
}

/** NOTIFY through the app's pool; the LISTEN side is the shared PgListener (see EventBus). */
export class PostgresTransport implements EventTransport {
  readonly kind = 'postgres' as const;
  onMessage: (payload: string) => void = () => undefined;

  constructor(private readonly dataSource: DataSource) {}

  /** Nothing to connect: NOTIFY goes through the app's pool, LISTEN is the shared PgListener's. */
  start(onMessage: (payload: string) => void): Promise<void> {
    this.onMessage = onMessage;
    return Promise.resolve();
  }

  async publish(payload: string): Promise<void> {
    await notify(this.dataSource, PG_EVENTS_CHANNEL, payload);
  }

  /** Nothing to close: the pool is the DataSource's. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}
