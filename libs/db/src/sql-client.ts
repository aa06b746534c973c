import type { IDatabaseConnection } from '@pgtyped/runtime';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Where a repository runs its statements: the DataSource (each statement on a pooled connection
 * of its own) or the EntityManager of a transaction (every statement joins that transaction).
 */
export type Queryable = DataSource | EntityManager;

/**
 * pgTyped's connection over TypeORM: `query(sql, bindings)` answering `{ rows, rowCount }`.
 *
 * It asks TypeORM's query runner for its structured result, so every statement answers the same
 * shape: plain `EntityManager.query()` answers UPDATE/DELETE … RETURNING with `[rows, count]` but
 * SELECT and INSERT with the rows alone (apps/worker/src/query-rows.ts worked around that). Inside
 * a transaction the manager's own runner is used, so the statement joins the caller's transaction;
 * otherwise a runner is taken from the pool for the one statement and handed back, exactly what
 * `DataSource.query()` does.
 */
export function sqlClient(db: Queryable): IDatabaseConnection {
  const manager = db instanceof DataSource ? db.manager : db;
  return {
    async query(sql: string, bindings: unknown[]) {
      const own = manager.queryRunner;
      if (own?.isReleased) throw new Error('the transaction of this EntityManager has already ended');
      const runner = own ?? manager.dataSource.createQueryRunner();
      try {
        const result = await runner.query(sql, bindings, true);
        return { rows: result.records ?? [], rowCount: result.affected ?? 0 };
      } finally {
        if (!own) await runner.release();
      }
    },
  };
}
