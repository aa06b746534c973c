import { Text } from '@mantine/core';
import type { ChannelView } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';

/**
 * The sync part of a channel's card (issue 28): next sync, how current the inbox is, why the
 * channel syncs at its pace, and the last error in words. Times move on with the page's clock.
 */
export function SyncHealth({ channel, now }: { channel: ChannelView; now: number }) {
  const { t, formatDateTime, formatRelative, formatDuration, formatNumber } = useI18n();
  const { sync } = channel;
  // The page's clock ticks every 15 s; a sync or error newer than its last tick is not in the future.
  const clock = Math.max(now, sync.lastRunAt ? Date.parse(sync.lastRunAt) : 0);
  const network = t(`network.${channel.network}`);
  const interval = formatDuration(sync.intervalMs / 1000);
  const next = sync.nextSyncAt ? new Date(sync.nextSyncAt).getTime() : null;
  const pacingText = (() => {
    switch (sync.pacing) {
      case 'normal':
        return t('channels.pacing.normal', { interval });
      case 'paced':
        return channel.budgetUsed !== null
          ? t('channels.pacing.paced', {
              interval,
              base: formatDuration(sync.baseIntervalMs / 1000),
              percent: formatNumber(channel.budgetUsed, { style: 'percent', maximumFractionDigits: 0 }),
              network,
            })
          : t('channels.pacing.pacedNoBudget', { interval, base: formatDuration(sync.baseIntervalMs / 1000), network });
      case 'paused':
        return t('channels.pacing.paused', { time: sync.pausedUntil ? formatDateTime(sync.pausedUntil) : '—', network });
      case 'backing_off':
        return sync.failures === 1
          ? t('channels.pacing.backing_off_one', { interval, network })
          : t('channels.pacing.backing_off', { count: formatNumber(sync.failures), interval, network });
      case 'stopped':
        return null;
    }
  })();
  return (
    <>
      <Text size="xs" data-testid="next-sync" data-at={sync.nextSyncAt ?? ''}>
        {t('channels.nextSync')}:{' '}
        {next === null ? (
          t('channels.nextSyncNone')
        ) : next <= clock ? (
          t('channels.nextSyncDue')
        ) : (
          <span title={formatDateTime(new Date(next))}>{formatRelative(new Date(next), clock)}</span>
        )}
      </Text>
      {channel.lastSyncedAt && (
        <Text size="xs" data-testid="sync-lag" title={t('channels.lagHint')}>
          {t('channels.lag')}: {formatDuration((clock - new Date(channel.lastSyncedAt).getTime()) / 1000)}
        </Text>
      )}
      {pacingText && (
        <Text size="xs" c={sync.pacing === 'normal' ? 'dimmed' : 'orange'} data-testid="sync-pacing" data-pacing={sync.pacing}>
          {pacingText}
        </Text>
      )}
      {channel.lastError && (
        <Text size="xs" c="red.8" data-testid="channel-error" data-code={sync.lastErrorCode ?? ''}>
          {t('channels.lastError')}:{' '}
          {sync.lastErrorCode ? t(`channels.syncError.${sync.lastErrorCode}`, { network }) : t('channels.syncError.other', { network })}
          {channel.lastErrorAt ? ` (${formatRelative(channel.lastErrorAt, Math.max(clock, Date.parse(channel.lastErrorAt)))})` : ''}
        </Text>
      )}
    </>
  );
}
