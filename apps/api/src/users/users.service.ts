import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccessLinkView, InviteRequest, UserRole } from '@resonance/contracts';
import { hashPassword } from '@resonance/db';
import { AccessLinksService } from '../access-links/access-links.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { SessionService } from '../auth/session.service';
import { USER_VIEW_COLUMNS, type UserView } from './user.view';

/**
 * The answer when an address cannot be given to a new user. E-mail addresses are unique across
 * all workspaces (sign-in asks for the address only), so the address may belong to someone in
 * another workspace: the answer is the same whoever has it, and names no workspace, user or owner.
 */
export const EMAIL_UNAVAILABLE = 'this e-mail address cannot be used for a new user; choose another address';

export interface NewUser {
  email: string;
  name: string;
  role: UserRole;
  password: string;
}

export interface UserChanges {
  name?: string;
  role?: UserRole;
  active?: boolean;
  password?: string;
}

/** The workspace's users: list, add, change. Every statement is scoped by the admin's workspace. */
@Injectable()
export class UsersService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(AccessLinksService) private readonly links: AccessLinksService,
  ) {}

  /**
   * A user without a password and the one-time link that lets them choose one: the admin hands the
   * link over, no password passes through the admin.
   */
  async invite(actor: AuthUser, input: InviteRequest): Promise<{ user: UserView; link: AccessLinkView }> {
    const email = input.email.trim().toLowerCase();
    return this.dataSource.transaction(async (tx) => {
      const rows = (await tx.query(
        `INSERT INTO users (workspace_id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, NULL)
         ON CONFLICT (email) DO NOTHING RETURNING ${USER_VIEW_COLUMNS}`,
        [actor.workspaceId, email, input.name.trim(), input.role],
      )) as UserView[];
      if (!rows.length) throw new ConflictException(EMAIL_UNAVAILABLE);
      const link = await this.links.issue(tx, { workspaceId: actor.workspaceId, userId: rows[0].id, purpose: 'invite', createdBy: actor.id });
      await this.audit.record({ workspaceId: actor.workspaceId, actorUserId: actor.id, action: 'user.invite', targetType: 'user', targetId: rows[0].id, data: { role: input.role, expiresAt: link.expiresAt } }, tx);
      return { user: rows[0], link };
    });
  }

  /**
   * A new one-time link for a user of the workspace: a fresh invitation while they have no password,
   * a password reset otherwise. Their earlier unused link stops working.
   */
  async accessLink(actor: AuthUser, userId: string): Promise<AccessLinkView> {
    return this.dataSource.transaction(async (tx) => {
      const [user] = (await tx.query(`SELECT ${USER_VIEW_COLUMNS} FROM users WHERE id = $1 AND workspace_id = $2 FOR UPDATE`, [userId, actor.workspaceId])) as UserView[];
      if (!user) throw new NotFoundException(`user ${userId} not found`);
      if (!user.active) throw new BadRequestException('this user is deactivated: activate them first, then create the link');
      const purpose = user.invitationPending ? 'invite' : 'reset';
      const link = await this.links.issue(tx, { workspaceId: actor.workspaceId, userId, purpose, createdBy: actor.id });
      await this.audit.record({ workspaceId: actor.workspaceId, actorUserId: actor.id, action: purpose === 'invite' ? 'user.invite' : 'user.reset_link', targetType: 'user', targetId: userId, data: { expiresAt: link.expiresAt } }, tx);
      return link;
    });
  }

  list(workspaceId: string): Promise<UserView[]> {
    return this.dataSource.query(`SELECT ${USER_VIEW_COLUMNS} FROM users WHERE workspace_id = $1 ORDER BY name, id`, [workspaceId]);
  }

  async create(actor: AuthUser, input: NewUser): Promise<UserView> {
    const email = input.email.trim().toLowerCase();
    const rows = (await this.dataSource.query(
      `INSERT INTO users (workspace_id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (email) DO NOTHING RETURNING ${USER_VIEW_COLUMNS}`,
      [actor.workspaceId, email, input.name, input.role, await hashPassword(input.password)],
    )) as UserView[];
    if (!rows.length) throw new ConflictException(EMAIL_UNAVAILABLE);
    await this.audit.record({ workspaceId: actor.workspaceId, actorUserId: actor.id, action: 'user.create', targetType: 'user', targetId: rows[0].id, data: { role: input.role } });
    return rows[0];
  }

  async update(actor: AuthUser, id: string, body: UserChanges): Promise<UserView> {
    const changes: Record<string, unknown> = {};
    if (body.name !== undefined) changes.name = body.name;
    if (body.role !== undefined) changes.role = body.role;
    if (body.active !== undefined) changes.active = body.active;
    if (body.password !== undefined) changes.password_hash = await hashPassword(body.password);
    const columns = Object.keys(changes);
    if (!columns.length) throw new BadRequestException('nothing to change');
    if (id === actor.id && ((body.role !== undefined && body.role !== actor.role) || body.active === false)) {
      throw new BadRequestException('admins cannot change their own role or deactivate themselves');
    }
    const rows = (await this.dataSource.query(
      `WITH u AS (UPDATE users SET ${columns.map((c, i) => `${c} = $${i + 3}`).join(', ')}, updated_at = now()
                   WHERE id = $1 AND workspace_id = $2 RETURNING *)
       SELECT ${USER_VIEW_COLUMNS} FROM u`,
      [id, actor.workspaceId, ...columns.map((c) => changes[c])],
    )) as UserView[];
    if (!rows.length) throw new NotFoundException(`user ${id} not found`);
    if (body.active === false || body.password !== undefined) await this.sessions.destroyForUser(id, id === actor.id ? actor.sessionId : undefined);
    await this.audit.record({
      workspaceId: actor.workspaceId,
      actorUserId: actor.id,
      action: 'user.update',
      targetType: 'user',
      targetId: id,
      data: { ...body, password: body.password !== undefined ? '(changed)' : undefined },
    });
    return rows[0];
  }
}
