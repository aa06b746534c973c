import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Badge, Box, Button, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { NETWORKS, type ChannelStatus, type ConnectSetup, type Network } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { NetworkIcon } from '../../shared/ui/NetworkIcon';
import { EmptyState, ErrorState, LoadingState, isMissingEndpoint } from '../../shared/ui/states';
import { useStartConnect } from './connect-channel';
import { ConnectPicker } from './ConnectPicker';
import { InstagramSetupChoice } from './InstagramSetupChoice';
import { useChannels, type ChannelView } from './list-channels';
import { useSetChannelState } from './set-channel-state';
import { SyncHealth } from './SyncHealth';
import { useSyncNow } from './sync-now';
import { errorMessageKey, useErrorText } from '../../shared/api/error-text';
import { ConfirmDialog, notify } from '../../shared/ui/feedback';
import { useNow } from '../../shared/time/use-now';

/** The codes the API's OAuth callback ends on (apps/api/src/connect/connect-state.ts). */
const CONNECT_ERRORS = [
  'access_denied',
  'consent_failed',
  'invalid_state',
  'state_expired',
  'state_used',
  'other_session',
  'network_error',
  'no_accounts',
] as const;
type ConnectError = (typeof CONNECT_ERRORS)[number];
const isConnectError = (v: string | null): v is ConnectError => (CONNECT_ERRORS as ReadonlyArray<string | null>).includes(v);

const STATUS_COLOR: Record<ChannelStatus, string> = { connected: 'teal', needs_reauth: 'orange', paused: 'gray', error: 'red' };

export function ChannelsPage() {
  const { t } = useI18n();
  const channels = useChannels();
  const connect = useStartConnect();
  const [returned, setReturned] = useSearchParams();
  const [connectedNames, setConnectedNames] = useState<string[] | null>(null);
  const pendingId = returned.get('connect');
  const connectError = returned.get('connect_error');
  // Back from the network: the picker or the reason; the query goes once it has been dealt with.
  const finishReturn = () => setReturned({}, { replace: true });

  return (
    <Box p="lg" style={{ overflowY: 'auto' }}>
      <Title order={1} size="h3" mb="md">
        {t('channels.title')}
      </Title>
      {returned.get('error') && (
        <Alert color="red" mb="md" role="alert">
          {t('common.error', { message: returned.get('error') ?? '' })}
        </Alert>
      )}
      {connectError && (
        <Alert
          color={connectError === 'access_denied' ? 'yellow' : 'red'}
          mb="md"
          role="alert"
          data-testid="connect-error"
          withCloseButton
          onClose={finishReturn}
        >
          {isConnectError(connectError)
            ? t(`channels.connectError.${connectError}`, { code: returned.get('code') ?? '' })
            : t('channels.connectError.consent_failed')}
        </Alert>
      )}
      {connectedNames && (
        <Alert color="teal" mb="md" role="status" data-testid="connect-done" withCloseButton onClose={() => setConnectedNames(null)}>
          {t('channels.pick.done', { names: connectedNames.join(', ') })}
        </Alert>
      )}
      {pendingId && (
        <Box mb="lg">
          <ConnectPicker
            pendingId={pendingId}
            onCancel={finishReturn}
            onDone={(names) => {
              setConnectedNames(names);
              finishReturn();
            }}
          />
        </Box>
      )}
      <Stack gap="lg">
        <section aria-labelledby="connected-channels">
          <Title order={2} size="h5" id="connected-channels" mb="xs">
            {t('channels.connected')}
          </Title>
          {channels.isPending ? (
            <LoadingState />
          ) : channels.isError ? (
            <ErrorState error={channels.error} onRetry={() => void channels.refetch()} path="/api/channels" />
          ) : channels.data.length === 0 ? (
            <EmptyState>{t('channels.empty')}</EmptyState>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} data-testid="channel-list">
              {channels.data.map((c) => (
                <ChannelCard
                  key={c.id}
                  channel={c}
                  pendingSetup={connect.isPending && connect.variables?.channelId === c.id ? (connect.variables.setup ?? null) : null}
                  onReconnect={(setup) => connect.mutate({ network: c.network, channelId: c.id, ...(setup ? { setup } : {}) })}
                />
              ))}
            </SimpleGrid>
          )}
        </section>
        <section aria-labelledby="connect-channels">
          <Title order={2} size="h5" id="connect-channels" mb="xs">
            {t('channels.add')}
          </Title>
          {connect.isError && (
            <Alert color={isMissingEndpoint(connect.error) ? 'gray' : 'red'} mb="sm" role="alert">
              {isMissingEndpoint(connect.error)
                ? connect.variables
                  ? t('channels.connectNotYet', { network: t(`network.${connect.variables.network}`) })
                  : t('channels.connectUnavailable')
                : t(errorMessageKey(connect.error))}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
            {NETWORKS.map((network) => (
              <ConnectCard
                key={network}
                network={network}
                pending={connect.isPending && connect.variables?.network === network && !connect.variables.channelId}
                pendingSetup={connect.isPending && connect.variables?.network === network ? (connect.variables.setup ?? null) : null}
                onConnect={(setup) => connect.mutate({ network, ...(setup ? { setup } : {}) })}
              />
            ))}
          </SimpleGrid>
        </section>
      </Stack>
    </Box>
  );
}

function ChannelCard({
  channel,
  pendingSetup,
  onReconnect,
}: {
  channel: ChannelView;
  pendingSetup: ConnectSetup | null;
  onReconnect: (setup?: ConnectSetup) => void;
}) {
  const { t, formatDateTime, formatNumber, formatRelative } = useI18n();
  const setState = useSetChannelState();
  const syncNow = useSyncNow();
  const errorText = useErrorText();
  // "synced 2 min ago" moves on with the page's shared clock.
  const now = useNow();
  const [confirmPause, setConfirmPause] = useState(false);
  const share = channel.budgetUsed;
  const change = (action: 'pause' | 'resume') =>
    setState.mutate(
      { id: channel.id, action },
      {
        onSuccess: () => notify(t(action === 'pause' ? 'channels.paused' : 'channels.resumed', { name: channel.displayName })),
        onSettled: () => setConfirmPause(false),
      },
    );
  const requestSync = () =>
    syncNow.mutate(channel.id, {
      onSuccess: (answer) => notify(t(answer.queued ? 'channels.syncNowStarted' : 'channels.syncNowJoined', { name: channel.displayName })),
    });
  return (
    <Card withBorder data-testid="channel-card" data-network={channel.network}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <NetworkIcon network={channel.network} size={28} />
          <Box style={{ minWidth: 0 }}>
            <Text fw={600} truncate>
              {channel.displayName}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {t(`network.${channel.network}`)}
              {channel.handle ? ` · ${channel.handle}` : ''}
            </Text>
          </Box>
        </Group>
        <Badge color={STATUS_COLOR[channel.status]} variant="light" data-testid="channel-status">
          {t(`channels.state.${channel.status}`)}
        </Badge>
      </Group>
      <Stack gap={4} mt="sm">
        <Text size="xs">
          {t('channels.lastSync')}:{' '}
          {channel.lastSyncedAt ? (
            <span title={formatDateTime(channel.lastSyncedAt)}>
              {formatRelative(
                channel.lastSyncedAt,
                Math.max(now, Date.parse(channel.lastSyncedAt), channel.sync.lastRunAt ? Date.parse(channel.sync.lastRunAt) : 0),
              )}
            </span>
          ) : (
            t('channels.never')
          )}
        </Text>
        <SyncHealth channel={channel} now={now} />
        {channel.followers !== null && (
          <Text size="xs">
            {t('channels.followers')}: {formatNumber(channel.followers)}
          </Text>
        )}
        {share !== null && (
          <Box>
            <Text size="xs">
              {t('channels.budget')}: {formatNumber(share, { style: 'percent', maximumFractionDigits: 0 })}
              {channel.sync.budgetResetsAt && (
                <span data-testid="budget-reset" title={formatDateTime(channel.sync.budgetResetsAt)}>
                  {' · '}
                  {t('channels.budgetResets', { time: formatRelative(channel.sync.budgetResetsAt, now) })}
                </span>
              )}
            </Text>
            <Progress value={Math.min(100, share * 100)} color={share > 0.8 ? 'orange' : 'indigo'} size="sm" aria-label={t('channels.budget')} />
          </Box>
        )}
        {channel.status === 'needs_reauth' && (
          <Text size="xs" c="orange">
            {t('channels.needsReauthHint')}
          </Text>
        )}
        {channel.network === 'xing' && (
          <Text size="xs" c="dimmed">
            {t('channels.xingNotice')}
          </Text>
        )}
        {channel.network === 'linkedin' && (
          <Text size="xs" c="dimmed">
            {t('channels.linkedinNotice')}
          </Text>
        )}
        {channel.network === 'youtube' && (
          <Text size="xs" c="dimmed">
            {t('channels.youtubeNotice')}
          </Text>
        )}
        {channel.network === 'instagram' && (
          <Text size="xs" c="dimmed">
            {t('channels.instagramNotice')}
          </Text>
        )}
      </Stack>
      <Group gap="xs" mt="sm">
        {(channel.status === 'needs_reauth' || channel.status === 'error') && channel.network !== 'instagram' && (
          <Button size="xs" onClick={() => onReconnect()}>
            {t('channels.reconnect')}
          </Button>
        )}
        {channel.status === 'connected' && (
          <Button size="xs" variant="light" loading={syncNow.isPending} onClick={requestSync} data-testid="sync-now">
            {t('channels.syncNow')}
          </Button>
        )}
        {channel.status === 'paused' ? (
          <Button size="xs" variant="light" loading={setState.isPending} onClick={() => change('resume')}>
            {t('channels.resume')}
          </Button>
        ) : (
          <Button size="xs" variant="default" loading={setState.isPending} onClick={() => setConfirmPause(true)}>
            {t('channels.pause')}
          </Button>
        )}
      </Group>
      {(channel.status === 'needs_reauth' || channel.status === 'error') && channel.network === 'instagram' && (
        <InstagramSetupChoice mode="reconnect" pending={pendingSetup} onPick={onReconnect} />
      )}
      <ConfirmDialog
        opened={confirmPause}
        title={t('channels.confirmPause', { name: channel.displayName })}
        confirmLabel={t('channels.pauseConfirm')}
        loading={setState.isPending}
        onCancel={() => setConfirmPause(false)}
        onConfirm={() => change('pause')}
      >
        {t('channels.confirmPauseBody')}
      </ConfirmDialog>
      {setState.isError && (
        <Text size="xs" c="red.8" role="alert">
          {errorText(setState.error)}
        </Text>
      )}
      {syncNow.isError && (
        <Text size="xs" c="red.8" role="alert" data-testid="sync-now-error">
          {errorText(syncNow.error)}
        </Text>
      )}
    </Card>
  );
}

function ConnectCard({
  network,
  pending,
  pendingSetup,
  onConnect,
}: {
  network: Network;
  pending: boolean;
  pendingSetup: ConnectSetup | null;
  onConnect: (setup?: ConnectSetup) => void;
}) {
  const { t } = useI18n();
  return (
    <Card withBorder data-testid={`connect-${network}`}>
      <Group justify="space-between">
        <Group gap="xs">
          <NetworkIcon network={network} size={24} />
          <Text fw={500}>{t(`network.${network}`)}</Text>
        </Group>
        {network !== 'instagram' && (
          <Button size="xs" variant="light" loading={pending} onClick={() => onConnect()}>
            {t('channels.connect', { network: t(`network.${network}`) })}
          </Button>
        )}
      </Group>
      {network === 'instagram' && <InstagramSetupChoice mode="connect" pending={pending ? pendingSetup : null} onPick={onConnect} />}
      {network === 'xing' && (
        <Alert color="yellow" variant="light" mt="sm" p="xs" data-testid="xing-notice">
          <Text size="xs">{t('channels.xingNotice')}</Text>
        </Alert>
      )}
      {network === 'linkedin' && (
        <Alert color="blue" variant="light" mt="sm" p="xs" data-testid="linkedin-notice">
          <Text size="xs">{t('channels.linkedinNotice')}</Text>
        </Alert>
      )}
      {network === 'youtube' && (
        <Alert color="blue" variant="light" mt="sm" p="xs" data-testid="youtube-notice">
          <Text size="xs">{t('channels.youtubeNotice')}</Text>
        </Alert>
      )}
      {network === 'instagram' && (
        <Alert color="blue" variant="light" mt="sm" p="xs" data-testid="instagram-notice">
          <Text size="xs">{t('channels.instagramNotice')}</Text>
        </Alert>
      )}
    </Card>
  );
}
