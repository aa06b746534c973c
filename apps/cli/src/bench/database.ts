import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSource, dropDatabase, ensureDatabase, runMigrations, withDatabase } from '@resonance/db';

/** The bench's own connections carry this name, so pg_stat_activity can tell them from the product's. */
export const BENCH_APPLICATION = 'resonance-bench';

export interface BenchDatabase {
  url: string;
  name: string;
  dataSource: DataSource;
  close(options: { keep: boolean }): Promise<void>;
}

/** The bench's own database on the given server, with every migration applied. */
export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `resonance_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const url = withDatabase(serverUrl, name);
  await ensureDatabase(url);
  const dataSource = await createDataSource({ url, poolSize: 4, applicationName: BENCH_APPLICATION }).initialize();
  await runMigrations(dataSource);
  return {
    url,
    name,
    dataSource,
    close: async ({ keep }) => {
      if (dataSource.isInitialized) await dataSource.destroy();
      if (!keep) await dropDatabase(url);
    },
  };
}
