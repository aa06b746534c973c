import { Client } from 'pg';
import Redis, { Cluster } from 'ioredis';
import { describeDatabaseError } from '@resonance/db';
import { ping } from './preflight.queries';

/** A failure the operator can fix, told in one line (no stack trace). */
export class StartupError extends Error {
  override name = 'StartupError';
}

export async function checkDatabase(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await ping.run(undefined, client);
  } catch (error) {
    throw new StartupError(describeDatabaseError(error, url));
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function checkRedis(url: string): Promise<void> {
  const u = new URL(url);
  const where = `${u.hostname}:${u.port || 6379}`;
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3_000, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    const policy = (await redis.config('GET', 'maxmemory-policy').catch(() => [])) as string[];
    if (policy[1] && policy[1] !== 'noeviction') {
      // BullMQ loses jobs when Redis evicts keys; say so loudly, but a managed Redis may forbid CONFIG.
      process.emitWarning(`Redis at ${where} has maxmemory-policy ${policy[1]}; BullMQ needs noeviction`);
    }
  } catch (error) {
    throw new StartupError(`Redis is not reachable at ${where} (${(error as Error).message}). Check REDIS_URL.`);
  } finally {
    redis.disconnect();
  }
}

/** REDIS_CLUSTER_NODES: the cluster answers through the given nodes and serves all its slots. */
export async function checkRedisCluster(nodes: string[]): Promise<void> {
  const urls = nodes.map((n) => new URL(n));
  const where = urls.map((u) => `${u.hostname}:${u.port || 6379}`).join(',');
  const first = urls[0];
  const cluster = new Cluster(
    urls.map((u) => ({ host: u.hostname, port: Number(u.port || 6379) })),
    {
      lazyConnect: true,
      clusterRetryStrategy: () => null,
      redisOptions: {
        username: first.username || undefined,
        password: first.password ? decodeURIComponent(first.password) : undefined,
        tls: first.protocol === 'rediss:' ? {} : undefined,
        connectTimeout: 3_000,
        maxRetriesPerRequest: 0,
      },
    },
  );
  cluster.on('error', () => undefined);
  try {
    await cluster.connect();
    const info = await cluster.cluster('INFO');
    if (!info.includes('cluster_state:ok')) throw new Error('cluster_state is not ok (slots not all served)');
  } catch (error) {
    throw new StartupError(`Redis Cluster is not usable at ${where} (${(error as Error).message}). Check REDIS_CLUSTER_NODES.`);
  } finally {
    cluster.disconnect();
  }
}

/** The queue Redis the configuration names, if any: one server (REDIS_URL) or a cluster (REDIS_CLUSTER_NODES). */
export async function checkQueueRedis(config: { REDIS_URL?: string; REDIS_CLUSTER_NODES?: string[] }): Promise<void> {
  if (config.REDIS_URL) await checkRedis(config.REDIS_URL);
  if (config.REDIS_CLUSTER_NODES) await checkRedisCluster(config.REDIS_CLUSTER_NODES);
}
