import type { AccessLinkView } from '../accounts';
import type { UserRole } from '../domain';

/** A user as GET /api/users, GET /api/auth/me and the user endpoints show it (never the password hash). */
export interface UserView {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  active: boolean;
  workspaceId: string;
  /** Invited and no password set yet: cannot sign in until the invitation link is used. */
  invitationPending: boolean;
}

/** POST /api/users (admins; for scripts — the dashboard invites instead). */
export interface CreateUserRequest {
  email: string;
  name: string;
  role: UserRole;
  password: string;
}

/** PATCH /api/users/:id (admins). */
export interface UpdateUserRequest {
  name?: string;
  role?: UserRole;
  /** false signs the user out everywhere and blocks sign-in */
  active?: boolean;
  /** sets a new password and signs the user out everywhere */
  password?: string;
}

/** 201 of POST /api/users/invites: the user and the one-time link to hand over. */
export interface InvitedUser {
  user: UserView;
  link: AccessLinkView;
}
