import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

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
    await tx.query(`LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE`);
    const [same] = (await tx.query(
      `SELECT u.id, u.workspace_id AS "workspaceId", u.name, w.name AS "workspaceName"
         FROM users u JOIN workspace w ON w.id = u.workspace_id WHERE u.email = $1 AND u.role = 'admin'`,
      [email],
    )) as Array<{ id: string; workspaceId: string; name: string; workspaceName: string }>;
    if (same) return { kind: 'exists', workspaceId: same.workspaceId, userId: same.id, email, workspaceName: same.workspaceName, adminName: same.name };
    const [{ count }] = (await tx.query(`SELECT count(*)::int AS count FROM users`)) as Array<{ count: number }>;
    if (count > 0) {
      const admins = (await tx.query(`SELECT email FROM users WHERE role = 'admin' ORDER BY created_at, email LIMIT 5`)) as Array<{ email: string }>;
      return { kind: 'taken', adminEmails: admins.map((a) => a.email) };
    }
    const workspaceId = await insertWorkspace(tx, input.workspaceName.trim());
    const [user] = (await tx.query(
      `INSERT INTO users (workspace_id, email, name, role, password_hash) VALUES ($1, $2, $3, 'admin', $4) RETURNING id`,
      [workspaceId, email, input.adminName.trim(), input.passwordHash],
    )) as Array<{ id: string }>;
    // The same audit entry the api writes for its own actions, in the same transaction.
    await tx.query(
      `INSERT INTO audit_event (workspace_id, actor_user_id, action, target_type, target_id, data) VALUES ($1, $2, 'workspace.first_admin', 'workspace', $3, $4)`,
      [workspaceId, user.id, workspaceId, JSON.stringify({ via: input.via, adminUserId: user.id, ...(input.ip ? { ip: input.ip } : {}) })],
    );
    return { kind: 'created', workspaceId, userId: user.id, email };
  });
}

/** A workspace row with a slug made from its name (a random tail when a workspace without users holds it). */
async function insertWorkspace(tx: EntityManager, name: string): Promise<string> {
  const base = slugOf(name);
  for (const slug of [base, `${base}-${randomBytes(3).toString('hex')}`, `${base}-${randomBytes(6).toString('hex')}`]) {
    const rows = (await tx.query(`INSERT INTO workspace (name, slug) VALUES ($1, $2) ON CONFLICT (slug) DO NOTHING RETURNING id`, [name, slug])) as Array<{ id: string }>;
    if (rows.length) return rows[0].id;
  }
  throw new Error(`no free workspace slug for "${name}"`);
}
