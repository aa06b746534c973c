import { createContext, useContext } from 'react';
import type { UserRole, UserView } from '@resonance/contracts';

/** The signed-in user, as GET /api/auth/me answers it. Provided by the app shell to every feature. */
export type SessionUser = UserView;

export const SessionContext = createContext<SessionUser | null>(null);

export function useSessionUser(): SessionUser {
  const user = useContext(SessionContext);
  if (!user) throw new Error('useSessionUser outside a signed-in page');
  return user;
}

export const canWriteInbox = (role: UserRole) => role === 'admin' || role === 'agent';
