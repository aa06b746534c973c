import { Badge, Stack, Table, Text } from '@mantine/core';
import { isNetwork, type ChannelHealthRow } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';
import type { MessageKey } from '../../shared/i18n/dictionary';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { useReport } from './get-report';
import { Definitions, NoData } from './parts';
import type { ReportTabProps } from './report-filters';

const STATES: Record<string, MessageKey> = {
  connected: 'channels.state.connected',
  needs_reauth: 'channels.state.needs_reauth',
  paused: 'channels.state.paused',
  error: 'channels.state.error',
};
const STATE_COLORS: Record<string, string> = { connected: 'teal', needs_reauth: 'orange', paused: 'gray', error: 'red' };

/** Channel health as a marketer reads it: network, account, last and next sync, lag, errors in words, budget used. */
export function ChannelHealthTab({ filters }: ReportTabProps) {
  const { t, formatDateTime, formatRelative, formatDuration, formatNumber } = useI18n();
  const report = useReport('channels-health', filters);
  if (report.isPending) return <LoadingState />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} path="/api/reports/channels-health" />;
  const rows = report.data.rows;
  const when = (iso: string | null) =>
    iso ? `${formatDateTime(iso, { dateStyle: 'medium', timeStyle: 'short' })} (${formatRelative(iso)})` : t('reports.health.never');
  const next = (r: ChannelHealthRow) => {
    if (!r.next_sync_at) return t('common.none');
    // Compared with when the report was read, not with each render's clock.
    return new Date(r.next_sync_at).getTime() <= report.dataUpdatedAt ? t('reports.health.due') : when(r.next_sync_at);
  };
  const errors = (r: ChannelHealthRow) => {
    const parts: string[] = [];
    if (r.last_error_code) parts.push(t(`reports.error.${r.last_error_code}`));
    if (r.last_error_at) parts.push(t('reports.health.since', { time: formatDateTime(r.last_error_at, { dateStyle: 'medium', timeStyle: 'short' }) }));
    if (r.consecutive_auth_failures > 0) parts.push(t('reports.health.authFailures', { count: formatNumber(r.consecutive_auth_failures) }));
    return parts.length ? parts.join(' · ') : t('reports.health.noError');
  };
  return (
    <Stack>
      {rows.length === 0 ? (
        <NoData testId="no-data-channels">
          {t('reports.empty.channels', { where: isNetwork(filters.network) ? t('reports.where', { network: t(`network.${filters.network}`) }) : '' })}
        </NoData>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped data-testid="health-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.health.network')}</Table.Th>
                <Table.Th>{t('reports.health.account')}</Table.Th>
                <Table.Th>{t('reports.health.status')}</Table.Th>
                <Table.Th>{t('reports.health.lastSync')}</Table.Th>
                <Table.Th>{t('reports.health.nextSync')}</Table.Th>
                <Table.Th>{t('reports.health.lag')}</Table.Th>
                <Table.Th>{t('reports.health.errors')}</Table.Th>
                <Table.Th>{t('reports.health.budget')}</Table.Th>
                <Table.Th>{t('reports.health.messages')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.channel} data-testid="health-row">
                  <Table.Td>{t(`network.${r.network}`)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {r.display_name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={STATE_COLORS[r.status] ?? 'gray'}>
                      {STATES[r.status] ? t(STATES[r.status]) : t('channels.state.error')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{when(r.last_synced_at)}</Table.Td>
                  <Table.Td>{next(r)}</Table.Td>
                  <Table.Td>{r.lag_seconds === null ? t('common.none') : formatDuration(r.lag_seconds)}</Table.Td>
                  <Table.Td style={{ maxWidth: 280 }}>
                    <Text size="sm">{errors(r)}</Text>
                  </Table.Td>
                  <Table.Td>
                    {r.budget_used_percent === null
                      ? t('reports.health.noBudget')
                      : formatNumber(r.budget_used_percent / 100, { style: 'percent', maximumFractionDigits: 0 })}
                  </Table.Td>
                  <Table.Td>{formatNumber(r.messages_ingested)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Definitions definitions={report.data.definitions} title={t('reports.definition')} />
    </Stack>
  );
}
