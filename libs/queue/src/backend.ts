import { Queue, QueueEvents, Worker, createPostgresBackend, withBackend, runMigrations } from 'bullmq';
import { Pool } from 'pg';
import type { Config } from '@resonance/config';

/**
 * The two queue backends BullMQ 6 offers: Redis (production) or PostgreSQL (embedded default, no
 * Redis to run). Everything that builds a Queue or Worker takes these classes and options from here.
 */
export interface QueueBackend {
  kind: 'redis' | 'postgres';
  /** Passed as `connection` to every Queue and Worker. */
  connection: unknown;
  prefix: string;
  Queue: typeof Queue;
  Worker: typeof Worker;
  QueueEvents: typeof QueueEvents;
  /** A description for the log, without secrets. */
  describe: string;
}

export interface QueueBackendInput {
  redisUrl?: string;
  databaseUrl: string;
  prefix: string;
}

const POSTGRES_QUEUE_SCHEMA = 'bullmq';

export function queueBackendFromConfig(config: Config, databaseUrl: string): QueueBackend {
  return createQueueBackend({ redisUrl: config.REDIS_URL, databaseUrl, prefix: config.QUEUE_PREFIX });
}

export function createQueueBackend(input: QueueBackendInput): QueueBackend {
  if (input.redisUrl) {
    const u = new URL(input.redisUrl);
    return {
      kind: 'redis',
      connection: {
        host: u.hostname,
        port: Number(u.port || 6379),
        username: u.username || undefined,
        password: u.password ? decodeURIComponent(u.password) : undefined,
        db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
        tls: u.protocol === 'rediss:' ? {} : undefined,
        // BullMQ workers need this; failing fast is the api's job (health check), not the socket's.
        maxRetriesPerRequest: null,
      },
      prefix: input.prefix,
      Queue,
      Worker,
      QueueEvents,
      describe: `redis ${u.hostname}:${u.port || 6379}`,
    };
  }
  const bound = withBackend(createPostgresBackend);
  const u = new URL(input.databaseUrl);
  return {
    kind: 'postgres',
    connection: { connectionString: input.databaseUrl, schema: POSTGRES_QUEUE_SCHEMA, max: 5 },
    prefix: input.prefix,
    Queue: bound.Queue as unknown as typeof Queue,
    Worker: bound.Worker as unknown as typeof Worker,
    QueueEvents: bound.QueueEvents as unknown as typeof QueueEvents,
    describe: `postgres ${u.hostname}:${u.port || 5432}${u.pathname} (schema ${POSTGRES_QUEUE_SCHEMA})`,
  };
}

/** BullMQ's PostgreSQL backend needs its schema migrated once per deployment; Redis needs nothing. */
export async function prepareQueueBackend(backend: QueueBackend): Promise<void> {
  if (backend.kind !== 'postgres') return;
  const { connectionString } = backend.connection as { connectionString: string };
  const pool = new Pool({ connectionString, max: 1 });
  const client = await pool.connect();
  try {
    await runMigrations(client, POSTGRES_QUEUE_SCHEMA);
  } finally {
    client.release();
    await pool.end();
  }
}
