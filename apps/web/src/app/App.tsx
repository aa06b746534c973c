import { useEffect } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { UserRole } from '@resonance/contracts';
import { LoginPage } from '../features/auth/LoginPage';
import { meQueryOptions, useMe } from '../features/auth/get-me';
import { InboxPage } from '../features/inbox/InboxPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { ChannelsPage } from '../features/channels/ChannelsPage';
import { AdminPage } from '../features/admin/AdminPage';
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

  useEffect(() => {
    setUnauthorizedHandler(() => client.setQueryData(meQueryOptions().queryKey, null));
  }, [client]);

  if (me.isPending) return <LoadingState />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <LoginPage />;

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
          <Route path="*" element={<Navigate to={`/${pages[0] ?? 'inbox'}`} replace />} />
        </Routes>
      </Layout>
    </SessionContext.Provider>
  );
}
