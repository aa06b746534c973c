import type { IDatabaseConnection } from '@pgtyped/runtime';
import { Client, Pool, type FieldDef, type QueryArrayResult } from 'pg';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Where a repository runs its statements: the DataSource (each statement on a pooled connection
 * of its own) or the EntityManager of a transaction (every statement joins that transaction).
 */
export type Queryable = DataSource | EntityManager;

/** What a statement runs on: the DataSource's pg Pool (one pooled connection per statement) or a transaction's connection. */
type PgTarget = Pool | Client;

/**
 * pgTyped's connection over the DataSource's pg pool: `query(sql, bindings)` answering
 * `{ rows, rowCount }` for every kind of statement (SELECT, INSERT/UPDATE/DELETE … RETURNING).
 *
 * Per statement it costs what the statement costs in `pg`, nothing of TypeORM's per-call machinery
 * (docs/benchmarks.md, "Stop 22"):
 * - Outside a transaction the statement goes to the DataSource's own pg Pool (`Pool.query` takes a
 *   connection and hands it back), not through a TypeORM QueryRunner made for the one statement
 *   (which built a runner, an EntityManager and a broadcaster, and awaited two subscriber rounds).
 * - Inside a transaction it runs on the connection of the manager's query runner, so it joins the
 *   caller's transaction; a manager whose transaction has ended is refused.
 * - Result columns with pgTyped's nullability hints (`AS "id!"`, `AS "name?"`) come back under
 *   their plain names, built once per row: rows are fetched as arrays and each becomes an object
 *   with the stripped names. pgTyped's own fallback renames by `delete` on every row, which turned
 *   each row object into a slow dictionary (a 51-row thread page cost ~3× the CPU to build, map
 *   and serialise); with the names already plain it finds nothing to rename.
 */
export function sqlClient(db: Queryable | IDatabaseConnection): IDatabaseConnection {
  // A connection of its own (the read router's, read-router.ts) picks its target per statement itself.
  if (!(db instanceof DataSource) && !(db instanceof EntityManager)) return db;
  return {
    async query(sql: string, bindings: unknown[]) {
      const target = await targetOf(db);
      const result = await target.query<unknown[]>({ text: sql, values: bindings, rowMode: 'array' });
      return { rows: rowObjects(result), rowCount: result.rowCount ?? 0 };
    },
  };
}

/** pgTyped's connection over a pg Pool of its own (the read replica's), with the same row building as sqlClient. */
export function poolClient(pool: Pool): IDatabaseConnection {
  return {
    async query(sql: string, bindings: unknown[]) {
      const result = await pool.query<unknown[]>({ text: sql, values: bindings, rowMode: 'array' });
      return { rows: rowObjects(result), rowCount: result.rowCount ?? 0 };
    },
  };
}

/** The pg Pool of an initialized PostgreSQL DataSource (each statement on a pooled connection of its own). */
export function primaryPool(dataSource: DataSource): Pool {
  const driver = dataSource.driver;
  const pool: unknown = 'master' in driver ? driver.master : undefined;
  if (pool instanceof Pool) return pool;
  throw new Error('sqlClient: the DataSource has no pg pool (is it PostgreSQL, and initialized?)');
}

/** The connections of a DataSource's pg pool now, and the callers waiting for one (for the metrics). */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export function poolStats(dataSource: DataSource): PoolStats {
  const pool = primaryPool(dataSource);
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}

/** The pg Pool or the transaction's pg connection a statement of `db` runs on. */
async function targetOf(db: Queryable): Promise<PgTarget> {
  const manager = db instanceof DataSource ? db.manager : db;
  const runner = manager.queryRunner;
  if (runner) {
    if (runner.isReleased) throw new Error('the transaction of this EntityManager has already ended');
    // The runner's connection (connect() answers the one it holds, or takes one the first time).
    const connection: unknown = await runner.connect();
    if (connection instanceof Client) return connection;
    throw new Error('sqlClient: the query runner holds no pg connection (is the DataSource PostgreSQL?)');
  }
  return primaryPool(manager.dataSource);
}

/** The rows of an array-mode result as objects keyed by the column names without pgTyped's `!`/`?` hint. */
function rowObjects(result: QueryArrayResult<unknown[]>): Array<Record<string, unknown>> {
  const { rows, fields } = result;
  if (!rows.length) return [];
  const names = fields.map(plainName);
  // Every row starts as a copy of one object with all the keys (as pg builds its own rows), so all
  // rows share one shape and stay fast-property objects.
  const empty: Record<string, unknown> = {};
  for (const name of names) empty[name] = null;
  const objects = new Array<Record<string, unknown>>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const values = rows[r];
    const row = { ...empty };
    for (let i = 0; i < names.length; i++) row[names[i]] = values[i];
    objects[r] = row;
  }
  return objects;
}

function plainName(field: FieldDef): string {
  const last = field.name[field.name.length - 1];
  return last === '!' || last === '?' ? field.name.slice(0, -1) : field.name;
}
