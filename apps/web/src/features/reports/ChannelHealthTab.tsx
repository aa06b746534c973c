import { Stack, Table } from '@mantine/core';
import type { ChannelHealthRow } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states';
import { useReport } from './get-report';
import { Definitions } from './parts';
import type { ReportTabProps } from './report-filters';

/** A health table cell: numbers and strings as they are, anything else as JSON (never "[object Object]"). */
const cellText = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);

/** The scalar columns of the channel-health rows, in the API's order (the rate budget object is not a cell). */
const HEALTH_COLUMNS = [
  'channel',
  'network',
  'display_name',
  'status',
  'last_synced_at',
  'lag_seconds',
  'last_error',
  'last_error_at',
  'consecutive_auth_failures',
  'gaps_reconciled',
  'messages_ingested',
  'mean_ingest_delay_seconds',
] as const satisfies ReadonlyArray<keyof ChannelHealthRow>;

export function ChannelHealthTab({ filters }: ReportTabProps) {
  const { t } = useI18n();
  const report = useReport('channels-health', filters);
  if (report.isPending) return <LoadingState />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} path="/api/reports/channels-health" />;
  const rows = report.data.rows;
  const columns = rows.length ? HEALTH_COLUMNS : [];
  return (
    <Stack>
      {rows.length === 0 ? (
        <EmptyState>{t('reports.empty')}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped data-testid="health-table">
            <Table.Thead>
              <Table.Tr>
                {columns.map((c) => (
                  <Table.Th key={c}>{c}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => (
                <Table.Tr key={i}>
                  {columns.map((c) => (
                    <Table.Td key={c}>{r[c] === null || r[c] === undefined ? t('common.none') : cellText(r[c])}</Table.Td>
                  ))}
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
