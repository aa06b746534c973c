import { useEffect } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ACCESS_LINK_PATH, type UserRole } from '@resonance/contracts';
import { AccessLinkPage } from '../features/auth/AccessLinkPage';
import { LoginPage } from '../features/auth/LoginPage';
import { meQueryOptions, useMe } from '../features/auth/get-me';
import { InboxPage } from '../features/inbox/InboxPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { ChannelsPage } from '../features/channels/ChannelsPage';
import { OnboardingPage } from '../features/onboarding/OnboardingPage';
import { useOnboardingStatus } from '../features/onboarding/onboarding';
import { AdminPage } from '../features/admin/AdminPage';
import { NotificationSettingsPage } from '../features/notifications/NotificationSettingsPage';
import { setUnauthorizedHandler } from '../shared/api/http';
import { SessionContext } from '../shared/session/session';
import { ErrorState, LoadingState } from '../shared/ui/states';
import { Layout } from './Layout';

/** Which pages each role sees; the API enforces the same boundaries. */
export const PAGES_BY_ROLE: Record<UserRole, Array<'inbox' | 'reports' | 'channels' | 'admin'>> = {
  agent: ['inbox'],
  analyst: ['reports', 'inbox'],
  admin: ['inbox', 'reports', 'channels', 'admin'],
};

export function App() {
  const client = useQueryClient();
  const me = useMe();
  const { pathname } = useLocation();
  // Asked only when nobody is signed in: a fresh installation shows the onboarding form, not a login.
  const onboarding = useOnboardingStatus(me.data === null);

  useEffect(() => {
    setUnauthorizedHandler(() => client.setQueryData(meQueryOptions().queryKey, null));
  }, [client]);

  // A one-time link (invitation, reset) opens its page whoever is signed in.
  if (pathname === ACCESS_LINK_PATH) return <AccessLinkPage />;
  if (me.isPending) return <LoadingState />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    if (onboarding.isPending) return <LoadingState />;
    return onboarding.data?.needed ? <OnboardingPage /> : <LoginPage />;
  }

  const user = me.data.user;
  const pages = PAGES_BY_ROLE[user.role] ?? [];
  return (
    <SessionContext.Provider value={user}>
      <Layout pages={pages}>
        <Routes>
          {pages.includes('inbox') && <Route path="/inbox/:threadId?" element={<InboxPage />} />}
          {pages.includes('reports') && <Route path="/reports/:tab?" element={<ReportsPage />} />}
          {pages.includes('channels') && <Route path="/channels" element={<ChannelsPage />} />}
          {pages.includes('admin') && <Route path="/admin/:tab?" element={<AdminPage />} />}
          <Route path="/settings/notifications" element={<NotificationSettingsPage />} />
          <Route path="*" element={<Navigate to={`/${pages[0] ?? 'inbox'}`} replace />} />
        </Routes>
      </Layout>
    </SessionContext.Provider>
  );
}
