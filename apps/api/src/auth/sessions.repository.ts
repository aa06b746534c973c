import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { USER_ROLES, type UserRole } from '@resonance/contracts';
import { sqlClient, type Queryable } from '@resonance/db';
import { oneOf } from '../common/narrow';
import { deleteSession, deleteUserSessions, insertSession, resolveSession, type IResolveSessionResult } from './sessions.queries';

export type SessionRow = Omit<IResolveSessionResult, 'role'> & { role: UserRole };

/** All SQL of sign-in sessions (sessions.sql, typed by pgTyped in sessions.queries.ts). */
@Injectable()
export class SessionsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async insert(
    session: { id: string; workspaceId: string; userId: string; csrfToken: string; idleMs: number; userAgent: string | null; ip: string | null },
    db: Queryable = this.dataSource,
  ): Promise<void> {
    await insertSession.run(session, sqlClient(db));
  }

  /** The live session `id` and its active user, its expiry slid forward (sessions.sql); undefined when there is none. */
  async resolve(id: string, idleMs: number, maxMs: number, db: Queryable = this.dataSource): Promise<SessionRow | undefined> {
    const [row] = await resolveSession.run({ id, idleMs, maxMs }, sqlClient(db));
    return row && { ...row, role: oneOf(USER_ROLES, row.role, 'users.role') };
  }

  async delete(id: string, db: Queryable = this.dataSource): Promise<void> {
    await deleteSession.run({ id }, sqlClient(db));
  }

  /** Ends every session of the user but `exceptId` (none: all of them). */
  async deleteForUser(userId: string, exceptId: string | null, db: Queryable = this.dataSource): Promise<void> {
    await deleteUserSessions.run({ userId, exceptId }, sqlClient(db));
  }
}
