import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { testServices } from '@resonance/config';
import { createDataSource, dropDatabase, ensureDatabase, runMigrations, withDatabase } from '@resonance/db';
import { copyDatabase, migratedTemplate } from './template-database';

export interface TestDatabase {
  url: string;
  dataSource: DataSource;
  /** Closes the DataSource and drops the database. */
  drop(): Promise<void>;
}

export const uniqueSuffix = () => `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;

/**
 * A throwaway database with every migration applied (unless `migrate: false`: then empty): a copy
 * of the migrated template (template-database.ts).
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = testServices().databaseUrl;
  const url = withDatabase(serverUrl, `resonance_test_${uniqueSuffix()}`);
  const migrate = options.migrate ?? true;
  if (migrate) await copyDatabase(await migratedTemplate(serverUrl), url);
  else await ensureDatabase(url);
  const dataSource = await createDataSource({ url, poolSize: 5 }).initialize();
  // Nothing is pending in a copy of the template; this only confirms it (a few catalog reads).
  if (migrate) await runMigrations(dataSource);
  return {
    url,
    dataSource,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await dropDatabase(url);
    },
  };
}
