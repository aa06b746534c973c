import { BadRequestException, Inject, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { hashPassword, verifyPassword } from '@resonance/db';
import { AuditService, type AuditEntry } from '../audit/audit.service';
import type { UserView } from '../users/user.view';
import { UsersRepository } from '../users/users.repository';
import type { AuthUser } from './auth.types';
import { LoginThrottle } from './login-throttle';
import { SessionService } from './session.service';
import { SignInPassword } from './sign-in-password';

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(LoginThrottle) private readonly throttle: LoginThrottle,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(SignInPassword) private readonly signInPassword: SignInPassword,
  ) {}

  /**
   * The attempt is reserved before anything else (429 when refused), so parallel guesses cannot
   * outrun the throttle. Known and unknown e-mails then do the same work before the answer: one
   * user lookup and one scrypt; the failed-sign-in audit entry is written after the answer.
   */
  async login(input: { email: string; password: string; ip: string; userAgent?: string }) {
    const email = input.email.trim().toLowerCase();
    await this.throttle.reserveLogin(email, input.ip);
    const row = await this.users.findForSignIn(email);
    // An invited user without a password costs the same scrypt as an unknown e-mail and fails the same way.
    const ok = await this.signInPassword.matches(input.password, row?.passwordHash ?? undefined);
    if (!row || !ok || !row.active) {
      if (row)
        this.auditLater({
          workspaceId: row.workspaceId,
          actorUserId: row.id,
          action: 'auth.login_failed',
          targetType: 'user',
          targetId: row.id,
          data: { ip: input.ip },
        });
      throw new UnauthorizedException('wrong e-mail or password');
    }
    await this.throttle.loginSucceeded(email, input.ip);
    const session = await this.sessions.create({ userId: row.id, workspaceId: row.workspaceId, ip: input.ip, userAgent: input.userAgent });
    await this.audit.record({
      workspaceId: row.workspaceId,
      actorUserId: row.id,
      action: 'auth.login',
      targetType: 'user',
      targetId: row.id,
      data: { ip: input.ip },
    });
    const { passwordHash: _, ...user } = row;
    return { user, ...session };
  }

  /** Off the response path: its duration would tell a known e-mail from an unknown one. */
  private auditLater(entry: AuditEntry): void {
    this.audit
      .record(entry)
      .catch((error: unknown) => this.logger.warn(`audit of ${entry.action} failed: ${error instanceof Error ? error.message : String(error)}`));
  }

  async me(user: AuthUser): Promise<UserView> {
    const row = await this.users.find(user.id);
    // The session guard resolved the user a moment ago; only a concurrent deletion gets here.
    if (!row) throw new UnauthorizedException('not signed in');
    return row;
  }

  async changePassword(user: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
    // Reserved before the hash is checked, like a sign-in: a stolen session cannot guess the password.
    await this.throttle.reservePasswordCheck(user.id);
    const passwordHash = await this.users.passwordHashOf(user.id);
    if (passwordHash === undefined || !(await verifyPassword(currentPassword, passwordHash))) {
      throw new BadRequestException('currentPassword is wrong');
    }
    await this.throttle.passwordCheckSucceeded(user.id);
    if (currentPassword === newPassword) throw new BadRequestException('newPassword must differ from currentPassword');
    await this.users.setPassword(user.id, await hashPassword(newPassword));
    await this.sessions.destroyForUser(user.id, user.sessionId);
    await this.audit.record({ workspaceId: user.workspaceId, actorUserId: user.id, action: 'user.password', targetType: 'user', targetId: user.id });
  }

  async logout(user: AuthUser): Promise<void> {
    await this.sessions.destroy(user.sessionId);
    await this.audit.record({ workspaceId: user.workspaceId, actorUserId: user.id, action: 'auth.logout', targetType: 'user', targetId: user.id });
  }
}
