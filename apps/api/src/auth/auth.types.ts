import type { UserRole } from '@resonance/contracts';

/** The signed-in user of a request, set by SessionGuard. */
export interface AuthUser {
  id: string;
  workspaceId: string;
  email: string;
  name: string;
  role: UserRole;
  sessionId: string;
  csrfToken: string;
}

export const ALL_ROLES: UserRole[] = ['admin', 'agent', 'analyst'];
/** Who works the inbox (writes to threads): agents and admins. Analysts read only. */
export const INBOX_WRITERS: UserRole[] = ['admin', 'agent'];
export const ADMINS: UserRole[] = ['admin'];

export const SESSION_COOKIE = 'resonance_session';
/** Readable by the dashboard's script; its value goes back in the X-CSRF-Token header. */
export const CSRF_COOKIE = 'resonance_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** A session ends after this long without a request, and at the latest after MAX. */
export const SESSION_IDLE_MS = 24 * 3600_000;
export const SESSION_MAX_MS = 14 * 24 * 3600_000;
