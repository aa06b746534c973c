import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { poolClient, primaryPool } from '@resonance/db';
import { takeRuleTurns } from './rules.queries';

/** Connections of the turn pool: two, so two writers taking turns of different rules need not queue for one. */
const TURN_CONNECTIONS = 2;

/**
 * The round-robin turns of rules that assign in turn, taken outside the ingest's transaction: one
 * autocommit UPDATE of the rules' turn counters on a small pool of its own, so the rule rows are
 * locked only for that statement. Taken in the transaction (as before, issue 25 "rules25b"), the
 * row lock was held until the ingest committed, and every concurrent ingest of the workspace with
 * a round-robin match waited for the one before it to finish writing its page.
 *
 * Why its own pool: the ingest transaction holds a connection of the DataSource's pool while it
 * waits for the turns; asking that pool for a second one could wait for ever once every pooled
 * connection is such a transaction. The turn statement itself waits for nothing but other turn
 * statements and an admin's edit of the rule, so this pool cannot join such a cycle.
 *
 * A turn taken by a transaction that then rolls back is lost: the retried page takes new ones. That
 * gap only moves which agent is next; the assignment itself is written (or not) with the page, so a
 * thread is still assigned exactly once.
 */
export class RuleTurns {
  private pool: Pool | undefined;

  constructor(private readonly dataSource: DataSource) {}

  /** Reserves `t` consecutive turns of each rule; answers each rule's first reserved turn (rules not found are left out). */
  async take(workspaceId: string, wanted: ReadonlyArray<{ id: string; t: number }>): Promise<Map<string, number>> {
    if (!wanted.length) return new Map();
    const rows = await takeRuleTurns.run({ workspaceId, turns: JSON.stringify(wanted) }, poolClient(this.turnPool()));
    return new Map(rows.map((r) => [r.id, Number(r.firstTurn)]));
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.end();
  }

  /** Built on first use from the DataSource's own settings (its URL, application name and client class). */
  private turnPool(): Pool {
    if (!this.pool) {
      this.pool = new Pool({ ...primaryPool(this.dataSource).options, max: TURN_CONNECTIONS, allowExitOnIdle: true });
      // An idle connection the server drops is the pool's to replace, not a crash of the worker.
      this.pool.on('error', () => undefined);
    }
    return this.pool;
  }
}
