import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, Box, Button, Group, Stack, Tabs, TextInput, Title } from '@mantine/core';
import { useErrorText } from '../../shared/api/error-text';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { notify } from '../../shared/ui/feedback';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { CannedResponsesTab } from './CannedResponsesTab';
import { QueueBoardLink } from './QueueBoardLink';
import { RulesTab } from './RulesTab';
import { useSettings, useUpdateSettings } from './settings';
import { OwnDomains } from './OwnDomains';
import { HumanAgentSetting } from './HumanAgentSetting';
import { SlaSettingsPanel } from './SlaSettings';
import { UsersTab } from './UsersTab';

export function AdminPage() {
  const { t } = useI18n();
  const { tab = 'users' } = useParams();
  const navigate = useNavigate();
  return (
    <Box p="lg" style={{ overflowY: 'auto' }}>
      <Title order={1} size="h3" mb="md">
        {t('nav.admin')}
      </Title>
      <QueueBoardLink />
      <Tabs
        value={tab}
        onChange={(v) => {
          if (v) void navigate(`/admin/${v}`);
        }}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="users">{t('admin.users')}</Tabs.Tab>
          <Tabs.Tab value="canned">{t('admin.canned')}</Tabs.Tab>
          <Tabs.Tab value="rules">{t('admin.rules')}</Tabs.Tab>
          <Tabs.Tab value="settings">{t('admin.settings')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users">
          <UsersTab />
        </Tabs.Panel>
        <Tabs.Panel value="canned">
          <CannedResponsesTab />
        </Tabs.Panel>
        <Tabs.Panel value="rules">
          <RulesTab />
        </Tabs.Panel>
        <Tabs.Panel value="settings">
          <Settings />
        </Tabs.Panel>
      </Tabs>
    </Box>
  );
}

/** Time zone (saved on its own: reports and due times count in it), then the SLA panel. */
function Settings() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const settings = useSettings();
  const update = useUpdateSettings();
  const [timezone, setTimezone] = useState<string | null>(null);
  if (settings.isPending) return <LoadingState />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} path="/api/settings" />;
  return (
    <Stack>
      <Group align="flex-end">
        <TextInput size="xs" label={t('admin.timezone')} value={timezone ?? settings.data.timezone} onChange={(e) => setTimezone(e.currentTarget.value)} />
        <Button
          size="xs"
          disabled={!timezone || timezone === settings.data.timezone}
          loading={update.isPending}
          onClick={() => timezone && update.mutate({ timezone }, { onSuccess: () => notify(t('admin.timezoneSaved')) })}
        >
          {t('common.save')}
        </Button>
      </Group>
      {update.isError && <Alert color="red">{errorText(update.error)}</Alert>}
      <OwnDomains saved={settings.data.ownDomains} />
      <HumanAgentSetting approved={settings.data.humanAgentTagApproved} />
      <SlaSettingsPanel />
    </Stack>
  );
}
