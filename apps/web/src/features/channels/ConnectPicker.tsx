import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { ApiError } from '../../shared/api/http';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { NetworkIcon } from '../../shared/ui/NetworkIcon';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { useCompleteConnect } from './complete-connect';
import { usePendingConnect, type PendingConnect } from './get-pending-connect';
import { errorMessageKey } from '../../shared/api/error-text';

/**
 * The page picker after a network's consent (/channels?connect=<id>): the accounts the sign-in
 * gives access to, all preselected (or only the one whose Reconnect button started the flow).
 */
export function ConnectPicker({ pendingId, onDone, onCancel }: { pendingId: string; onDone: (names: string[]) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const pending = usePendingConnect(pendingId);
  if (pending.isPending) return <LoadingState />;
  if (pending.isError) {
    if (pending.error instanceof ApiError && pending.error.status === 404) {
      return (
        <Alert color="orange" role="alert" data-testid="connect-gone" withCloseButton onClose={onCancel}>
          {t('channels.pick.gone')}
        </Alert>
      );
    }
    return <ErrorState error={pending.error} onRetry={() => void pending.refetch()} />;
  }
  return <PickerForm pending={pending.data} onDone={onDone} onCancel={onCancel} />;
}

function PickerForm({ pending, onDone, onCancel }: { pending: PendingConnect; onDone: (names: string[]) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const complete = useCompleteConnect();
  const [picked, setPicked] = useState<string[]>(() => {
    const again = pending.accounts.filter((a) => a.channelId !== null && a.channelId === pending.reconnectChannelId);
    return (again.length ? again : pending.accounts).map((a) => a.externalId);
  });
  const network = t(`network.${pending.network}`);
  return (
    <Card withBorder data-testid="connect-picker">
      <Group gap="xs" mb="xs">
        <NetworkIcon network={pending.network} size={24} />
        <Title order={2} size="h5">
          {t('channels.pick.title', { network })}
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('channels.pick.hint')}
      </Text>
      <Checkbox.Group value={picked} onChange={setPicked} label={t('channels.pick.accounts')}>
        <Stack gap="xs" mt="xs">
          {pending.accounts.map((a) => (
            <Checkbox
              key={a.externalId}
              value={a.externalId}
              data-testid="connect-account"
              label={a.displayName + (a.handle ? ` · ${a.handle}` : '')}
              description={a.channelId ? t('channels.pick.reconnects') : undefined}
            />
          ))}
        </Stack>
      </Checkbox.Group>
      {complete.isError && (
        <Alert color="red" mt="sm" role="alert">
          {complete.error instanceof ApiError && complete.error.status === 404 ? t('channels.pick.gone') : t(errorMessageKey(complete.error))}
        </Alert>
      )}
      <Group mt="md" gap="xs">
        <Button
          disabled={picked.length === 0}
          loading={complete.isPending}
          onClick={() => complete.mutate({ id: pending.id, externalIds: picked }, { onSuccess: (r) => onDone(r.channels.map((c) => c.displayName)) })}
        >
          {t('channels.pick.submit')}
        </Button>
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Card>
  );
}
