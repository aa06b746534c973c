import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sqlClient, type Queryable } from '@resonance/db';
import { deleteCounters, lockCounters, releaseAttempt, setCounters, type ILockCountersResult } from './login-throttle.queries';

export type LockedCounter = ILockCountersResult;

/** All SQL of the attempt counters in login_throttle (login-throttle.sql, typed in login-throttle.queries.ts). */
@Injectable()
export class LoginThrottleRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Creates the missing counters of `keys` and locks all of them in key order, until `tx` ends. */
  lock(keys: string[], tx: Queryable): Promise<LockedCounter[]> {
    return lockCounters.run({ keys }, sqlClient(tx));
  }

  async set(counters: Array<{ key: string; failures: number; startedAt: number }>, db: Queryable = this.dataSource): Promise<void> {
    await setCounters.run(
      { keys: counters.map((c) => c.key), failures: counters.map((c) => c.failures), startedMs: counters.map((c) => c.startedAt) },
      sqlClient(db),
    );
  }

  /** Gives back one attempt of each counter. */
  async release(keys: string[], db: Queryable = this.dataSource): Promise<void> {
    await releaseAttempt.run({ keys }, sqlClient(db));
  }

  async delete(keys: string[], db: Queryable = this.dataSource): Promise<void> {
    await deleteCounters.run({ keys }, sqlClient(db));
  }
}
