import IORedis from 'ioredis';

/**
 * Bytes Redis holds for one queue prefix: MEMORY USAGE of each of its keys. The Redis server is
 * shared with other work on a development machine, so its used_memory would not say what the
 * fleet costs; the prefix's keys do.
 */
export async function prefixMemoryBytes(redisUrl: string, prefix: string): Promise<{ bytes: number; keys: number }> {
  const redis = new IORedis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  let bytes = 0;
  let keys = 0;
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1_000);
      cursor = next;
      if (!batch.length) continue;
      const pipeline = redis.pipeline();
      for (const key of batch) pipeline.memory('USAGE', key);
      for (const [error, value] of (await pipeline.exec()) ?? []) if (!error && typeof value === 'number') bytes += value;
      keys += batch.length;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return { bytes, keys };
}
