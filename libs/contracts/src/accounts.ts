import type { UserRole } from './domain';

/** Every password, wherever it is set (sign-in forms, onboarding, one-time links, `resonance setup`). */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** GET /api/onboarding (public): whether the installation still needs its first admin. */
export interface OnboardingStatus {
  needed: boolean;
}

/** POST /api/onboarding (public, only while needed): the workspace and its first admin. */
export interface OnboardingRequest {
  workspaceName: string;
  adminName: string;
  adminEmail: string;
  password: string;
}

export interface OnboardingResult {
  workspaceId: string;
  email: string;
}

/** What a one-time link is for: an invited user's first password, or a new one. */
export const ACCESS_LINK_PURPOSES = ['invite', 'reset'] as const;
export type AccessLinkPurpose = (typeof ACCESS_LINK_PURPOSES)[number];
export const isAccessLinkPurpose = (value: unknown): value is AccessLinkPurpose =>
  typeof value === 'string' && (ACCESS_LINK_PURPOSES as readonly string[]).includes(value);

/** Days a one-time link stays usable. */
export const ACCESS_LINK_DAYS = 7;

/** The dashboard page a one-time link opens; the token travels in the fragment, never to a server log. */
export const ACCESS_LINK_PATH = '/access';

/** A one-time link as an admin receives it, to hand over. Shown once: only its hash is stored. */
export interface AccessLinkView {
  purpose: AccessLinkPurpose;
  url: string;
  expiresAt: string;
}

/** POST /api/users/invites (admins). */
export interface InviteRequest {
  email: string;
  name: string;
  role: UserRole;
}

/** POST /api/access-links/inspect (public): whom the link is for, before the password is chosen. */
export interface AccessLinkInfo {
  purpose: AccessLinkPurpose;
  email: string;
  name: string;
  expiresAt: string;
}

/** POST /api/access-links/accept (public): sets the password; the link is used up. */
export interface AcceptAccessLinkRequest {
  token: string;
  password: string;
}
