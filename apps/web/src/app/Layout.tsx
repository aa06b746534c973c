import { useState, type ReactNode } from 'react';
import { NavLink as RouterNavLink } from 'react-router';
import { AppShell, Burger, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useLogout } from '../features/auth/logout';
import { HealthBadge } from '../features/health/HealthBadge';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { useI18n } from '../shared/i18n/I18nProvider';
import { useSessionUser } from '../shared/session/session';
import { LanguageSwitch } from '../shared/ui/LanguageSwitch';
import { NARROW_MAX_PX, useNarrow } from '../shared/ui/use-narrow';

const LABEL = { inbox: 'nav.inbox', reports: 'nav.reports', channels: 'nav.channels', admin: 'nav.admin' } as const;
const NAVBAR_ID = 'main-navigation';

/**
 * The page frame. Wide: the menu is a column on the left. Narrow (use-narrow.ts): a top bar with the
 * menu button, the product name and the bell; the menu opens over the page and closes when a link
 * in it is chosen. What is covered or closed is inert, so Tab never walks into what nobody can see.
 */
export function Layout({ pages, children }: { pages: Array<keyof typeof LABEL>; children: ReactNode }) {
  const { t } = useI18n();
  const user = useSessionUser();
  const logout = useLogout();
  const narrow = useNarrow();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuShown = !narrow || menuOpen;

  return (
    <AppShell header={{ height: 52, collapsed: !narrow }} navbar={{ width: 200, breakpoint: NARROW_MAX_PX + 1, collapsed: { mobile: !menuOpen } }} padding={0}>
      {narrow && (
        <AppShell.Header px="sm">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Group gap="xs" wrap="nowrap">
              <Burger
                opened={menuOpen}
                onClick={() => setMenuOpen((o) => !o)}
                size="sm"
                aria-label={menuOpen ? t('layout.menuClose') : t('layout.menuOpen')}
                aria-expanded={menuOpen}
                aria-controls={NAVBAR_ID}
                data-testid="nav-menu"
              />
              <Text fw={700} size="lg">
                {t('app.name')}
              </Text>
            </Group>
            <NotificationBell />
          </Group>
        </AppShell.Header>
      )}
      <AppShell.Navbar
        p="sm"
        aria-label="Main"
        id={NAVBAR_ID}
        inert={!menuShown}
        style={menuShown ? undefined : { visibility: 'hidden' }}
        // Choosing a page (or a setting) closes the menu on a narrow screen.
        onClick={(e) => {
          if ((e.target as HTMLElement).closest('a[href]')) setMenuOpen(false);
        }}
      >
        <Stack justify="space-between" h="100%">
          <Stack gap={4}>
            {!narrow && (
              <Group justify="space-between" wrap="nowrap" mb="sm">
                <Title order={2} size="h4">
                  {t('app.name')}
                </Title>
                <NotificationBell />
              </Group>
            )}
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
      <AppShell.Main h="100dvh" style={{ display: 'flex', flexDirection: 'column' }} inert={narrow && menuOpen}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
