import type { Config } from '@resonance/config';
import { createDataSource, ensureDatabase, runMigrations } from '@resonance/db';
import { prepareQueueBackend, queueBackendFromConfig } from '@resonance/queue';
import { checkDatabase, checkQueueRedis } from '@resonance/runtime';

/**
 * Brings a database to the current schema: creates it when missing, applies pending migrations,
 * and migrates BullMQ's own schema when the queues run on PostgreSQL.
 */
export async function prepareDatabase(config: Config, databaseUrl: string, log: (line: string) => void): Promise<void> {
  if (await ensureDatabase(databaseUrl).catch(() => false)) log('created the database');
  await checkDatabase(databaseUrl);
  await checkQueueRedis(config);
  const dataSource = await createDataSource({ url: databaseUrl, poolSize: 2 }).initialize();
  try {
    const applied = await runMigrations(dataSource);
    log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date');
  } finally {
    await dataSource.destroy();
  }
  const queue = queueBackendFromConfig(config, databaseUrl);
  try {
    await prepareQueueBackend(queue);
  } finally {
    await queue.close();
  }
}
