import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { USER_ROLES, type UserRole } from '@resonance/contracts';
import { sqlClient, type Queryable } from '@resonance/db';
import { oneOf } from '../common/narrow';
import { notifyChannel, validSessions } from './events.queries';

/**
 * The SQL of live events (events.sql, typed by pgTyped in events.queries.ts). Plain functions over
 * `db` too, for the PostgreSQL transport, which Nest does not construct.
 */
@Injectable()
export class EventsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Of these sessions, the still valid ones (not expired, user active) with their user's role. */
  async validSessions(sessionIds: string[], db: Queryable = this.dataSource): Promise<Array<{ sessionId: string; role: UserRole }>> {
    const rows = await validSessions.run({ sessionIds }, sqlClient(db));
    return rows.map((r) => ({ sessionId: r.sessionId, role: oneOf(USER_ROLES, r.role, 'users.role') }));
  }
}

/** NOTIFY through the pool (the payload must stay under 8,000 bytes). */
export async function notify(db: Queryable, channel: string, payload: string): Promise<void> {
  await notifyChannel.run({ channel, payload }, sqlClient(db));
}
