import type { SimRequest, SimResponse } from '../../core/http';
import { errors } from './errors';
import type { LinkedInState } from './state';
import type { LiToken } from './tokens';

/**
 * Who may act as `actor` (author, comment actor, reaction actor, upload owner): the organization
 * through an administrator's token with one of `orgScopes`, or the token's own member
 * (urn:li:person, the member the token is for) with w_member_social — LinkedIn's "Post, comment and
 * like posts on behalf of an authenticated member". Anyone else: 403 naming `what`.
 */
export function mayActAs(
  state: LinkedInState,
  { req, token }: { req: SimRequest; token: LiToken },
  actor: string,
  what: string,
  orgScopes: string[],
): SimResponse | null {
  if (actor === state.orgUrn) {
    if (!state.isAdmin(token.memberUrn)) return errors.accessDenied(`${what}.${state.version(req) ?? ''}`);
    if (!orgScopes.some((s) => token.scopes.includes(s))) return errors.accessDenied(`${what} (scope ${orgScopes[0]})`);
    return null;
  }
  if (actor !== token.memberUrn) return errors.accessDenied(`${what}.${state.version(req) ?? ''}`);
  if (!token.scopes.includes('w_member_social')) return errors.accessDenied(`${what} (scope w_member_social)`);
  return null;
}
