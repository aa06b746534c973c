import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { ActionIcon, Badge, Box, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import type { NotificationItem } from '@resonance/contracts';
import { useI18n, type Translate } from '../../shared/i18n/I18nProvider';
import { NetworkIcon } from '../../shared/ui/NetworkIcon';
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotifications, useNotificationSettings, useSaveNotificationSettings } from './notifications';

function BellIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
      <path d="M13.73 21a2 2 0 0 1-3.46 0" />
    </svg>
  );
}

function NotificationNetwork({ n }: { n: NotificationItem }) {
  const network = n.thread?.network ?? n.channel?.network;
  return network ? <NetworkIcon network={network} size={18} /> : null;
}

/** One line saying what happened, in the UI language. */
export function notificationText(n: NotificationItem, t: Translate, formatRelative: (v: string) => string): string {
  const actor = n.actor?.name ?? t('notifications.someone');
  const contact = n.thread?.contactName ?? t('notifications.customer');
  return t(`notifications.kind.${n.kind}`, { actor, contact, channel: n.channel?.name ?? '—', time: n.dueAt ? formatRelative(n.dueAt) : '' });
}

/**
 * The bell beside the app's name: the unread count, and on click the newest notifications. Choosing
 * one marks it read and opens its thread (or the channels page). It also keeps the user's e-mail
 * language in step with the language of the dashboard.
 */
export function NotificationBell() {
  const { t, language, formatRelative } = useI18n();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const list = useNotifications();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const settings = useNotificationSettings();
  const { mutate: saveSettings } = useSaveNotificationSettings();
  const storedLanguage = settings.data?.language;
  useEffect(() => {
    if (storedLanguage && storedLanguage !== language) saveSettings({ language });
  }, [storedLanguage, language, saveSettings]);

  const unread = list.data?.unread ?? 0;
  const open = (n: NotificationItem) => {
    if (!n.readAt) markRead.mutate(n.id);
    setOpened(false);
    if (n.thread) void navigate(`/inbox/${n.thread.id}`);
    else if (n.channel) void navigate('/channels');
  };

  return (
    // The Indicator (a div) wraps the whole popover: Popover.Target puts aria-expanded on its child,
    // which is only allowed on the button itself (axe: aria-allowed-attr).
    <Indicator
      label={unread > 99 ? '99+' : unread}
      size={18}
      color="red.8"
      disabled={unread === 0}
      offset={4}
      data-testid="notification-count"
      data-count={unread}
    >
      <Popover opened={opened} onChange={setOpened} position="bottom-start" width={340} shadow="md" trapFocus returnFocus withinPortal>
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="dark"
            size="lg"
            aria-label={unread ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}
            aria-haspopup="dialog"
            aria-expanded={opened}
            onClick={() => setOpened((o) => !o)}
            data-testid="notification-bell"
          >
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p="xs" role="dialog" aria-label={t('notifications.title')} data-testid="notification-panel" maw="calc(100vw - 16px)">
          <Group justify="space-between" mb={4}>
            <Text fw={700} size="sm">
              {t('notifications.title')}
            </Text>
            <Button
              size="compact-xs"
              variant="subtle"
              color="dark"
              disabled={unread === 0}
              onClick={() => markAll.mutate()}
              data-testid="notification-read-all"
            >
              {t('notifications.markAllRead')}
            </Button>
          </Group>
          {list.isError ? (
            <Text size="sm" c="red.9" role="alert">
              {t('notifications.loadFailed')}
            </Text>
          ) : !list.data?.items.length ? (
            <Text size="sm" c="gray.8">
              {t('notifications.empty')}
            </Text>
          ) : (
            <ScrollArea.Autosize mah={400}>
              <Stack gap={2}>
                {list.data.items.map((n) => (
                  <UnstyledButton
                    key={n.id}
                    onClick={() => open(n)}
                    p={6}
                    style={{ borderRadius: 6, background: n.readAt ? undefined : 'var(--mantine-color-blue-0)' }}
                    data-testid="notification-item"
                    data-kind={n.kind}
                    data-unread={!n.readAt}
                  >
                    <Group gap={8} wrap="nowrap" align="flex-start">
                      <NotificationNetwork n={n} />
                      <Box style={{ minWidth: 0 }}>
                        <Text size="sm" c="dark.9" fw={n.readAt ? 400 : 600}>
                          {notificationText(n, t, formatRelative)}
                        </Text>
                        {n.thread?.preview && (
                          <Text size="xs" c="gray.8" lineClamp={1}>
                            {n.thread.preview}
                          </Text>
                        )}
                        <Group gap={6}>
                          <Text size="xs" c="gray.8">
                            {formatRelative(n.createdAt)}
                          </Text>
                          {!n.readAt && (
                            <Badge size="xs" color="blue.9" variant="filled">
                              {t('notifications.unread')}
                            </Badge>
                          )}
                        </Group>
                      </Box>
                    </Group>
                  </UnstyledButton>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
