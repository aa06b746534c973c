import { applyDecorators, createParamDecorator, SetMetadata, UseGuards, type ExecutionContext } from '@nestjs/common';
import { ApiCookieAuth, ApiForbiddenResponse, ApiHeader, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { UserRole } from '@resonance/contracts';
import { ErrorBody } from '../common/api-types';
import { SESSION_COOKIE, type AuthUser } from './auth.types';
import { SessionGuard } from './session.guard';

export const ROLES_KEY = 'resonance:roles';

/**
 * Requires a signed-in user with one of the roles (on a controller, or a route to override it).
 * Writes (POST, PUT, PATCH, DELETE) also require the X-CSRF-Token header.
 */
export const Authenticated = (...roles: UserRole[]) =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    UseGuards(SessionGuard),
    ApiCookieAuth(SESSION_COOKIE),
    ApiHeader({ name: 'X-CSRF-Token', required: false, description: 'Required on POST/PUT/PATCH/DELETE: the csrfToken from login or GET /api/auth/me' }),
    ApiUnauthorizedResponse({ type: ErrorBody, description: 'Not signed in, or the session ended' }),
    ApiForbiddenResponse({ type: ErrorBody, description: 'The role may not do this, or the CSRF token is missing or wrong' }),
  );

/** The signed-in user (set by SessionGuard). */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
