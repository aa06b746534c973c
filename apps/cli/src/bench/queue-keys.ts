import IORedis from 'ioredis';

/**
 * Removes what a bench run left in Redis under its own queue prefix (job schedulers, finished and
 * failed jobs, event streams): every run has a fresh prefix, so without this each run leaves a
 * hundred or more keys behind on a long-lived development machine. Keys of other prefixes are
 * never touched. With the PostgreSQL queue backend the queue lives in the bench database.
 */
export async function removeQueueKeys(redisUrl: string, prefix: string): Promise<number> {
  const redis = new IORedis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  let removed = 0;
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1_000);
      cursor = next;
      if (keys.length) removed += await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return removed;
}
