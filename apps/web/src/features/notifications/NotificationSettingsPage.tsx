import { Alert, Box, Checkbox, Table, Text, Title } from '@mantine/core';
import { NOTIFICATION_KINDS, type NotificationKind, type NotificationSettings } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { useNotificationSettings, useSaveNotificationSettings } from './notifications';

/** The signed-in user's notification settings: per kind, in the bell and by e-mail (saved on each change). */
export function NotificationSettingsPage() {
  const { t } = useI18n();
  const settings = useNotificationSettings();
  const save = useSaveNotificationSettings();
  if (settings.isPending) return <LoadingState />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  const current: NotificationSettings = settings.data;
  const set = (kind: NotificationKind, channel: 'inApp' | 'email', on: boolean) =>
    save.mutate({ kinds: { [kind]: { ...current.kinds[kind], [channel]: on } } });

  return (
    <Box p="md" maw={820} style={{ overflow: 'auto' }} data-testid="notification-settings">
      <Title order={1} size="h3" mb="xs">
        {t('notifications.settingsTitle')}
      </Title>
      <Text size="sm" mb="sm">
        {t('notifications.settingsIntro', { language: current.language === 'de' ? 'Deutsch' : 'English' })}
      </Text>
      {!current.emailAvailable && (
        <Alert color="gray" variant="light" mb="sm" data-testid="email-unavailable">
          <Text size="sm">{t('notifications.emailOff')}</Text>
        </Alert>
      )}
      <Table verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('notifications.column.kind')}</Table.Th>
            <Table.Th w={110}>{t('notifications.column.inApp')}</Table.Th>
            <Table.Th w={110}>{t('notifications.column.email')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {NOTIFICATION_KINDS.map((kind) => (
            <Table.Tr key={kind} data-testid={`notification-setting-${kind}`}>
              <Table.Td>
                <Text size="sm">{t(`notifications.setting.${kind}`)}</Text>
              </Table.Td>
              <Table.Td>
                <Checkbox
                  aria-label={`${t(`notifications.setting.${kind}`)}: ${t('notifications.column.inApp')}`}
                  checked={current.kinds[kind].inApp}
                  onChange={(e) => set(kind, 'inApp', e.currentTarget.checked)}
                  data-testid="setting-in-app"
                />
              </Table.Td>
              <Table.Td>
                <Checkbox
                  aria-label={`${t(`notifications.setting.${kind}`)}: ${t('notifications.column.email')}`}
                  checked={current.emailAvailable && current.kinds[kind].email}
                  disabled={!current.emailAvailable}
                  onChange={(e) => set(kind, 'email', e.currentTarget.checked)}
                  data-testid="setting-email"
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" mt="xs" role="status" c={save.isError ? 'red.9' : 'teal.9'} data-testid="settings-status">
        {save.isError ? t('notifications.saveFailed') : save.isSuccess ? t('notifications.saved') : ''}
      </Text>
    </Box>
  );
}
