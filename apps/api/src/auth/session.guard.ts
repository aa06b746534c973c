import { timingSafeEqual } from 'node:crypto';
import { ForbiddenException, Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { HttpRequest } from '../common/http';
import type { UserRole } from '@resonance/contracts';
import { CSRF_HEADER, SESSION_COOKIE } from './auth.types';
import { readCookie } from './cookies';
import { SessionService } from './session.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const ROLES_KEY = 'resonance:roles';

const sameToken = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Session cookie → user; role check; CSRF token check on writes. */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(SessionService) private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<HttpRequest>();
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    const user = token ? await this.sessions.resolve(token) : null;
    if (!user) throw new UnauthorizedException('sign in first (POST /api/auth/login)');
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (roles && !roles.includes(user.role)) {
      throw new ForbiddenException(`the ${user.role} role may not do this (allowed: ${roles.join(', ')})`);
    }
    if (!SAFE_METHODS.has(req.method)) {
      const given = req.headers[CSRF_HEADER];
      if (typeof given !== 'string' || !sameToken(given, user.csrfToken)) {
        throw new ForbiddenException('missing or wrong X-CSRF-Token header');
      }
    }
    req.user = user;
    return true;
  }
}
