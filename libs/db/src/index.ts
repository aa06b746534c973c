export * from './entities';
export { MIGRATIONS } from './migrations';
export { createDataSource, runMigrations } from './data-source';
export type { DataSourceOptions } from './data-source';
export { ensureDatabase, dropDatabase, withDatabase, databaseName, describeDatabaseError } from './admin';
export { SnakeNamingStrategy } from './naming';
export { CredentialsCipher } from './credentials-cipher';
export { DatabaseModule } from './database.module';
export { hashPassword, verifyPassword } from './password';
