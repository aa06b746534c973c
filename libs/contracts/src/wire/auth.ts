import type { UserView } from './users';

/** POST /api/auth/login */
export interface LoginRequest {
  email: string;
  password: string;
}

/** POST /api/auth/password */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** GET /api/auth/me and POST /api/auth/login: the signed-in user and the CSRF token for writes. */
export interface SessionView {
  user: UserView;
  csrfToken: string;
}

/** 200 of POST /api/access-links/accept: the account the password was set for. */
export interface AccessLinkAccepted {
  email: string;
}
