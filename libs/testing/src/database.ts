import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { testServices } from '@resonance/config';
import { createDataSource, dropDatabase, ensureDatabase, runMigrations, withDatabase } from '@resonance/db';

export interface TestDatabase {
  url: string;
  dataSource: DataSource;
  /** Closes the DataSource and drops the database. */
  drop(): Promise<void>;
}

export const uniqueSuffix = () => `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;

/** A throwaway database with every migration applied (unless `migrate: false`). */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const url = withDatabase(testServices().databaseUrl, `resonance_test_${uniqueSuffix()}`);
  await ensureDatabase(url);
  const dataSource = await createDataSource({ url, poolSize: 5 }).initialize();
  if (options.migrate ?? true) await runMigrations(dataSource);
  return {
    url,
    dataSource,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await dropDatabase(url);
    },
  };
}
