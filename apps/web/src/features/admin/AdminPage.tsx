import { useState, type SubmitEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, Box, Button, Card, Group, Stack, Table, Tabs, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useErrorText } from '../../shared/api/error-text';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { ConfirmDialog, notify } from '../../shared/ui/feedback';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states';
import { useCanned, useCreateCanned, useDeleteCanned } from './canned-responses';
import { useSettings, useUpdateSettings } from './settings';
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
      <Tabs
        value={tab}
        onChange={(v) => {
          if (v) void navigate(`/admin/${v}`);
        }}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="users">{t('admin.users')}</Tabs.Tab>
          <Tabs.Tab value="canned">{t('admin.canned')}</Tabs.Tab>
          <Tabs.Tab value="settings">{t('admin.settings')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users">
          <UsersTab />
        </Tabs.Panel>
        <Tabs.Panel value="canned">
          <Canned />
        </Tabs.Panel>
        <Tabs.Panel value="settings">
          <Settings />
        </Tabs.Panel>
      </Tabs>
    </Box>
  );
}

function Canned() {
  const { t } = useI18n();
  const canned = useCanned();
  const create = useCreateCanned();
  const remove = useDeleteCanned();
  const errorText = useErrorText();
  const [form, setForm] = useState({ title: '', text: '', shortcut: '' });
  const [deleting, setDeleting] = useState<{ id: string; title: string } | null>(null);
  if (canned.isPending) return <LoadingState />;
  if (canned.isError) return <ErrorState error={canned.error} onRetry={() => void canned.refetch()} path="/api/canned-responses" />;
  return (
    <Stack>
      {canned.data.length === 0 ? (
        <EmptyState>{t('admin.noCanned')}</EmptyState>
      ) : (
        <Table striped>
          <Table.Tbody>
            {canned.data.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td fw={600}>{c.title}</Table.Td>
                <Table.Td>{c.shortcut ? `/${c.shortcut}` : ''}</Table.Td>
                <Table.Td style={{ maxWidth: 520 }}>
                  <Text size="sm" lineClamp={2}>
                    {c.text}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" color="red.8" onClick={() => setDeleting({ id: c.id, title: c.title })}>
                    {t('common.delete')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title={t('admin.confirmDeleteCanned', { title: deleting?.title ?? '' })}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => notify(t('admin.cannedDeleted', { title: deleting.title })),
            onSettled: () => setDeleting(null),
          })
        }
      >
        {t('admin.confirmDeleteCannedBody')}
      </ConfirmDialog>
      {remove.isError && <Alert color="red">{errorText(remove.error)}</Alert>}
      <Card
        withBorder
        component="form"
        maw={620}
        onSubmit={(e: SubmitEvent) => {
          e.preventDefault();
          create.mutate(
            { title: form.title, text: form.text, ...(form.shortcut ? { shortcut: form.shortcut } : {}) },
            {
              onSuccess: (created) => {
                setForm({ title: '', text: '', shortcut: '' });
                notify(t('admin.cannedCreated', { title: created.title }));
              },
            },
          );
        }}
      >
        <Stack gap="xs">
          <TextInput size="xs" required label={t('admin.title')} value={form.title} onChange={(e) => setForm({ ...form, title: e.currentTarget.value })} />
          <TextInput size="xs" label={t('admin.shortcut')} value={form.shortcut} onChange={(e) => setForm({ ...form, shortcut: e.currentTarget.value })} />
          <Textarea
            size="xs"
            required
            autosize
            minRows={3}
            label={t('admin.text')}
            description={t('admin.variables')}
            value={form.text}
            onChange={(e) => setForm({ ...form, text: e.currentTarget.value })}
          />
          {create.isError && <Alert color="red">{errorText(create.error)}</Alert>}
          <Button size="xs" type="submit" loading={create.isPending} w="fit-content">
            {t('common.create')}
          </Button>
        </Stack>
      </Card>
    </Stack>
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
      <SlaSettingsPanel />
    </Stack>
  );
}
