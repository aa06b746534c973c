import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { USER_ROLES, type UserRole } from '@resonance/contracts';
import { sqlClient, type Queryable } from '@resonance/db';
import { oneOf } from '../common/narrow';
import type { UserView } from './user.view';
import * as q from './users.queries';

/** A users row as the API shows it: the generated row with its role narrowed (users.role has a CHECK). */
const toView = <R extends { role: string }>(row: R): Omit<R, 'role'> & { role: UserRole } => ({ ...row, role: oneOf(USER_ROLES, row.role, 'users.role') });

/** All SQL of the users table (users.sql, typed by pgTyped in users.queries.ts); never returns a password hash unasked. */
@Injectable()
export class UsersRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async list(workspaceId: string, db: Queryable = this.dataSource): Promise<UserView[]> {
    return (await q.listUsers.run({ workspaceId }, sqlClient(db))).map(toView);
  }

  async find(id: string, db: Queryable = this.dataSource): Promise<UserView | undefined> {
    const [row] = await q.findUser.run({ id }, sqlClient(db));
    return row && toView(row);
  }

  /** A user of the workspace, locked until the transaction `tx` ends. */
  async lock(workspaceId: string, id: string, tx: Queryable): Promise<UserView | undefined> {
    const [row] = await q.lockUser.run({ workspaceId, id }, sqlClient(tx));
    return row && toView(row);
  }

  /** The user with this (lower-case) e-mail address and their password hash (null: invited, none set yet). */
  async findForSignIn(email: string, db: Queryable = this.dataSource): Promise<(UserView & { passwordHash: string | null }) | undefined> {
    const [row] = await q.findUserForSignIn.run({ email }, sqlClient(db));
    return row && toView(row);
  }

  async passwordHashOf(id: string, db: Queryable = this.dataSource): Promise<string | null | undefined> {
    const [row] = await q.passwordHashOf.run({ id }, sqlClient(db));
    return row?.passwordHash;
  }

  async setPassword(id: string, passwordHash: string, db: Queryable = this.dataSource): Promise<void> {
    await q.setPassword.run({ id, passwordHash }, sqlClient(db));
  }

  /** The new user; undefined when the e-mail address is taken (in any workspace). No password hash: invited. */
  async insert(
    user: { workspaceId: string; email: string; name: string; role: UserRole; passwordHash: string | null },
    db: Queryable = this.dataSource,
  ): Promise<UserView | undefined> {
    const [row] = await q.insertUser.run(user, sqlClient(db));
    return row && toView(row);
  }

  /** Changes the given fields of a user of the workspace (undefined: unchanged); undefined when there is no such user. */
  async update(
    workspaceId: string,
    id: string,
    changes: { name?: string; role?: UserRole; active?: boolean; passwordHash?: string },
    db: Queryable = this.dataSource,
  ): Promise<UserView | undefined> {
    const [row] = await q.updateUser.run(
      { workspaceId, id, name: changes.name ?? null, role: changes.role ?? null, active: changes.active ?? null, passwordHash: changes.passwordHash ?? null },
      sqlClient(db),
    );
    return row && toView(row);
  }
}
