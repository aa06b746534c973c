import { Queue, QueueEvents, Worker, createPostgresBackend, withBackend, runMigrations } from 'bullmq';
import { Cluster } from 'ioredis';
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
  /** Ends what the backend itself holds open (the Redis Cluster client every queue and worker shares); queues and workers close their own. */
  close(): Promise<void>;
}

export interface QueueBackendInput {
  redisUrl?: string;
  /** Some nodes of a Redis Cluster (REDIS_CLUSTER_NODES); the client finds the rest. */
  redisClusterNodes?: string[];
  databaseUrl: string;
  prefix: string;
}

const POSTGRES_QUEUE_SCHEMA = 'bullmq';

export function queueBackendFromConfig(config: Config, databaseUrl: string): QueueBackend {
  return createQueueBackend({ redisUrl: config.REDIS_URL, redisClusterNodes: config.REDIS_CLUSTER_NODES, databaseUrl, prefix: config.QUEUE_PREFIX });
}

/**
 * The queue prefix on a Redis Cluster: in braces, a hash tag. A BullMQ queue's Lua scripts touch
 * several of its keys (`<prefix>:<queue>:wait`, `:active`, `:<job id>` …) in one call, and a
 * cluster runs a script only when all its keys hash to one slot; the tag makes every key of every
 * queue hash by the prefix alone. (All queues then live on one master at a time; its replica takes
 * over on failover.)
 */
export const clusterPrefix = (prefix: string): string => `{${prefix}}`;

function redisCluster(nodes: string[]): { cluster: Cluster; describe: string } {
  const urls = nodes.map((n) => new URL(n));
  const first = urls[0];
  const cluster = new Cluster(
    urls.map((u) => ({ host: u.hostname, port: Number(u.port || 6379) })),
    {
      redisOptions: {
        username: first.username || undefined,
        password: first.password ? decodeURIComponent(first.password) : undefined,
        tls: first.protocol === 'rediss:' ? {} : undefined,
        // BullMQ workers need this; failing fast is the api's job (health check), not the socket's.
        maxRetriesPerRequest: null,
      },
      // A failover moves slots: follow MOVED/ASK and re-read the slot map instead of failing the command.
      retryDelayOnFailover: 200,
      retryDelayOnClusterDown: 300,
      retryDelayOnTryAgain: 200,
      slotsRefreshTimeout: 2_000,
      // Nothing is opened until a queue or worker first uses it (BullMQ connects a waiting client), so a backend built only to describe or prepare holds nothing.
      lazyConnect: true,
    },
  );
  // Errors of single nodes (one master dying) are the cluster client's to retry; BullMQ listens for what it must know.
  cluster.on('error', () => undefined);
  return { cluster, describe: `redis cluster ${urls.map((u) => `${u.hostname}:${u.port || 6379}`).join(',')}` };
}

export function createQueueBackend(input: QueueBackendInput): QueueBackend {
  if (input.redisClusterNodes?.length) {
    const { cluster, describe } = redisCluster(input.redisClusterNodes);
    return {
      kind: 'redis',
      connection: cluster,
      prefix: clusterPrefix(input.prefix),
      Queue,
      Worker,
      QueueEvents,
      describe,
      close: async () => {
        if (cluster.status === 'end') return;
        if (cluster.status === 'wait') {
          cluster.disconnect();
          return;
        }
        // QUIT waits for every node, and a dead master's connection may retry for ever (maxRetriesPerRequest null):
        // a short grace for the live ones, then the sockets are closed.
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([cluster.quit().catch(() => undefined), new Promise((r) => (timer = setTimeout(r, 1_000)))]);
        clearTimeout(timer);
        cluster.disconnect();
      },
    };
  }
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
      close: () => Promise.resolve(),
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
    close: () => Promise.resolve(),
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
