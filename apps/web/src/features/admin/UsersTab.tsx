import { useState, type SubmitEvent } from 'react';
import { Alert, Badge, Button, Card, CopyButton, Group, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { USER_ROLES, type AccessLinkView, type UserRole } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { useSessionUser } from '../../shared/session/session';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { useCreateAccessLink, useInviteUser, useUpdateUser, useUsers } from './users';
import { useErrorText } from '../../shared/api/error-text';
import { ConfirmDialog, notify } from '../../shared/ui/feedback';

/** A one-time link, shown once after it was made, with a copy button; the admin hands it over. */
function LinkToHandOver({ name, link }: { name: string; link: AccessLinkView }) {
  const { t, formatDateTime } = useI18n();
  return (
    <Alert color="green" variant="light" title={t('admin.linkFor', { name })} data-testid="access-link">
      <Stack gap="xs">
        <Text size="sm">{t('admin.linkHint', { name, date: formatDateTime(link.expiresAt) })}</Text>
        <TextInput
          size="xs"
          readOnly
          value={link.url}
          aria-label={t('admin.linkFor', { name })}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="access-link-url"
        />
        <CopyButton value={link.url}>
          {({ copied, copy }) => (
            <Button size="xs" w="fit-content" color={copied ? 'teal' : undefined} onClick={copy}>
              {copied ? t('admin.copied') : t('admin.copyLink')}
            </Button>
          )}
        </CopyButton>
      </Stack>
    </Alert>
  );
}

/** Users and roles: invite by one-time link, change role and active flag, hand out reset links. */
export function UsersTab() {
  const { t } = useI18n();
  const me = useSessionUser();
  const users = useUsers();
  const update = useUpdateUser();
  const invite = useInviteUser();
  const accessLink = useCreateAccessLink();
  const [form, setForm] = useState({ email: '', name: '', role: 'agent' as UserRole });
  const [shown, setShown] = useState<{ name: string; link: AccessLinkView } | null>(null);
  const roles = USER_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));
  const errorText = useErrorText();
  const [deactivating, setDeactivating] = useState<{ id: string; name: string } | null>(null);
  const setActive = (u: { id: string; name: string }, active: boolean) =>
    update.mutate(
      { id: u.id, active },
      { onSuccess: () => notify(t(active ? 'admin.activated' : 'admin.deactivated', { name: u.name })), onSettled: () => setDeactivating(null) },
    );

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    invite.mutate(
      { email: form.email.trim(), name: form.name.trim(), role: form.role },
      {
        onSuccess: ({ user, link }) => {
          setShown({ name: user.name, link });
          setForm({ email: '', name: '', role: 'agent' });
        },
      },
    );
  };

  if (users.isPending) return <LoadingState />;
  if (users.isError) return <ErrorState error={users.error} onRetry={() => void users.refetch()} path="/api/users" />;
  return (
    <Stack>
      <Table.ScrollContainer minWidth={560}>
        <Table striped data-testid="users-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.name')}</Table.Th>
              <Table.Th>{t('admin.email')}</Table.Th>
              <Table.Th>{t('admin.role')}</Table.Th>
              <Table.Th>{t('admin.active')}</Table.Th>
              <Table.Th>{t('admin.linkAction')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>
                  {u.name}
                  {u.invitationPending && (
                    <Badge ml="xs" size="xs" variant="light" color="gray">
                      {t('admin.invited')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{u.email}</Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    w={140}
                    aria-label={t('admin.role')}
                    data={roles}
                    value={u.role}
                    disabled={u.id === me.id}
                    onChange={(v) => {
                      const role = USER_ROLES.find((r) => r === v);
                      if (role)
                        update.mutate({ id: u.id, role }, { onSuccess: () => notify(t('admin.roleChanged', { name: u.name, role: t(`role.${role}`) })) });
                    }}
                    allowDeselect={false}
                  />
                </Table.Td>
                <Table.Td>
                  <Switch
                    aria-label={t('admin.active')}
                    checked={u.active}
                    disabled={u.id === me.id}
                    onChange={(e) => (e.currentTarget.checked ? setActive(u, true) : setDeactivating({ id: u.id, name: u.name }))}
                  />
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    disabled={!u.active}
                    aria-label={`${u.invitationPending ? t('admin.newInviteLink') : t('admin.resetLink')}: ${u.name}`}
                    loading={accessLink.isPending && accessLink.variables === u.id}
                    onClick={() => accessLink.mutate(u.id, { onSuccess: (link) => setShown({ name: u.name, link }) })}
                  >
                    {u.invitationPending ? t('admin.newInviteLink') : t('admin.resetLink')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmDialog
        opened={deactivating !== null}
        title={t('admin.confirmDeactivate', { name: deactivating?.name ?? '' })}
        confirmLabel={t('admin.deactivate')}
        loading={update.isPending}
        onCancel={() => setDeactivating(null)}
        onConfirm={() => deactivating && setActive(deactivating, false)}
      >
        {t('admin.confirmDeactivateBody', { name: deactivating?.name ?? '' })}
      </ConfirmDialog>
      {update.isError && <Alert color="red">{errorText(update.error)}</Alert>}
      {accessLink.isError && <Alert color="red">{errorText(accessLink.error)}</Alert>}
      {shown && <LinkToHandOver name={shown.name} link={shown.link} />}
      <Card withBorder component="form" onSubmit={submit} maw={520}>
        <Stack gap="xs">
          <Text fw={600} component="h2">
            {t('admin.inviteUser')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('admin.inviteHint')}
          </Text>
          <TextInput
            size="xs"
            required
            maxLength={200}
            label={t('admin.name')}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
          />
          <TextInput
            size="xs"
            required
            type="email"
            maxLength={254}
            label={t('admin.email')}
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
          />
          <Select
            size="xs"
            label={t('admin.role')}
            data={roles}
            value={form.role}
            onChange={(v) => setForm({ ...form, role: (v as UserRole) ?? 'agent' })}
            allowDeselect={false}
          />
          {invite.isError && <Alert color="red">{errorText(invite.error)}</Alert>}
          <Group>
            <Button size="xs" type="submit" loading={invite.isPending}>
              {t('admin.inviteSubmit')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
