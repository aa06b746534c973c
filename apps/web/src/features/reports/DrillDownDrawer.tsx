import { Anchor, Drawer, Stack, Table, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { useDrillDown } from './get-report';
import { NoData } from './parts';
import type { DrillTarget, ReportFilters } from './report-filters';

/**
 * The threads behind one number, for the same period and filters as the report (the API reads the
 * rollup rows the number sums, so their messages add up to it). Each opens in the inbox.
 */
export function DrillDownDrawer({ filters, target, onClose }: { filters: ReportFilters; target: DrillTarget | null; onClose: () => void }) {
  const { t, formatNumber, formatDateTime } = useI18n();
  const navigate = useNavigate();
  const drill = useDrillDown(filters, target);
  const day = (iso: string) => formatDateTime(`${iso}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' });
  return (
    <Drawer opened={target !== null} onClose={onClose} position="right" size="xl" title={t('reports.drill.title')} data-testid="drill-drawer">
      {drill.isPending ? (
        <LoadingState />
      ) : drill.isError ? (
        <ErrorState error={drill.error} onRetry={() => void drill.refetch()} />
      ) : (
        <Stack gap="sm">
          <Text size="sm" fw={600} data-testid="drill-summary">
            {target?.kind === 'post'
              ? t('reports.drill.summaryPost', { messages: formatNumber(drill.data.total.messages), threads: formatNumber(drill.data.total.threads) })
              : t('reports.drill.summary', {
                  messages: formatNumber(drill.data.total.messages),
                  threads: formatNumber(drill.data.total.threads),
                  from: day(drill.data.params.from),
                  to: day(drill.data.params.to),
                })}
          </Text>
          {drill.data.threads.length < drill.data.total.threads && (
            <Text size="xs" c="dimmed">
              {t('reports.drill.more', { shown: formatNumber(drill.data.threads.length) })}
            </Text>
          )}
          {drill.data.threads.length === 0 ? (
            <NoData>{t('reports.drill.none')}</NoData>
          ) : (
            <Table.ScrollContainer minWidth={520}>
              <Table striped data-testid="drill-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reports.drill.contact')}</Table.Th>
                    <Table.Th>{t('reports.top.network')}</Table.Th>
                    <Table.Th>{t('reports.drill.firstDay')}</Table.Th>
                    <Table.Th>{t('reports.drill.messages')}</Table.Th>
                    <Table.Th>{t('reports.drill.preview')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {drill.data.threads.map((th) => (
                    <Table.Tr key={th.threadId} data-testid="drill-row" data-thread={th.threadId}>
                      <Table.Td>
                        <Anchor
                          href={`/inbox/${th.threadId}?status=all`}
                          onClick={(e) => {
                            e.preventDefault();
                            void navigate(`/inbox/${th.threadId}?status=all`);
                          }}
                          size="sm"
                        >
                          {th.contactName ?? t('reports.drill.unknownContact')}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{t(`network.${th.network}`)}</Table.Td>
                      <Table.Td>{day(th.firstDay)}</Table.Td>
                      <Table.Td data-testid="drill-messages">{formatNumber(th.messages)}</Table.Td>
                      <Table.Td style={{ maxWidth: 320 }}>
                        <Text size="sm" lineClamp={2}>
                          {th.preview}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
