import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sqlClient, type Queryable } from '@resonance/db';
import * as q from './security.queries';

/**
 * All SQL of the write counters and the purge of expired security rows (security.sql, typed by
 * pgTyped in security.queries.ts). Also constructed by hand with the DataSource: the write-rate
 * middleware is applied before Nest's providers are reachable from it.
 */
@Injectable()
export class SecurityRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Counts one write of the live session's user, else of `ipKey`: the writes in the window and the seconds it has left. */
  async countWrite(sessionId: string | null, ipKey: string, windowMs: number, db: Queryable = this.dataSource): Promise<q.ICountWriteResult> {
    const [row] = await q.countWrite.run({ sessionId, ipKey, windowMs }, sqlClient(db));
    return row;
  }

  // Each purge deletes up to `batch` rows and answers how many it deleted.

  async purgeSessions(batch: number, db: Queryable = this.dataSource): Promise<number> {
    return countOf(await q.purgeSessions.run({ batch }, sqlClient(db)));
  }

  async purgeLoginThrottle(batch: number, windowMs: number, memoryMs: number, db: Queryable = this.dataSource): Promise<number> {
    return countOf(await q.purgeLoginThrottle.run({ batch, windowMs, memoryMs }, sqlClient(db)));
  }

  async purgeApiRateLimit(batch: number, windowMs: number, db: Queryable = this.dataSource): Promise<number> {
    return countOf(await q.purgeApiRateLimit.run({ batch, windowMs }, sqlClient(db)));
  }

  async purgeAccessLinks(batch: number, days: number, db: Queryable = this.dataSource): Promise<number> {
    return countOf(await q.purgeAccessLinks.run({ batch, days }, sqlClient(db)));
  }

  async purgeWebhookDeliveries(batch: number, days: number, db: Queryable = this.dataSource): Promise<number> {
    return countOf(await q.purgeWebhookDeliveries.run({ batch, days }, sqlClient(db)));
  }
}

const countOf = (rows: Array<{ n: number }>): number => rows[0]?.n ?? 0;
