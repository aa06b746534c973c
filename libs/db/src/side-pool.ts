import type { IDatabaseConnection } from '@pgtyped/runtime';
import { Pool } from 'pg';
import { GuardedClient } from './guarded-client';
import { poolClient } from './sql-client';

/** pgTyped's connection (sqlClient and repositories take it beside a Queryable). */
export type SqlConnection = IDatabaseConnection;

/**
 * A small pg pool beside the DataSource's, for work that must not queue behind the requests: the
 * api's live-event loads (apps/api events/db-changes.ts). With 200 dashboards the request pool had
 * ~100 waiters for seconds, and a live event's two reads waited behind them (bench --agents live
 * p95 0.8 → 8.5 s). Statements run in no transaction; the pool is closed with `end()`.
 */
export function createSidePool(options: { url: string; max: number; applicationName: string }): { pool: Pool; connection: SqlConnection } {
  const pool = new Pool({
    connectionString: options.url,
    max: options.max,
    application_name: options.applicationName,
    connectionTimeoutMillis: 10_000,
    Client: GuardedClient,
  });
  // A connection that dies while idle must not end the process; its next user gets a fresh one.
  pool.on('error', () => undefined);
  return { pool, connection: poolClient(pool) };
}
