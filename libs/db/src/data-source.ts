import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { GuardedClient } from './guarded-client';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './naming';

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
  /** Statement log for debugging; off by default. */
  logging?: boolean;
  applicationName?: string;
}

/** The one TypeORM DataSource shape of Resonance: explicit entities, migrations, never synchronize. */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logging: options.logging ?? false,
    extra: {
      max: options.poolSize ?? 10,
      application_name: options.applicationName ?? 'resonance',
      connectionTimeoutMillis: 10_000,
      // pg-pool builds its clients from this class (see guarded-client.ts: a PostgreSQL crash must not end the process).
      Client: GuardedClient,
    },
  });
}

/** Runs every pending migration; returns the names of those applied. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}
