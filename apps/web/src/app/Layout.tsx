import type { ReactNode } from 'react';
import { NavLink as RouterNavLink } from 'react-router';
import { AppShell, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useLogout } from '../features/auth/logout';
import { HealthBadge } from '../features/health/HealthBadge';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { useI18n } from '../shared/i18n/I18nProvider';
import { useSessionUser } from '../shared/session/session';
import { LanguageSwitch } from '../shared/ui/LanguageSwitch';

const LABEL = { inbox: 'nav.inbox', reports: 'nav.reports', channels: 'nav.channels', admin: 'nav.admin' } as const;

export function Layout({ pages, children }: { pages: Array<keyof typeof LABEL>; children: ReactNode }) {
  const { t } = useI18n();
  const user = useSessionUser();
  const logout = useLogout();
  return (
    <AppShell navbar={{ width: 200, breakpoint: 0 }} padding={0}>
      <AppShell.Navbar p="sm" aria-label="Main">
        <Stack justify="space-between" h="100%">
          <Stack gap={4}>
            <Group justify="space-between" wrap="nowrap" mb="sm">
              <Title order={2} size="h4">
                {t('app.name')}
              </Title>
              <NotificationBell />
            </Group>
            <nav>
              {pages.map((page) => (
                <NavLink key={page} component={RouterNavLink} to={`/${page}`} label={t(LABEL[page])} data-testid={`nav-${page}`} />
              ))}
            </nav>
          </Stack>
          <Stack gap="xs">
            <HealthBadge />
            <Text size="xs" c="dimmed" data-testid="signed-in-as">
              {t('nav.signedInAs', { name: user.name, role: t(`role.${user.role}`) })}
            </Text>
            <NavLink component={RouterNavLink} to="/settings/notifications" label={t('notifications.settings')} data-testid="nav-notification-settings" />
            <LanguageSwitch />
            <Group>
              <Button variant="subtle" size="xs" onClick={() => logout.mutate()} loading={logout.isPending}>
                {t('nav.logout')}
              </Button>
            </Group>
          </Stack>
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main h="100vh" style={{ display: 'flex', flexDirection: 'column' }}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
