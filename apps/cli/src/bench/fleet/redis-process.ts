import IORedis from 'ioredis';

/**
 * The Redis server's pid (INFO server's process_id), for its CPU over a window; null when it runs
 * elsewhere (no /proc entry then) or does not answer. The server is shared with whatever else uses
 * it on this machine, so its CPU is an upper bound of what the bench's queue cost.
 */
export async function redisServerPid(redisUrl: string): Promise<number | null> {
  const redis = new IORedis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    const info = await redis.info('server');
    const pid = Number(/process_id:(\d+)/.exec(info)?.[1]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  } finally {
    redis.disconnect();
  }
}
