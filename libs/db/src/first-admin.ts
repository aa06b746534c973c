import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  adminByEmail,
  auditFirstAdmin,
  countUsers,
  firstAdmins,
  insertFirstAdmin,
  insertWorkspace as insertWorkspaceRow,
  lockUsers,
} from './first-admin.queries';
import { sqlClient } from './sql-client';

/**
 * The first workspace and its first admin, shared by `resonance setup` and the dashboard's one-time
 * onboarding. Both go through this one function so the rule is the same: the first admin can be
 * created only while the installation has no user at all.
 */
export interface FirstAdminInput {
  workspaceName: string;
  adminEmail: string;
  adminName: string;
  /** Already hashed with hashPassword: the scrypt runs before the lock, not while holding it. */
  passwordHash: string;
  /** Recorded in the audit entry: which way the installation got its first admin. */
  via: 'setup' | 'onboarding';
  /** The client address of an onboarding request, for the audit entry. */
  ip?: string;
}

export type FirstAdminOutcome =
  | { kind: 'created'; workspaceId: string; userId: string; email: string }
  /** An admin with this e-mail exists already: nothing was changed. */
  | { kind: 'exists'; workspaceId: string; userId: string; email: string; workspaceName: string; adminName: string }
  /** Users exist and none of them is an admin with this e-mail: the first admin exists already. */
  | { kind: 'taken'; adminEmails: string[] };

const slugOf = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48) || 'workspace';

/**
 * Creates the workspace and its admin when the installation has no user, in one transaction that
 * first takes a lock on the users table which every insert into it waits for: of two racing calls,
 * the second sees the first one's admin and creates nothing.
 */
export async function createFirstAdmin(dataSource: DataSource, input: FirstAdminInput): Promise<FirstAdminOutcome> {
  const email = input.adminEmail.trim().toLowerCase();
  return dataSource.transaction(async (tx) => {
    // SHARE ROW EXCLUSIVE conflicts with itself and with every INSERT/UPDATE/DELETE on users; reads go on.
    const db = sqlClient(tx);
    await lockUsers.run(undefined, db);
    const [same] = await adminByEmail.run({ email }, db);
    if (same) return { kind: 'exists', workspaceId: same.workspaceId, userId: same.id, email, workspaceName: same.workspaceName, adminName: same.name };
    const [{ count }] = await countUsers.run(undefined, db);
    if (count > 0) {
      const admins = await firstAdmins.run(undefined, db);
      return { kind: 'taken', adminEmails: admins.map((a) => a.email) };
    }
    const workspaceId = await insertWorkspace(tx, input.workspaceName.trim());
    const [user] = await insertFirstAdmin.run({ workspaceId, email, name: input.adminName.trim(), passwordHash: input.passwordHash }, db);
    // The same audit entry the api writes for its own actions, in the same transaction.
    const data = JSON.stringify({ via: input.via, adminUserId: user.id, ...(input.ip ? { ip: input.ip } : {}) });
    await auditFirstAdmin.run({ workspaceId, userId: user.id, targetId: workspaceId, data }, db);
    return { kind: 'created', workspaceId, userId: user.id, email };
  });
}

/** A workspace row with a slug made from its name (a random tail when a workspace without users holds it). */
async function insertWorkspace(tx: EntityManager, name: string): Promise<string> {
  const base = slugOf(name);
  for (const slug of [base, `${base}-${randomBytes(3).toString('hex')}`, `${base}-${randomBytes(6).toString('hex')}`]) {
    const rows = await insertWorkspaceRow.run({ name, slug }, sqlClient(tx));
    if (rows.length) return rows[0].id;
  }
  throw new Error(`no free workspace slug for "${name}"`);
}
