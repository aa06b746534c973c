import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccessLinkView, InviteRequest, UserRole } from '@resonance/contracts';
import { hashPassword } from '@resonance/db';
import { AccessLinksService } from '../access-links/access-links.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { SessionService } from '../auth/session.service';
import type { UserView } from './user.view';
import { UsersRepository } from './users.repository';

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
    @Inject(UsersRepository) private readonly users: UsersRepository,
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
      const user = await this.users.insert({ workspaceId: actor.workspaceId, email, name: input.name.trim(), role: input.role, passwordHash: null }, tx);
      if (!user) throw new ConflictException(EMAIL_UNAVAILABLE);
      const link = await this.links.issue(tx, { workspaceId: actor.workspaceId, userId: user.id, purpose: 'invite', createdBy: actor.id });
      await this.audit.record(
        {
          workspaceId: actor.workspaceId,
          actorUserId: actor.id,
          action: 'user.invite',
          targetType: 'user',
          targetId: user.id,
          data: { role: input.role, expiresAt: link.expiresAt },
        },
        tx,
      );
      return { user, link };
    });
  }

  /**
   * A new one-time link for a user of the workspace: a fresh invitation while they have no password,
   * a password reset otherwise. Their earlier unused link stops working.
   */
  async accessLink(actor: AuthUser, userId: string): Promise<AccessLinkView> {
    return this.dataSource.transaction(async (tx) => {
      const user = await this.users.lock(actor.workspaceId, userId, tx);
      if (!user) throw new NotFoundException(`user ${userId} not found`);
      if (!user.active) throw new BadRequestException('this user is deactivated: activate them first, then create the link');
      const purpose = user.invitationPending ? 'invite' : 'reset';
      const link = await this.links.issue(tx, { workspaceId: actor.workspaceId, userId, purpose, createdBy: actor.id });
      await this.audit.record(
        {
          workspaceId: actor.workspaceId,
          actorUserId: actor.id,
          action: purpose === 'invite' ? 'user.invite' : 'user.reset_link',
          targetType: 'user',
          targetId: userId,
          data: { expiresAt: link.expiresAt },
        },
        tx,
      );
      return link;
    });
  }

  list(workspaceId: string): Promise<UserView[]> {
    return this.users.list(workspaceId);
  }

  async create(actor: AuthUser, input: NewUser): Promise<UserView> {
    const email = input.email.trim().toLowerCase();
    const user = await this.users.insert({
      workspaceId: actor.workspaceId,
      email,
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(input.password),
    });
    if (!user) throw new ConflictException(EMAIL_UNAVAILABLE);
    await this.audit.record({
      workspaceId: actor.workspaceId,
      actorUserId: actor.id,
      action: 'user.create',
      targetType: 'user',
      targetId: user.id,
      data: { role: input.role },
    });
    return user;
  }

  async update(actor: AuthUser, id: string, body: UserChanges): Promise<UserView> {
    if (body.name === undefined && body.role === undefined && body.active === undefined && body.password === undefined) {
      throw new BadRequestException('nothing to change');
    }
    if (id === actor.id && ((body.role !== undefined && body.role !== actor.role) || body.active === false)) {
      throw new BadRequestException('admins cannot change their own role or deactivate themselves');
    }
    const passwordHash = body.password !== undefined ? await hashPassword(body.password) : undefined;
    const user = await this.users.update(actor.workspaceId, id, { name: body.name, role: body.role, active: body.active, passwordHash });
    if (!user) throw new NotFoundException(`user ${id} not found`);
    // This copy's kept lookups of the user's sessions end now (other copies' on the database's notification).
    this.sessions.forgetUser(id);
    if (body.active === false || body.password !== undefined) await this.sessions.destroyForUser(id, id === actor.id ? actor.sessionId : undefined);
    await this.audit.record({
      workspaceId: actor.workspaceId,
      actorUserId: actor.id,
      action: 'user.update',
      targetType: 'user',
      targetId: id,
      data: { ...body, password: body.password !== undefined ? '(changed)' : undefined },
    });
    return user;
  }
}
