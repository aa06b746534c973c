import { Client } from 'pg';
import Redis from 'ioredis';
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
