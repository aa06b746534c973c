import type { IDatabaseConnection } from '@pgtyped/runtime';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { GuardedClient } from './guarded-client';
import { currentReadContext, parseLsn } from './read-context';
import { primaryWalPosition, standbyReplayPosition } from './replication.queries';
import { poolClient, sqlClient, type Queryable } from './sql-client';

export interface ReadReplicaOptions {
  /** DATABASE_READ_URL: a streaming (hot standby) replica of the primary. */
  url: string;
  /** Replica lag beyond which every read goes to the primary. */
  maxLagMs: number;
  /** How often the WAL positions of primary and replica are compared. */
  checkMs: number;
  poolSize: number;
  applicationName: string;
  /** One line per change of the replica's state (up, lagging, down), for the process log. */
  log?: (line: string) => void;
}

/** Where a repository's read may run: a DataSource or transaction as always, or the read router. */
export type Reader = Queryable | ReadRouter;

export type ReplicaState = 'off' | 'starting' | 'up' | 'down';

export interface ReadRouterStatus {
  state: ReplicaState;
  /** How far the replica is behind: now minus the newest moment whose primary WAL position it has replayed (null: never caught up). */
  lagMs: number | null;
  /** Why it is down (a connection error, "not a standby"); null otherwise. */
  reason: string | null;
  /** Statements each side has served since start (routed reads only). */
  served: { replica: number; primary: number };
}

interface PrimarySample {
  /** When the primary's position was asked for: everything committed before this lies at or before `lsn`. */
  at: number;
  lsn: bigint;
}

/** Samples kept while the replica does not catch up (4 a second at the default check interval: over 4 minutes). */
const MAX_SAMPLES = 1_000;

/** Errors after which the same statement is run on the primary: the replica is unreachable, shutting down, or cancelled the read for replay. */
const REPLICA_FAILURE_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '40001',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);

function isReplicaFailure(error: unknown): boolean {
  // Not `instanceof Error`: socket errors come from Node's own realm, which is another one under Jest's vm.
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (code.startsWith('08') || REPLICA_FAILURE_CODES.has(code))) return true;
  return (
    typeof message === 'string' &&
    /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message)
  );
}

const messageOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string' ? error.message : String(error);

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Where the api's inbox lists and reports read: the replica of DATABASE_READ_URL when it is fresh
 * enough for the reader, else the primary. It is itself a pgTyped connection (`sqlClient(router)`
 * answers it), so a repository routes a read by passing it instead of the DataSource.
 *
 * The decision costs no round trip: a timer compares the primary's WAL position
 * (pg_current_wal_lsn) with the replica's replay position every `checkMs` and keeps, in memory, the
 * newest moment T whose primary position the replica has replayed. A statement then goes to the
 * replica only when
 * - the replica answered the last check as a standby (a failed check or statement marks it down),
 * - now − T ≤ `maxLagMs` (a replica paused, behind, or whose checks stopped answering is not used),
 * - it is not part of a request that writes (that request reads what it wrote on the primary), and
 * - the replica has replayed the session's last write (`writtenLsn` of the request's ReadContext:
 *   the primary's position right after the write, kept in a cookie by the api). Read-your-writes by
 *   position rather than "N seconds on the primary": the session is back on the replica after one
 *   check (≤ checkMs) instead of a fixed guess, and is never served a replica without its write.
 * A statement the replica fails with a connection error or a recovery conflict runs again on the
 * primary, so a replica that dies between two checks costs no request an error.
 */
export class ReadRouter implements IDatabaseConnection {
  private readonly primary: IDatabaseConnection;
  private readonly replicaPool: Pool | undefined;
  /** One connection for the checks, with a statement timeout: a replica that hangs counts as down. */
  private readonly monitorPool: Pool | undefined;
  private readonly replica: IDatabaseConnection | undefined;
  private readonly monitor: IDatabaseConnection | undefined;
  private samples: PrimarySample[] = [];
  private caughtUpAt: number | null = null;
  private replayLsn: bigint | null = null;
  private state: ReplicaState;
  private reason: string | null = null;
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;
  private closed = false;
  private readonly served = { replica: 0, primary: 0 };

  constructor(
    private readonly dataSource: DataSource,
    private readonly options?: ReadReplicaOptions,
  ) {
    this.primary = sqlClient(dataSource);
    this.state = options ? 'starting' : 'off';
    if (!options) return;
    const timeoutMs = Math.max(1_000, options.checkMs * 4);
    const base = { connectionString: options.url, application_name: options.applicationName, Client: GuardedClient };
    this.replicaPool = new Pool({ ...base, max: options.poolSize, connectionTimeoutMillis: 2_000 });
    this.monitorPool = new Pool({ ...base, max: 1, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
    // An idle pooled connection the replica drops is the pool's to replace, not a process crash.
    this.replicaPool.on('error', () => undefined);
    this.monitorPool.on('error', () => undefined);
    this.replica = poolClient(this.replicaPool);
    this.monitor = poolClient(this.monitorPool);
  }

  /** Whether a replica is configured at all. */
  get enabled(): boolean {
    return this.options !== undefined;
  }

  /** Starts the checks (the first at once); reads go to the primary until the replica has answered one. */
  start(): void {
    if (!this.options || this.timer || this.closed) return;
    const loop = () => {
      this.checking = this.check().finally(() => {
        this.checking = undefined;
        if (!this.closed && this.options) this.timer = setTimeout(loop, this.options.checkMs).unref();
      });
    };
    loop();
  }

  status(): ReadRouterStatus {
    return {
      state: this.state,
      lagMs: this.caughtUpAt === null ? null : Date.now() - this.caughtUpAt,
      reason: this.reason,
      served: { ...this.served },
    };
  }

  /**
   * The primary's WAL position now, for the session that has just written (the api puts it in a
   * cookie); undefined without a replica (nothing to wait for) or when the primary does not answer.
   */
  async writePosition(): Promise<string | undefined> {
    if (!this.options) return undefined;
    try {
      const [row] = await primaryWalPosition.run(undefined, this.primary);
      return row?.lsn;
    } catch {
      return undefined;
    }
  }

  /** pgTyped's entry point: one statement, on the side `target()` picks. */
  async query(sql: string, bindings: unknown[]): Promise<{ rows: Array<Record<string, unknown>>; rowCount: number }> {
    const replica = this.target();
    if (replica) {
      try {
        const result = await replica.query(sql, bindings);
        this.served.replica++;
        return result;
      } catch (error) {
        if (!isReplicaFailure(error)) throw error;
        // A recovery conflict cancels one statement; anything else means the replica is gone until the next good check.
        if ((error as { code?: unknown }).code !== '40001') this.markDown(messageOf(error));
      }
    }
    const result = await this.primary.query(sql, bindings);
    this.served.primary++;
    return result;
  }

  /** The replica's connection when it may serve this statement, else undefined (the primary). */
  private target(): IDatabaseConnection | undefined {
    if (!this.replica || this.state !== 'up' || this.caughtUpAt === null || this.replayLsn === null) return undefined;
    const context = currentReadContext();
    if (context?.primaryOnly) return undefined;
    if (Date.now() - this.caughtUpAt > (this.options?.maxLagMs ?? 0)) return undefined;
    if (context?.writtenLsn != null && this.replayLsn < context.writtenLsn) return undefined;
    return this.replica;
  }

  /** One comparison of the two WAL positions. */
  private async check(): Promise<void> {
    if (!this.monitor || !this.options) return;
    const at = Date.now();
    try {
      const [row] = await withTimeout(primaryWalPosition.run(undefined, this.primary), Math.max(1_000, this.options.checkMs * 4), 'primary');
      const lsn = parseLsn(row?.lsn);
      if (lsn !== undefined) this.samples.push({ at, lsn });
      if (this.samples.length > MAX_SAMPLES) this.samples.splice(0, this.samples.length - MAX_SAMPLES);
    } catch {
      // The primary not answering is the health check's business; the samples taken so far still hold.
    }
    try {
      const [row] = await standbyReplayPosition.run(undefined, this.monitor);
      if (!row?.standby) {
        this.markDown('not a standby (pg_is_in_recovery() is false): reads stay on the primary');
        return;
      }
      const replayed = parseLsn(row.lsn);
      if (replayed === undefined) {
        this.markDown('the replica has replayed no WAL yet');
        return;
      }
      this.replayLsn = replayed;
      let newest = -1;
      for (let i = this.samples.length - 1; i >= 0; i--) {
        if (this.samples[i].lsn <= replayed) {
          newest = i;
          break;
        }
      }
      if (newest >= 0) {
        this.caughtUpAt = Math.max(this.caughtUpAt ?? 0, this.samples[newest].at);
        this.samples.splice(0, newest + 1);
      }
      this.markUp();
    } catch (error) {
      this.markDown(messageOf(error));
    }
  }

  private markUp(): void {
    if (this.state === 'up') return;
    this.state = 'up';
    this.reason = null;
    this.options?.log?.('read replica (DATABASE_READ_URL) is up: inbox lists and reports read from it while its lag stays within DATABASE_READ_MAX_LAG_MS');
  }

  private markDown(reason: string): void {
    if (this.state === 'down' && this.reason === reason) return;
    const was = this.state;
    this.state = 'down';
    this.reason = reason;
    if (was !== 'down') this.options?.log?.(`read replica (DATABASE_READ_URL) is down, reads go to the primary: ${reason}`);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.checking;
    await Promise.all([this.replicaPool?.end(), this.monitorPool?.end()]);
  }
}
