import { HttpException, HttpStatus, Inject, Injectable, UnauthorizedException, BadRequestException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hashPassword, verifyPassword } from '@resonance/db';
import { AuditService } from '../audit/audit.service';
import { USER_VIEW_COLUMNS, type UserView } from '../users/user.view';
import type { AuthUser } from './auth.types';
import { LoginThrottle } from './login-throttle';
import { SessionService } from './session.service';

// A real hash of a random password: unknown e-mails cost as much time as wrong passwords.
const DUMMY_HASH = hashPassword(`dummy-${Math.random()}`);

@Injectable()
export class AuthService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(LoginThrottle) private readonly throttle: LoginThrottle,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async login(input: { email: string; password: string; ip: string; userAgent?: string }) {
    const email = input.email.trim().toLowerCase();
    const waitMs = await this.throttle.retryAfterMs(email, input.ip);
    if (waitMs > 0) {
      throw new HttpException(
        { statusCode: 429, error: 'Too Many Requests', message: 'too many failed sign-ins; try again later', retryAfterSeconds: Math.ceil(waitMs / 1000) },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const [row] = (await this.dataSource.query(
      `SELECT ${USER_VIEW_COLUMNS}, password_hash AS "passwordHash" FROM users WHERE email = $1`,
      [email],
    )) as Array<UserView & { passwordHash: string }>;
    const ok = await verifyPassword(input.password, row?.passwordHash ?? (await DUMMY_HASH));
    if (!row || !ok || !row.active) {
      await this.throttle.recordFailure(email, input.ip);
      if (row) await this.audit.record({ workspaceId: row.workspaceId, actorUserId: row.id, action: 'auth.login_failed', targetType: 'user', targetId: row.id, data: { ip: input.ip } });
      throw new UnauthorizedException('wrong e-mail or password');
    }
    await this.throttle.recordSuccess(email);
    const session = await this.sessions.create({ userId: row.id, workspaceId: row.workspaceId, ip: input.ip, userAgent: input.userAgent });
    await this.audit.record({ workspaceId: row.workspaceId, actorUserId: row.id, action: 'auth.login', targetType: 'user', targetId: row.id, data: { ip: input.ip } });
    const { passwordHash: _, ...user } = row;
    return { user, ...session };
  }

  async me(user: AuthUser): Promise<UserView> {
    const [row] = (await this.dataSource.query(`SELECT ${USER_VIEW_COLUMNS} FROM users WHERE id = $1`, [user.id])) as UserView[];
    return row;
  }

  async changePassword(user: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
    const [row] = (await this.dataSource.query(`SELECT password_hash FROM users WHERE id = $1`, [user.id])) as Array<{ password_hash: string }>;
    if (!row || !(await verifyPassword(currentPassword, row.password_hash))) {
      throw new BadRequestException('currentPassword is wrong');
    }
    if (currentPassword === newPassword) throw new BadRequestException('newPassword must differ from currentPassword');
    await this.dataSource.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [user.id, await hashPassword(newPassword)]);
    await this.sessions.destroyForUser(user.id, user.sessionId);
    await this.audit.record({ workspaceId: user.workspaceId, actorUserId: user.id, action: 'user.password', targetType: 'user', targetId: user.id });
  }

  async logout(user: AuthUser): Promise<void> {
    await this.sessions.destroy(user.sessionId);
    await this.audit.record({ workspaceId: user.workspaceId, actorUserId: user.id, action: 'auth.logout', targetType: 'user', targetId: user.id });
  }
}
